package dev.rapport.core.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.core.assembly.CoreAssembly;
import dev.rapport.core.delivery.OutboxDelivery;
import dev.rapport.core.domain.User;
import dev.rapport.core.port.DigestOutbox.State;
import dev.rapport.core.port.DirectMessenger.RetryLater;
import dev.rapport.core.port.Telemetry;
import dev.rapport.core.testing.StorageSuite;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two instances' schedulers on one store, as two Rapport processes on one database would run. */
@StorageSuite
class DigestAcrossInstancesTest {
    private static final LocalDate WEDNESDAY = LocalDate.of(2026, 11, 25);
    private static final Instant NINE = Instant.parse("2026-11-25T09:00:00Z");

    @TempDir
    Path folder;

    private DigestFixture fixture;
    private DigestScheduler other;
    private User ada;

    @BeforeEach
    void open() {
        fixture = new DigestFixture(folder, NINE);
        ada = fixture.user("ada", "UTC");
        fixture.followUp(ada, "Marc Kelly", WEDNESDAY.minusDays(3));
        fixture.user("grace", "UTC");
        fixture.followUp(fixture.user("linus", "UTC"), "Tove", WEDNESDAY.minusDays(1));
        // The second instance shares the store and the platform (what reached a user, reached them).
        CoreAssembly second = CoreAssembly.over(fixture.clock, fixture.storage, "second");
        other = second.digests(second.delivery(List.of(fixture.messenger)), 1);
    }

    @AfterEach
    void close() {
        other.close();
        fixture.close();
    }

    @Test
    void anInstanceKilledMidSendLeavesItsDigestToAnotherAfterTheLeaseAndNothingIsSentTwice() {
        // GIVEN the first instance handed ada's digest to the platform and was killed before marking it
        fixture.messenger.dyingAfterTheNextDelivery();
        assertThatThrownBy(fixture::tick).isInstanceOf(FakeMessenger.Crash.class);
        assertThat(fixture.messenger.delivered()).hasSize(1);

        // WHEN the other instance ticks while the dead one's lease still runs, and again once it has run out
        DigestScheduler.Tick during = other.tick();
        fixture.clock.advance(OutboxDelivery.LEASE.plusSeconds(1));
        DigestScheduler.Tick after = other.tick();

        // THEN it left the leased digests alone, then took them over: ada's found on the platform, not resent
        assertThat(during.sent()).isZero();
        assertThat(after.sent()).isEqualTo(2);
        assertThat(fixture.messenger.delivered()).hasSize(2);
        assertThat(fixture.entry(ada, WEDNESDAY))
                .get()
                .extracting(e -> e.state())
                .isEqualTo(State.SENT);
        assertThat(fixture.outbox.takeovers()).isEqualTo(2);
    }

    @Test
    void aShorterLeaseSettingIsTakenOverOnceThatShorterTimeHasPassed() {
        // GIVEN an instance that holds what it takes for 15 s (RAPPORT_LEASE_SECONDS=15) handed ada's digest to the
        // platform and was killed before marking it
        CoreAssembly brief = CoreAssembly.over(
                fixture.clock, fixture.storage, Optional.empty(), Telemetry.NONE, "brief", Duration.ofSeconds(15));
        try (DigestScheduler killed = brief.digests(brief.delivery(List.of(fixture.messenger)), 1)) {
            fixture.messenger.dyingAfterTheNextDelivery();
            assertThatThrownBy(killed::tick).isInstanceOf(FakeMessenger.Crash.class);
        }

        // WHEN the other instance ticks 14 s later, and again 2 s after that
        fixture.clock.advance(Duration.ofSeconds(14));
        DigestScheduler.Tick during = other.tick();
        fixture.clock.advance(Duration.ofSeconds(2));
        DigestScheduler.Tick after = other.tick();

        // THEN the 15 s lease held, then ran out: both digests taken over, ada's found on the platform, not resent
        assertThat(during.sent()).isZero();
        assertThat(after.sent()).isEqualTo(2);
        assertThat(fixture.messenger.delivered()).hasSize(2);
        assertThat(fixture.outbox.takeovers()).isEqualTo(2);
    }

    @Test
    void aSlowInstanceWhoseDigestsWereTakenOverCannotMarkThemAndNothingIsSentTwice() {
        // GIVEN the first instance handed ada's digest to the platform, whose answer was so slow that the lease ran
        // out and the other instance took both owed digests over meanwhile
        List<DigestScheduler.Tick> meanwhile = new ArrayList<>();
        fixture.messenger.answeringLateAfterTheNextDelivery(() -> {
            fixture.clock.advance(OutboxDelivery.LEASE.plusSeconds(1));
            meanwhile.add(other.tick());
        });

        // WHEN the first instance's answer finally comes back and it goes on
        DigestScheduler.Tick slow = fixture.tick();

        // THEN the other instance found ada's digest on the platform (not resending it) and sent linus's; the slow
        // one's late marks changed nothing, and it did not send linus's again
        assertThat(meanwhile)
                .singleElement()
                .satisfies(tick -> assertThat(tick.sent()).isEqualTo(2));
        assertThat(slow.sent()).isZero();
        assertThat(fixture.messenger.delivered()).hasSize(2);
        assertThat(fixture.messenger.delivered())
                .extracting(FakeMessenger.Message::dedupeKey)
                .doesNotHaveDuplicates();
        assertThat(fixture.entry(ada, WEDNESDAY)).get().satisfies(entry -> {
            assertThat(entry.state()).isEqualTo(State.SENT);
            assertThat(entry.attempts()).isEqualTo(1);
        });
        assertThat(fixture.outbox.takeovers()).isEqualTo(2);
    }

    @Test
    void oneInstancesRateLimitPausesTheOthers() {
        // GIVEN the platform told the first instance to wait a minute
        fixture.messenger.answering(new RetryLater(Duration.ofMinutes(1), RetryLater.RATE_LIMITED));
        fixture.tick();

        // WHEN the second instance ticks within that minute, and after it
        DigestScheduler.Tick during = other.tick();
        fixture.clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        DigestScheduler.Tick after = other.tick();

        // THEN it sent nothing during the pause, and everything after it, each digest once
        assertThat(during.sent()).isZero();
        assertThat(after.sent()).isEqualTo(2);
        assertThat(fixture.messenger.delivered()).hasSize(2);
    }
}
