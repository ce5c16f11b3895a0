package dev.rapport.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.delivery.Pacer;
import dev.rapport.core.domain.UserKey;
import dev.rapport.core.port.DirectMessenger;
import dev.rapport.core.reply.Reply;
import dev.rapport.core.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The messenger a running Rapport uses: DM channels kept in the database, every Web API call paced to a budget, a
 * Retry-After holding the refused method's lane exactly that long. Time is a hand-moved clock that only the pacer's
 * waits move.
 */
class SlackPacedMessengerTest {
    private static final UserKey ANA = new UserKey("slack", SlackTestBed.TEAM, SlackTestBed.ANA);
    private static final UserKey BEA = new UserKey("slack", SlackTestBed.TEAM, SlackTestBed.BEA);

    @TempDir
    Path dir;

    SlackTestBed bed;
    final MutableClock clock = MutableClock.at("2026-11-25T08:00:00Z");
    Duration waited = Duration.ZERO;
    final Pacer.Waiter waiter = wait -> {
        waited = waited.plus(wait);
        clock.advance(wait);
    };

    @BeforeEach
    void start() throws Exception {
        bed = SlackTestBed.start(dir);
    }

    @AfterEach
    void stop() throws Exception {
        bed.close();
    }

    DirectMessenger messenger(SlackPacing pacing) {
        return bed.adapter.messenger(bed.storage.dmChannels(), pacing, pacing.pacer(clock, waiter));
    }

    @Test
    void aRestartedRapportFindsEachDmChannelInTheDatabaseInsteadOfOpeningItAgain() {
        DirectMessenger first = messenger(SlackPacing.tiers());
        assertThat(first.send(ANA, Reply.text("One"), "check-in:1")).isEqualTo(new DirectMessenger.Sent());
        assertThat(bed.slack.calls("conversations.open")).hasSize(1);
        assertThat(bed.storage.dmChannels().find(ANA)).contains("D0ANA00001");

        // A new messenger has nothing in memory, as after a restart.
        DirectMessenger afterRestart = messenger(SlackPacing.tiers());
        assertThat(afterRestart.send(ANA, Reply.text("Two"), "check-in:2")).isEqualTo(new DirectMessenger.Sent());

        assertThat(bed.slack.calls("conversations.open")).hasSize(1);
        assertThat(bed.slack.calls("chat.postMessage")).hasSize(2);
        assertThat(bed.slack.calls("chat.postMessage").get(1).form()).containsEntry("channel", "D0ANA00001");
    }

    @Test
    void aDmChannelSlackSaysIsGoneIsForgottenInTheDatabaseAndOpenedAfresh() {
        messenger(SlackPacing.tiers()).send(ANA, Reply.text("One"), "check-in:1");
        bed.slack.answerOnce("chat.postMessage", 200, Map.of(), "{\"ok\":false,\"error\":\"channel_not_found\"}");

        DirectMessenger.Delivery again = messenger(SlackPacing.tiers()).send(ANA, Reply.text("Two"), "check-in:2");

        assertThat(again).isEqualTo(new DirectMessenger.Sent());
        assertThat(bed.slack.calls("conversations.open")).hasSize(2);
        assertThat(bed.storage.dmChannels().find(ANA)).contains("D0ANA00001");
    }

    @Test
    void callsWaitForTheirTurnInTheWorkspacesBudget() {
        // 10 calls a second across all methods, a lane that starts empty: each send is two calls at first
        DirectMessenger messenger = messenger(SlackPacing.allMethods(10));

        messenger.send(ANA, Reply.text("One"), "check-in:1");
        messenger.send(BEA, Reply.text("Two"), "check-in:2");
        messenger.send(ANA, Reply.text("Three"), "check-in:3");

        // five calls (two opens, three posts) at 10 a second: the fifth goes out half a second after the start
        assertThat(bed.slack.calls("conversations.open").size()
                        + bed.slack.calls("chat.postMessage").size())
                .isEqualTo(5);
        assertThat(waited).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void aRetryAfterOnAMethodHoldsItsLaneExactlyThatLong() {
        DirectMessenger messenger = messenger(SlackPacing.allMethods(50));
        bed.slack.answerOnce(
                "conversations.open", 429, Map.of("Retry-After", "7"), Fixtures.text("web-api/ratelimited.json"));

        DirectMessenger.Delivery refused = messenger.send(ANA, Reply.text("One"), "check-in:1");
        Instant refusedAt = clock.instant();
        DirectMessenger.Delivery next = messenger.send(BEA, Reply.text("Two"), "check-in:2");

        assertThat(refused).isEqualTo(new DirectMessenger.RetryLater(Duration.ofSeconds(7), "ratelimited"));
        assertThat(next).isEqualTo(new DirectMessenger.Sent());
        // Bea's conversations.open went out exactly when Slack's wait ended, not a moment before
        assertThat(Duration.between(refusedAt, clock.instant())).isGreaterThanOrEqualTo(Duration.ofSeconds(7));
        assertThat(Duration.between(refusedAt, clock.instant()))
                .isLessThan(Duration.ofSeconds(7).plusMillis(50));
    }

    @Test
    void aRateLimitedMessageWaitsAloneForItsOwnDm() {
        DirectMessenger messenger = messenger(SlackPacing.allMethods(50));
        bed.slack.answerOnce(
                "chat.postMessage", 429, Map.of("Retry-After", "3"), Fixtures.text("web-api/ratelimited.json"));

        DirectMessenger.Delivery refused = messenger.send(ANA, Reply.text("One"), "check-in:1");
        Instant refusedAt = clock.instant();
        DirectMessenger.Delivery other = messenger.send(BEA, Reply.text("Two"), "check-in:2");

        // Ana's message is retried after exactly Slack's wait, not as a platform-wide rate limit; Bea's goes on
        assertThat(refused)
                .isEqualTo(new DirectMessenger.RetryLater(Duration.ofSeconds(3), SlackMessenger.CHANNEL_RATE_LIMITED));
        assertThat(((DirectMessenger.RetryLater) refused).rateLimited()).isFalse();
        assertThat(other).isEqualTo(new DirectMessenger.Sent());
        assertThat(Duration.between(refusedAt, clock.instant())).isLessThan(Duration.ofSeconds(1));
    }
}
