package dev.rapport.core.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.api.CommandRequest;
import dev.rapport.core.api.Requester;
import dev.rapport.core.assembly.CoreAssembly;
import dev.rapport.core.domain.Contact;
import dev.rapport.core.domain.User;
import dev.rapport.core.port.DigestOutbox.Backlog;
import dev.rapport.core.port.DirectMessenger.RetryLater;
import dev.rapport.core.port.Storage;
import dev.rapport.core.port.Telemetry;
import dev.rapport.core.testing.MutableClock;
import dev.rapport.core.testing.OpenStorage;
import dev.rapport.core.testing.StorageSuite;
import dev.rapport.core.testing.TestStorage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What core tells an operator's metrics: commands by name and outcome, each message's fate, and the backlog. */
@StorageSuite
class DigestTelemetryTest {
    private static final Instant NINE = Instant.parse("2026-11-25T09:00:00Z");

    @TempDir
    Path folder;

    private final List<String> events = new ArrayList<>();
    private final Telemetry recording = new Telemetry() {
        @Override
        public void handled(String command, Outcome outcome, Duration took) {
            assertThat(took.isNegative()).isFalse();
            events.add(command + " " + outcome);
        }

        @Override
        public void delivered(String kind, String platform, String outcome) {
            events.add(kind + " " + platform + " " + outcome);
        }

        @Override
        public void rateLimited(String platform, Duration wait) {
            events.add("rate limited " + platform + " " + wait.toSeconds() + "s");
        }
    };

    private MutableClock clock;
    private OpenStorage store;
    private Storage storage;
    private CoreAssembly core;
    private FakeMessenger messenger;

    @BeforeEach
    void open() {
        clock = new MutableClock(NINE);
        store = TestStorage.open(folder);
        storage = store.storage();
        core = CoreAssembly.over(clock, storage, recording);
        messenger = new FakeMessenger("slack", clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void commandsAreCountedByNameAndOutcomeAndUnknownNamesShareOneLabel() {
        Requester ada = Requester.of("slack", "T1", "U1", "Ada").withZone(ZoneId.of("UTC"));

        core.rapport().handle(CommandRequest.of(ada, "remember", "Marc Kelly: likes sailing"));
        core.rapport().handle(CommandRequest.of(ada, "circle", ""));
        core.rapport().handle(CommandRequest.of(ada, "settings", "digest at never-o-clock"));
        core.rapport().handle(CommandRequest.of(ada, "frobnicate", "anything"));
        core.rapport().handle(CommandRequest.of(ada, "xyzzy", ""));

        assertThat(events)
                .containsExactly(
                        "/remember OK", "/circle OK", "/settings REFUSED", "unknown REFUSED", "unknown REFUSED");
    }

    @Test
    void eachDigestsFateIsToldAndTheBacklogShowsTheOldestOwedOne() {
        User ada = user("U1");
        User bob = user("U2");
        followUp(ada, "Marc Kelly");
        followUp(bob, "Rita Moreno");
        assertThat(storage.digestOutbox().backlog()).isEqualTo(Backlog.EMPTY);
        messenger.answering(new RetryLater(Duration.ofSeconds(20), RetryLater.RATE_LIMITED));
        DigestScheduler scheduler = core.digests(core.delivery(List.of(messenger)), 1);
        events.clear();

        // WHEN the 09:00 tick claims both digests and the platform rate-limits the first send
        scheduler.tick();

        // THEN the rate limit and the retry are told, and both digests are owed since 09:00
        assertThat(events).containsExactly("rate limited slack 20s", "digest slack retried");
        assertThat(storage.digestOutbox().backlog()).isEqualTo(new Backlog(2, Optional.of(NINE)));

        // WHEN the wait is over
        clock.set(NINE.plusSeconds(60));
        events.clear();
        scheduler.tick();

        // THEN both are sent and nothing is owed
        assertThat(events).containsExactly("digest slack sent", "digest slack sent");
        assertThat(storage.digestOutbox().backlog()).isEqualTo(Backlog.EMPTY);
        scheduler.close();
    }

    private User user(String id) {
        return core.rapport().user(Requester.of("slack", "T1", id, id).withZone(ZoneId.of("UTC")));
    }

    private void followUp(User owner, String name) {
        Contact contact = storage.contacts()
                .create(Contact.newContact(owner.id(), name, Optional.empty(), Optional.empty(), NINE));
        storage.followUps().schedule(owner.id(), contact.id(), LocalDate.of(2026, 11, 24), Optional.empty(), NINE);
    }
}
