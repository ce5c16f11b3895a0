package dev.rapport.core.digest;

import static java.time.temporal.ChronoUnit.DAYS;
import static java.time.temporal.ChronoUnit.WEEKS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.rapport.core.domain.Cadence;
import dev.rapport.core.domain.DigestDays;
import dev.rapport.core.domain.User;
import dev.rapport.core.port.DigestOutbox.State;
import dev.rapport.core.reply.Reply;
import dev.rapport.core.reply.Section;
import dev.rapport.core.testing.StorageSuite;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@StorageSuite
class DigestSchedulingTest {
    private static final LocalDate WEDNESDAY = LocalDate.of(2026, 11, 25);
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final Duration QUARTER = Duration.ofMinutes(15);

    @TempDir
    Path folder;

    private DigestFixture fixture;

    @BeforeEach
    void open() {
        fixture = new DigestFixture(folder, at(WEDNESDAY, 8, 0));
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void closingARunningSchedulerDoesNotWaitForItsNextTick() {
        // GIVEN a started scheduler whose next tick is far away (the console at end of input, or a SIGTERM)
        fixture.scheduler.start(Duration.ofHours(1));

        // WHEN it is closed THEN it stops at once rather than when the next tick would have run
        assertTimeoutPreemptively(Duration.ofSeconds(5), fixture.scheduler::close);
        assertThat(fixture.messenger.attempts()).isEmpty();
    }

    @Test
    void theDigestComesOnceItsTimeHasPassedAndNotAgainThatDay() {
        // GIVEN a user with a follow-up due today and the default 09:00 digest
        User ada = fixture.user("ada", "UTC");
        fixture.followUp(ada, "Marc Kelly", WEDNESDAY);

        // WHEN the scheduler ticks at 08:59:30
        fixture.clock.set(at(WEDNESDAY, 8, 59).plusSeconds(30));
        fixture.tick();
        // THEN nothing is sent yet
        assertThat(fixture.messenger.attempts()).isEmpty();

        // WHEN it ticks at 09:00 and then through the rest of the day
        fixture.clock.set(at(WEDNESDAY, 9, 0));
        fixture.tickUntil(at(WEDNESDAY.plusDays(1), 0, 0), Duration.ofSeconds(30));

        // THEN exactly one digest was sent, at 09:00, and the outbox says so
        assertThat(fixture.messenger.delivered())
                .singleElement()
                .satisfies(message -> assertThat(message.at()).isEqualTo(at(WEDNESDAY, 9, 0)))
                .satisfies(message -> assertThat(message.dedupeKey()).isEqualTo("digest:" + ada.id() + ":2026-11-25"));
        assertThat(fixture.entry(ada, WEDNESDAY)).get().satisfies(entry -> {
            assertThat(entry.state()).isEqualTo(State.SENT);
            assertThat(entry.attempts()).isEqualTo(1);
            assertThat(entry.sentAt()).contains(at(WEDNESDAY, 9, 0));
        });
    }

    @Test
    void aPausedUserGetsNoDigestThroughTheLastPausedDay() {
        // GIVEN a user paused through Thursday, with a follow-up overdue all week
        User ada = fixture.user("ada", "UTC", s -> s.withPausedUntil(Optional.of(WEDNESDAY.plusDays(1))));
        fixture.followUp(ada, "Marc Kelly", WEDNESDAY.minusDays(7));

        // WHEN the scheduler ticks from Wednesday to Saturday night
        fixture.tickUntil(at(WEDNESDAY.plusDays(4), 0, 0), QUARTER);

        // THEN digests come on Friday and Saturday only
        assertThat(sentDates()).containsExactly(WEDNESDAY.plusDays(2), WEDNESDAY.plusDays(3));
    }

    @Test
    void aWeekdaysUserGetsNoDigestOnSaturdayOrSunday() {
        // GIVEN a weekdays-only user with a follow-up overdue all week
        LocalDate monday = LocalDate.of(2026, 11, 23);
        fixture.clock.set(at(monday, 0, 0));
        User ada = fixture.user("ada", "UTC", s -> s.withDigestDays(DigestDays.WEEKDAYS));
        fixture.followUp(ada, "Marc Kelly", monday.minusDays(7));

        // WHEN the scheduler ticks from Monday through Sunday
        fixture.tickUntil(at(monday.plusDays(7), 0, 0), QUARTER);

        // THEN digests came Monday to Friday, and the weekend was not even claimed
        assertThat(sentDates())
                .containsExactlyElementsOf(monday.datesUntil(monday.plusDays(5)).toList());
        assertThat(fixture.entry(ada, monday.plusDays(5))).isEmpty();
        assertThat(fixture.entry(ada, monday.plusDays(6))).isEmpty();
    }

    @Test
    void nothingDueSendsNoMessageAndIsNotPlannedAgainThatDay() {
        // GIVEN a user whose only follow-up is due tomorrow
        User ada = fixture.user("ada", "UTC");
        fixture.followUp(ada, "Marc Kelly", WEDNESDAY.plusDays(1));

        // WHEN the scheduler ticks at 09:00, and again every half minute until noon
        fixture.clock.set(at(WEDNESDAY, 9, 0));
        DigestScheduler.Tick first = fixture.tick();
        fixture.clock.advance(Duration.ofSeconds(30));
        List<DigestScheduler.Tick> later = ticksUntil(at(WEDNESDAY, 12, 0));

        // THEN no message; the day is recorded as having nothing due and no later tick plans it again
        assertThat(fixture.messenger.attempts()).isEmpty();
        assertThat(first.nothingDue()).isEqualTo(1);
        assertThat(fixture.entry(ada, WEDNESDAY))
                .get()
                .extracting(e -> e.state())
                .isEqualTo(State.NOTHING_DUE);
        assertThat(later).allSatisfy(tick -> assertThat(tick).isEqualTo(DigestScheduler.Tick.NONE));

        // AND tomorrow, when the follow-up is due, the digest comes
        fixture.clock.set(at(WEDNESDAY.plusDays(1), 9, 0));
        fixture.tick();
        assertThat(sentDates()).containsExactly(WEDNESDAY.plusDays(1));
    }

    @Test
    void theDigestIsCappedOrderedAndTheSameAsToday() {
        // GIVEN a user with a cap of 4, three follow-ups and three lapsed rhythms
        User ada = fixture.user("ada", "UTC", s -> s.withMaxItems(4));
        fixture.followUp(ada, "Due Today", WEDNESDAY);
        fixture.followUp(ada, "Due Last Week", WEDNESDAY.minusDays(7));
        fixture.followUp(ada, "Due Yesterday", WEDNESDAY.minusDays(1));
        // a weekly rhythm 6 days late is further behind than a monthly one 10 days late
        fixture.rhythm(
                ada, "Weekly Six Late", Cadence.every(1, WEEKS), WEDNESDAY.minusDays(13), WEDNESDAY.minusDays(6));
        fixture.rhythm(
                ada,
                "Monthly Ten Late",
                Cadence.every(1, java.time.temporal.ChronoUnit.MONTHS),
                WEDNESDAY.minusDays(40),
                WEDNESDAY.minusDays(10));
        fixture.rhythm(ada, "Daily Due Today", Cadence.every(1, DAYS), WEDNESDAY.minusDays(1), WEDNESDAY);

        // WHEN the digest goes out at 09:00 and the user asks for /today at the same moment
        fixture.clock.set(at(WEDNESDAY, 9, 0));
        fixture.tick();
        Reply today = fixture.run(ada, "today", "");

        // THEN follow-ups come first, oldest due first, then the rhythm most overdue for its cadence, then "+2 more"
        Reply digest = fixture.messenger.delivered().get(0).reply();
        assertThat(digest.sections())
                .extracting(section -> section.heading().orElse(""))
                .containsExactly("", "Due Last Week", "Due Yesterday", "Due Today", "Weekly Six Late", "");
        assertThat(digest.sections().get(0).body().plainText()).isEqualTo("6 people to get back to today.");
        assertThat(last(digest).body().plainText()).isEqualTo("+2 more — /followup list");
        // AND /today shows exactly what the digest held
        assertThat(today).isEqualTo(digest);
    }

    @Test
    void afterDowntimeTodaysDigestGoesOutButMissedDaysAreNotSentOneByOne() {
        // GIVEN a user who got Monday's digest, with a follow-up overdue all week
        LocalDate monday = LocalDate.of(2026, 11, 23);
        fixture.clock.set(at(monday, 9, 0));
        User ada = fixture.user("ada", "UTC");
        fixture.followUp(ada, "Marc Kelly", monday.minusDays(3));
        fixture.tick();

        // WHEN Rapport is down from then until Thursday 15:00, then comes back and ticks
        fixture.restart();
        fixture.clock.set(at(monday.plusDays(3), 15, 0));
        fixture.tickUntil(at(monday.plusDays(3), 16, 0), Duration.ofSeconds(30));

        // THEN Thursday's digest goes out once; Tuesday's and Wednesday's are never sent
        assertThat(sentDates()).containsExactly(monday, monday.plusDays(3));
        assertThat(fixture.entry(ada, monday.plusDays(1))).isEmpty();
        assertThat(fixture.entry(ada, monday.plusDays(2))).isEmpty();
        // AND the overdue follow-up is simply still in it
        assertThat(fixture.messenger.delivered().get(1).reply().plainText()).contains("Marc Kelly");
    }

    @Test
    void usersOfAPlatformWithoutAMessengerWaitUntilOneRuns() {
        // GIVEN a Discord user with something due, while only the Slack messenger runs
        User slack = fixture.user("ada", "UTC");
        fixture.followUp(slack, "Marc Kelly", WEDNESDAY);
        User discord = fixture.rapport.user(
                dev.rapport.core.api.Requester.of("discord", "", "42", "Bo").withZone(UTC));
        fixture.followUp(discord, "Zoë", WEDNESDAY);

        // WHEN the scheduler ticks at 09:00
        fixture.clock.set(at(WEDNESDAY, 9, 0));
        fixture.tick();

        // THEN the Slack user got their digest and the Discord user's day was not claimed
        assertThat(fixture.messenger.delivered()).extracting(m -> m.to()).containsExactly(slack.key());
        assertThat(fixture.entry(discord, WEDNESDAY)).isEmpty();

        // WHEN Rapport restarts with a Discord messenger too, later the same day
        FakeMessenger discordMessenger = new FakeMessenger("discord", fixture.clock);
        fixture.withMessenger(discordMessenger);
        fixture.clock.set(at(WEDNESDAY, 11, 0));
        fixture.tick();

        // THEN the Discord user gets today's digest through it, and the Slack user nothing more
        assertThat(discordMessenger.delivered()).extracting(m -> m.to()).containsExactly(discord.key());
        assertThat(fixture.messenger.delivered()).hasSize(1);
    }

    @Test
    void aUserWhoMovesWestAfterTodaysDigestIsNotSentYesterdays() {
        // GIVEN a user in Kolkata who got Thursday's digest at 09:00 there (Wednesday 19:30 in Los Angeles)
        LocalDate thursday = WEDNESDAY.plusDays(1);
        User ada = fixture.user("ada", "Asia/Kolkata");
        fixture.followUp(ada, "Marc Kelly", WEDNESDAY.minusDays(3));
        fixture.clock.set(ZonedDateTime.of(thursday.atTime(9, 0), ZoneId.of("Asia/Kolkata"))
                .toInstant());
        fixture.tick();

        // WHEN they move to Los Angeles, where it is still Wednesday and past 09:00, and the scheduler ticks on
        fixture.run(ada, "settings", "timezone America/Los_Angeles");
        fixture.tickUntil(fixture.now().plus(Duration.ofHours(2)), QUARTER);

        // THEN no digest for Wednesday follows Thursday's
        assertThat(fixture.messenger.delivered()).hasSize(1);
        assertThat(fixture.entry(ada, WEDNESDAY)).isEmpty();
    }

    @ParameterizedTest(name = "joined {0}:00, digest moved to {1}")
    @CsvSource({"10, 18:00", "13, 13:30", "21, 23:45"})
    void aDayClosedWithNothingDueIsSentWhenTheDigestMovesLaterThatDay(int joinedAt, String movedTo) {
        // GIVEN a user who arrives after the default 09:00 digest, so today is claimed at once and has nothing due
        fixture.clock.set(at(WEDNESDAY, joinedAt, 0));
        User ada = fixture.user("ada", "UTC");
        fixture.tick();
        assertThat(fixture.entry(ada, WEDNESDAY))
                .get()
                .extracting(e -> e.state())
                .isEqualTo(State.NOTHING_DUE);

        // WHEN they add a follow-up due today and move their digest later the same day
        fixture.followUp(ada, "Marc Kelly", WEDNESDAY);
        fixture.run(ada, "settings", "digest " + movedTo);
        fixture.tickUntil(at(WEDNESDAY.plusDays(1), 0, 0), QUARTER);

        // THEN today's digest comes once, at the new time
        LocalTime time = LocalTime.parse(movedTo);
        assertThat(fixture.messenger.delivered())
                .singleElement()
                .satisfies(m -> assertThat(m.at())
                        .isBetween(
                                at(WEDNESDAY, time.getHour(), time.getMinute()),
                                at(WEDNESDAY, time.getHour(), time.getMinute()).plus(QUARTER)));
        assertThat(fixture.entry(ada, WEDNESDAY))
                .get()
                .extracting(e -> e.state())
                .isEqualTo(State.SENT);
    }

    @Test
    void aSentDigestEndsTheDayWhereverTheDigestTimeMovesAfterwards() {
        // GIVEN a user whose 09:00 digest was sent
        User ada = fixture.user("ada", "UTC");
        fixture.followUp(ada, "Marc Kelly", WEDNESDAY);
        fixture.clock.set(at(WEDNESDAY, 9, 0));
        fixture.tick();
        assertThat(fixture.messenger.delivered()).hasSize(1);

        // WHEN they move the digest to 17:00, and then to 20:00, with a new follow-up due today
        fixture.followUp(ada, "Zoë Lane", WEDNESDAY);
        fixture.run(ada, "settings", "digest 17:00");
        fixture.tickUntil(at(WEDNESDAY, 18, 0), QUARTER);
        fixture.run(ada, "settings", "digest 20:00");
        fixture.tickUntil(at(WEDNESDAY.plusDays(1), 0, 0), QUARTER);

        // THEN no second digest comes that day
        assertThat(fixture.messenger.delivered()).hasSize(1);
    }

    @Test
    void aDayWithNothingDueIsNotReopenedByAnEarlierOrTheSameDigestTime() {
        // GIVEN a user whose 09:00 digest had nothing due
        User ada = fixture.user("ada", "UTC");
        fixture.clock.set(at(WEDNESDAY, 9, 0));
        fixture.tick();
        fixture.followUp(ada, "Marc Kelly", WEDNESDAY);

        // WHEN they set the digest to 09:00 again, and then to 08:00
        fixture.run(ada, "settings", "digest 09:00");
        fixture.tickUntil(at(WEDNESDAY, 12, 0), QUARTER);
        fixture.run(ada, "settings", "digest 08:00");
        fixture.tickUntil(at(WEDNESDAY.plusDays(1), 0, 0), QUARTER);

        // THEN nothing is sent that day: the day was already planned at or after those times
        assertThat(fixture.messenger.attempts()).isEmpty();
    }

    private List<DigestScheduler.Tick> ticksUntil(Instant end) {
        List<DigestScheduler.Tick> ticks = new java.util.ArrayList<>();
        while (fixture.now().isBefore(end)) {
            ticks.add(fixture.tick());
            fixture.clock.advance(Duration.ofSeconds(30));
        }
        return ticks;
    }

    private List<LocalDate> sentDates() {
        return fixture.messenger.delivered().stream()
                .map(message -> LocalDate.parse(
                        message.dedupeKey().substring(message.dedupeKey().lastIndexOf(':') + 1)))
                .toList();
    }

    private static Section last(Reply reply) {
        return reply.sections().get(reply.sections().size() - 1);
    }

    private static Instant at(LocalDate date, int hour, int minute) {
        return date.atTime(hour, minute).atZone(UTC).toInstant();
    }
}
