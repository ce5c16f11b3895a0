package dev.rapport.core.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.rapport.core.domain.User;
import dev.rapport.core.testing.StorageSuite;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@StorageSuite
class DigestAcrossTimeZonesTest {
    // Every zone below is a whole number of quarter hours from UTC, so ticks on UTC quarter hours land on 09:00 sharp.
    private static final Duration STEP = Duration.ofMinutes(15);
    private static final LocalTime NINE = LocalTime.of(9, 0);

    @TempDir
    Path folder;

    static Stream<Arguments> zonesAroundClockChangesAndMonthEnds() {
        return Stream.of(
                arguments("UTC", LocalDate.of(2026, 3, 8)),
                arguments("UTC", LocalDate.of(2026, 2, 28)),
                arguments("America/Los_Angeles", LocalDate.of(2026, 3, 8)),
                arguments("America/Los_Angeles", LocalDate.of(2026, 11, 1)),
                arguments("America/Los_Angeles", LocalDate.of(2026, 10, 31)),
                arguments("Asia/Kolkata", LocalDate.of(2026, 3, 8)),
                arguments("Asia/Kolkata", LocalDate.of(2026, 4, 30)),
                arguments("Pacific/Chatham", LocalDate.of(2026, 4, 5)),
                arguments("Pacific/Chatham", LocalDate.of(2026, 9, 27)));
    }

    @ParameterizedTest(name = "{0} around {1}")
    @MethodSource("zonesAroundClockChangesAndMonthEnds")
    void exactlyOneDigestPerLocalDateAtNineLocalTime(String zoneId, LocalDate around) {
        // GIVEN a user in the zone with the default 09:00 digest and a follow-up overdue on every day of the window
        ZoneId zone = ZoneId.of(zoneId);
        LocalDate first = around.minusDays(2);
        LocalDate last = around.plusDays(2);
        Instant start = ZonedDateTime.of(first, LocalTime.MIDNIGHT, zone).toInstant();
        Instant end =
                ZonedDateTime.of(last.plusDays(1), LocalTime.MIDNIGHT, zone).toInstant();
        try (DigestFixture fixture = new DigestFixture(folder, start)) {
            User ada = fixture.user("ada", zoneId);
            fixture.followUp(ada, "Marc Kelly", first.minusDays(10));

            // WHEN the scheduler ticks every quarter hour through five local days around the change
            fixture.tickUntil(end, STEP);

            // THEN each local date got exactly one digest, none missed or doubled, each at 09:00 on the wall clock
            List<ZonedDateTime> sent = fixture.messenger.delivered().stream()
                    .map(message -> message.at().atZone(zone))
                    .toList();
            assertThat(sent)
                    .extracting(ZonedDateTime::toLocalDate)
                    .containsExactlyElementsOf(
                            first.datesUntil(last.plusDays(1)).toList());
            assertThat(sent).extracting(ZonedDateTime::toLocalTime).containsOnly(NINE);
            assertThat(fixture.messenger.delivered())
                    .extracting(FakeMessenger.Message::dedupeKey)
                    .doesNotHaveDuplicates()
                    .contains("digest:" + ada.id() + ":" + around);
        }
    }

    @Test
    void aDigestTimeInsideTheSpringGapComesOnceWhenTheClocksJumpPastIt() {
        // GIVEN a Los Angeles user whose digest time, 02:30, does not exist on 8 March 2026 (02:00 jumps to 03:00)
        ZoneId la = ZoneId.of("America/Los_Angeles");
        LocalDate change = LocalDate.of(2026, 3, 8);
        Instant start =
                ZonedDateTime.of(change.minusDays(1), LocalTime.MIDNIGHT, la).toInstant();
        try (DigestFixture fixture = new DigestFixture(folder, start)) {
            User ada = fixture.user("ada", "America/Los_Angeles", s -> s.withDigestTime(LocalTime.of(2, 30)));
            fixture.followUp(ada, "Marc Kelly", change.minusDays(10));

            // WHEN the scheduler ticks through the day before, the day of and the day after the change
            fixture.tickUntil(
                    ZonedDateTime.of(change.plusDays(2), LocalTime.MIDNIGHT, la).toInstant(), STEP);

            // THEN one digest a day; on the day of the change it comes at 03:00, the first moment past 02:30
            assertThat(fixture.messenger.delivered())
                    .extracting(message -> message.at().atZone(la).toLocalDateTime())
                    .containsExactly(
                            change.minusDays(1).atTime(2, 30),
                            change.atTime(3, 0),
                            change.plusDays(1).atTime(2, 30));
        }
    }

    @Test
    void aDigestTimeInTheRepeatedAutumnHourComesOnlyOnce() {
        // GIVEN a Los Angeles user whose digest time, 01:30, happens twice on 1 November 2026 (02:00 falls back to
        // 01:00)
        ZoneId la = ZoneId.of("America/Los_Angeles");
        LocalDate change = LocalDate.of(2026, 11, 1);
        Instant start = ZonedDateTime.of(change, LocalTime.MIDNIGHT, la).toInstant();
        try (DigestFixture fixture = new DigestFixture(folder, start)) {
            User ada = fixture.user("ada", "America/Los_Angeles", s -> s.withDigestTime(LocalTime.of(1, 30)));
            fixture.followUp(ada, "Marc Kelly", change.minusDays(10));

            // WHEN the scheduler ticks through the 25-hour day
            fixture.tickUntil(
                    ZonedDateTime.of(change.plusDays(1), LocalTime.MIDNIGHT, la).toInstant(), STEP);

            // THEN the digest came once, at the first 01:30 (still daylight time)
            assertThat(fixture.messenger.delivered()).hasSize(1);
            ZonedDateTime at = fixture.messenger.delivered().get(0).at().atZone(la);
            assertThat(at.toLocalDateTime()).isEqualTo(change.atTime(1, 30));
            assertThat(at.getOffset().getTotalSeconds()).isEqualTo(-7 * 3600);
        }
    }
}
