package dev.rapport.core.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.core.domain.User;
import dev.rapport.core.port.DigestOutbox.State;
import dev.rapport.core.port.DirectMessenger.RetryLater;
import dev.rapport.core.port.DirectMessenger.Unreachable;
import dev.rapport.core.reply.Reply;
import dev.rapport.core.testing.StorageSuite;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@StorageSuite
class DigestDeliveryTest {
    private static final LocalDate WEDNESDAY = LocalDate.of(2026, 11, 25);
    private static final Instant NINE = at(WEDNESDAY, 9, 0);
    private static final Duration HALF_MINUTE = Duration.ofSeconds(30);

    @TempDir
    Path folder;

    private DigestFixture fixture;
    private User ada;

    @BeforeEach
    void open() {
        // GIVEN (for every test) a UTC user with the default 09:00 digest and a follow-up overdue all week
        fixture = new DigestFixture(folder, NINE);
        ada = fixture.user("ada", "UTC");
        fixture.followUp(ada, "Marc Kelly", WEDNESDAY.minusDays(7));
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aClaimedButUnsentDigestIsSentOnceAfterARestart() {
        // GIVEN today's digest was claimed, and Rapport died before sending it
        assertThat(fixture.scheduler.claim(NINE)).isEqualTo(1);
        fixture.restart();

        // WHEN a new scheduler on the same database ticks through the day, with another restart in between
        fixture.clock.set(NINE.plusSeconds(45));
        fixture.tickUntil(at(WEDNESDAY, 12, 0), HALF_MINUTE);
        fixture.restart();
        fixture.tickUntil(at(WEDNESDAY, 23, 59), Duration.ofMinutes(10));

        // THEN the digest was sent exactly once
        assertThat(fixture.messenger.attempts()).hasSize(1);
        assertThat(fixture.entry(ada, WEDNESDAY)).get().satisfies(entry -> {
            assertThat(entry.state()).isEqualTo(State.SENT);
            assertThat(entry.attempts()).isEqualTo(1);
        });
    }

    @Test
    void aDigestThatReachedTheUserJustBeforeACrashIsNotSentAgain() {
        // GIVEN the platform took today's digest, and Rapport died before marking it sent
        fixture.messenger.dyingAfterTheNextDelivery();
        assertThatThrownBy(fixture::tick).isInstanceOf(FakeMessenger.Crash.class);
        assertThat(fixture.entry(ada, WEDNESDAY))
                .get()
                .extracting(e -> e.state())
                .isEqualTo(State.CLAIMED);

        // WHEN Rapport restarts and ticks on
        fixture.restart();
        fixture.tickUntil(at(WEDNESDAY, 12, 0), HALF_MINUTE);

        // THEN it asked the platform, found the digest there, and did not send it again
        assertThat(fixture.messenger.attempts()).hasSize(1);
        assertThat(fixture.entry(ada, WEDNESDAY))
                .get()
                .extracting(e -> e.state())
                .isEqualTo(State.SENT);
    }

    @Test
    void aCrashBeforeThePlatformTookTheDigestMeansItIsSentAfterTheRestart() {
        // GIVEN Rapport died while handing the digest over, and the platform never got it
        fixture.messenger.failingOnce(new IllegalStateException("connection reset"));
        fixture.tick();
        assertThat(fixture.messenger.delivered()).isEmpty();

        // WHEN Rapport restarts and ticks past the retry
        fixture.restart();
        fixture.tickUntil(at(WEDNESDAY, 12, 0), HALF_MINUTE);

        // THEN it was delivered once
        assertThat(fixture.messenger.delivered()).hasSize(1);
    }

    @Test
    void aSentDigestIsNeverSentAgainAfterARestart() {
        // GIVEN today's digest went out at 09:00
        fixture.tick();
        assertThat(fixture.messenger.delivered()).hasSize(1);

        // WHEN Rapport restarts twice during the day and ticks on
        for (int restart = 0; restart < 2; restart++) {
            fixture.restart();
            fixture.tickUntil(fixture.now().plus(Duration.ofHours(3)), HALF_MINUTE);
        }

        // THEN nothing more was sent
        assertThat(fixture.messenger.attempts()).hasSize(1);
    }

    @Test
    void aTransientFailureIsRetriedAfterThePlatformsWaitThenDelivered() {
        // GIVEN a platform that is rate limited for two minutes, then fine
        fixture.messenger.answering(new RetryLater(Duration.ofMinutes(2), "rate limited (429)"));

        // WHEN the scheduler ticks from 09:00 every half minute
        fixture.tick();
        // THEN the failure is recorded and the next attempt waits for the platform's two minutes
        assertThat(fixture.entry(ada, WEDNESDAY)).get().satisfies(entry -> {
            assertThat(entry.state()).isEqualTo(State.CLAIMED);
            assertThat(entry.attempts()).isEqualTo(1);
            assertThat(entry.lastError()).contains("rate limited (429)");
            assertThat(entry.nextAttemptAt()).contains(NINE.plus(Duration.ofMinutes(2)));
        });
        fixture.clock.advance(HALF_MINUTE);
        fixture.tickUntil(at(WEDNESDAY, 10, 0), HALF_MINUTE);

        // THEN the second attempt, at 09:02, delivered the same digest under the same dedupe key, and no more came
        assertThat(fixture.messenger.attempts())
                .extracting(FakeMessenger.Message::at)
                .containsExactly(NINE, NINE.plus(Duration.ofMinutes(2)));
        assertThat(fixture.messenger.attempts())
                .extracting(FakeMessenger.Message::dedupeKey)
                .containsOnly("digest:" + ada.id() + ":2026-11-25");
        assertThat(fixture.messenger.delivered()).hasSize(1);
        assertThat(fixture.entry(ada, WEDNESDAY)).get().satisfies(entry -> {
            assertThat(entry.state()).isEqualTo(State.SENT);
            assertThat(entry.attempts()).isEqualTo(2);
            assertThat(entry.lastError()).contains("rate limited (429)");
        });
    }

    @Test
    void aRateLimitedPlatformIsLeftAloneForItsWaitThenEveryoneIsDelivered() {
        // GIVEN two users due at 09:00 and a platform that answers the first send "rate limited, retry after 1 s"
        User bo = fixture.user("bo", "UTC");
        fixture.followUp(bo, "Zoe Adams", WEDNESDAY.minusDays(2));
        fixture.messenger.answering(new RetryLater(Duration.ofSeconds(1), "rate limited (429)"));

        // WHEN the scheduler ticks at 09:00
        fixture.tick();

        // THEN it stopped sending to that platform after the 429: one attempt, nobody delivered yet
        assertThat(fixture.messenger.attempts()).hasSize(1);
        assertThat(fixture.messenger.delivered()).isEmpty();

        // WHEN one second (the platform's wait, not the 30 s backoff) has passed
        fixture.clock.advance(Duration.ofSeconds(1));
        fixture.tick();

        // THEN both digests went out
        assertThat(fixture.messenger.delivered()).hasSize(2);
    }

    @Test
    void aServerErrorForOneDigestDoesNotHoldBackTheOthers() {
        // GIVEN two users due at 09:00 and a platform whose first answer is a server error
        User bo = fixture.user("bo", "UTC");
        fixture.followUp(bo, "Zoe Adams", WEDNESDAY.minusDays(2));
        fixture.messenger.answering(new RetryLater(Duration.ofMinutes(1), "server error (503)"));

        // WHEN the scheduler ticks at 09:00
        fixture.tick();

        // THEN the other digest went out in the same tick; only the failed one waits
        assertThat(fixture.messenger.attempts()).hasSize(2);
        assertThat(fixture.messenger.delivered()).hasSize(1);
    }

    @Test
    void parallelSendsDeliverEveryDigestExactlyOnce() {
        // GIVEN 120 more users due at 09:00, and a thread-safe platform that counts deliveries per user
        for (int i = 0; i < 120; i++) {
            fixture.followUp(fixture.user("user" + i, "UTC"), "Friend " + i, WEDNESDAY.minusDays(1));
        }
        java.util.Map<dev.rapport.core.domain.UserKey, Integer> received =
                new java.util.concurrent.ConcurrentHashMap<>();
        dev.rapport.core.port.DirectMessenger counting = new dev.rapport.core.port.DirectMessenger() {
            @Override
            public String platform() {
                return DigestFixture.PLATFORM;
            }

            @Override
            public Delivery send(dev.rapport.core.domain.UserKey to, Reply message, String dedupeKey) {
                received.merge(to, 1, Integer::sum);
                return new Sent();
            }
        };
        DigestScheduler parallel = fixture.core.digests(fixture.core.delivery(java.util.List.of(counting)), 4);

        // WHEN it ticks at 09:00 and again later
        parallel.tick();
        fixture.clock.advance(Duration.ofMinutes(5));
        parallel.tick();
        parallel.close();

        // THEN all 121 got exactly one digest
        assertThat(received).hasSize(121);
        assertThat(received.values()).containsOnly(1);
    }

    @Test
    void repeatedFailuresBackOffExponentially() {
        // GIVEN a platform failing four times with no wait of its own (server errors), then fine
        RetryLater serverError = new RetryLater(Duration.ZERO, "server error (503)");
        fixture.messenger.answering(serverError, serverError, serverError, serverError);

        // WHEN the scheduler ticks every ten seconds for an hour
        fixture.tickUntil(at(WEDNESDAY, 10, 0), Duration.ofSeconds(10));

        // THEN the waits between attempts double from half a minute, and the fifth attempt delivered
        assertThat(fixture.messenger.attempts())
                .extracting(FakeMessenger.Message::at)
                .containsExactly(
                        NINE,
                        NINE.plusSeconds(30),
                        NINE.plusSeconds(30 + 60),
                        NINE.plusSeconds(30 + 60 + 120),
                        NINE.plusSeconds(30 + 60 + 120 + 240));
        assertThat(fixture.messenger.delivered()).hasSize(1);
        assertThat(dev.rapport.core.delivery.OutboxDelivery.backoff(30)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aMessengerThatThrowsIsRetriedLikeATransientFailure() {
        // GIVEN a messenger whose first send throws (a time-out it did not turn into RetryLater)
        fixture.messenger.failingOnce(new IllegalStateException("read timed out"));

        // WHEN the scheduler ticks for a few minutes
        fixture.tickUntil(NINE.plus(Duration.ofMinutes(5)), HALF_MINUTE);

        // THEN the digest was delivered on the second attempt
        assertThat(fixture.messenger.attempts()).hasSize(2);
        assertThat(fixture.messenger.delivered()).hasSize(1);
        assertThat(fixture.entry(ada, WEDNESDAY))
                .get()
                .extracting(e -> e.lastError().orElseThrow())
                .isEqualTo("IllegalStateException");
    }

    @Test
    void anUnreachableUserIsNotTriedAgainAndTheirNextReplySaysWhy() {
        // GIVEN a platform that cannot message the user
        fixture.messenger.answering(new Unreachable("they do not accept direct messages"));

        // WHEN the scheduler ticks from Wednesday 09:00 until Thursday noon
        fixture.tickUntil(at(WEDNESDAY.plusDays(1), 12, 0), Duration.ofMinutes(5));

        // THEN there was one attempt; the user is marked unreachable and Thursday was not tried
        assertThat(fixture.messenger.attempts()).hasSize(1);
        assertThat(fixture.entry(ada, WEDNESDAY)).get().satisfies(entry -> {
            assertThat(entry.state()).isEqualTo(State.UNREACHABLE);
            assertThat(entry.lastError()).contains("they do not accept direct messages");
        });
        assertThat(fixture.reload(ada).unreachableReason()).contains("they do not accept direct messages");
        assertThat(fixture.entry(ada, WEDNESDAY.plusDays(1))).isEmpty();

        // WHEN the user next runs a command, and then another
        Reply next = fixture.run(ada, "help", "");
        Reply after = fixture.run(ada, "help", "");

        // THEN the first reply starts by saying why no digest came, then shows the digest itself with its buttons;
        // the second repeats neither
        assertThat(next.sections().get(0).body().plainText())
                .startsWith("Your digest couldn't be delivered: they do not accept direct messages.")
                .contains("Here it is");
        assertThat(next.sections().get(1).body().plainText()).isEqualTo("One person to get back to today.");
        assertThat(next.sections().get(2).heading()).contains("Marc Kelly");
        assertThat(next.sections().get(2).buttons()).extracting(b -> b.label()).contains("Done");
        assertThat(next.plainText()).contains("/forget <who>"); // the command's own answer follows
        assertThat(after.plainText())
                .doesNotContain("couldn't be delivered")
                .doesNotContain("One person to get back to today.");

        // AND once they have been told, the next digest is tried again (here: Friday's, delivered)
        fixture.clock.set(at(WEDNESDAY.plusDays(2), 9, 0));
        fixture.tick();
        assertThat(fixture.messenger.delivered()).hasSize(1);
        assertThat(fixture.reload(ada).unreachableReason()).isEmpty();
    }

    @Test
    void todayAfterAnUndeliveredDigestSaysSoOnceAndShowsTheDigestOnce() {
        // GIVEN today's digest could not be sent as a direct message
        fixture.messenger.answering(new Unreachable("Cannot send messages to this user"));
        fixture.tickUntil(at(WEDNESDAY, 9, 30), Duration.ofMinutes(5));
        assertThat(fixture.reload(ada).unreachableReason()).contains("Cannot send messages to this user");

        // WHEN the user next runs /today, and then /today again
        Reply today = fixture.run(ada, "today", "");
        Reply again = fixture.run(ada, "today", "");

        // THEN the first says once that the digest did not come and that this is it, with the digest shown once
        assertThat(today.sections().get(0).body().plainText())
                .startsWith("Your digest couldn't be delivered: Cannot send messages to this user.")
                .contains("This is it");
        assertThat(today.plainText().split("couldn't be delivered", -1)).hasSize(2);
        assertThat(today.sections().stream().filter(s -> s.heading().equals(java.util.Optional.of("Marc Kelly"))))
                .hasSize(1);
        // AND the second is the digest alone; the mark is cleared, so the next digest tries a direct message again
        assertThat(again.plainText()).doesNotContain("couldn't be delivered").contains("Marc Kelly");
        assertThat(fixture.reload(ada).unreachableReason()).isEmpty();
    }

    @Test
    void aDigestStillUndeliveredWhenTheLocalDayEndsIsDroppedNotSentLate() {
        // GIVEN a platform that asks to come back in 20 hours
        fixture.messenger.answering(new RetryLater(Duration.ofHours(20), "maintenance"));

        // WHEN the scheduler ticks from Wednesday 09:00 until Thursday 10:00
        fixture.tickUntil(at(WEDNESDAY.plusDays(1), 10, 0), Duration.ofMinutes(5));

        // THEN Wednesday's digest expired unsent and Thursday's went out at 09:00 as usual
        assertThat(fixture.entry(ada, WEDNESDAY))
                .get()
                .extracting(e -> e.state())
                .isEqualTo(State.EXPIRED);
        assertThat(fixture.messenger.delivered())
                .singleElement()
                .satisfies(m -> assertThat(m.dedupeKey()).endsWith(":2026-11-26"))
                .satisfies(m -> assertThat(m.at()).isEqualTo(at(WEDNESDAY.plusDays(1), 9, 0)));
    }

    @Test
    void aLongDeliveryRoundClaimsAgainSoLaterDigestsAreNotHeldBack() {
        // GIVEN 600 users due at 09:00 on a platform that takes a second per message, and Bo, due at 09:05
        fixture.messenger.taking(fixture.clock, Duration.ofSeconds(1));
        for (int i = 1; i < 600; i++) {
            fixture.followUp(fixture.user("user" + i, "UTC"), "Marc Kelly", WEDNESDAY);
        }
        User bo = fixture.user("bo", "UTC", s -> s.withDigestTime(java.time.LocalTime.of(9, 5)));
        fixture.followUp(bo, "Zoë Park", WEDNESDAY);

        // WHEN one tick starts at 09:00 (its first round of 500 messages lasts past 09:08)
        DigestScheduler.Tick tick = fixture.tick();

        // THEN the same tick claimed Bo's digest once 09:05 had passed and delivered everyone's
        assertThat(tick.claimed()).isEqualTo(601);
        assertThat(tick.sent()).isEqualTo(601);
        assertThat(fixture.entry(bo, WEDNESDAY))
                .get()
                .extracting(e -> e.state())
                .isEqualTo(State.SENT);
    }

    private static Instant at(LocalDate date, int hour, int minute) {
        return date.atTime(hour, minute).toInstant(ZoneOffset.UTC);
    }
}
