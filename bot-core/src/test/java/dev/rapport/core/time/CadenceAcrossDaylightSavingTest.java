package dev.rapport.core.time;

import static java.time.temporal.ChronoUnit.DAYS;
import static java.time.temporal.ChronoUnit.WEEKS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.rapport.core.domain.Cadence;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CadenceAcrossDaylightSavingTest {

    private static final LocalTime DIGEST_TIME = LocalTime.of(9, 0);
    private static final int STEPS = 5;

    static Stream<Arguments> rhythmsOverClockChanges() {
        LocalDate springForward = LocalDate.of(2026, 3, 8);
        LocalDate fallBack = LocalDate.of(2026, 10, 25);
        return Stream.of(
                arguments("America/Los_Angeles", springForward, Cadence.every(1, DAYS), 1),
                arguments("America/Los_Angeles", springForward, Cadence.every(1, WEEKS), 7),
                arguments("Europe/London", fallBack, Cadence.every(1, DAYS), 1),
                arguments("Europe/London", fallBack, Cadence.weekly(DayOfWeek.SUNDAY), 7));
    }

    @ParameterizedTest(name = "{2} in {0} over {1}")
    @MethodSource("rhythmsOverClockChanges")
    void rhythmStepsThroughConsecutiveLocalDatesAndKeepsNineOClock(
            String zoneId, LocalDate clockChange, Cadence cadence, int daysApart) {
        // GIVEN a zone whose clocks change on `clockChange`, and a rhythm starting two steps before it
        ZoneId zone = ZoneId.of(zoneId);
        assertThat(offset(zone, clockChange.minusDays(1))).isNotEqualTo(offset(zone, clockChange.plusDays(1)));
        LocalDate start = clockChange.minusDays(2L * daysApart);

        // WHEN the rhythm is stepped across the change
        List<LocalDate> dates =
                Stream.iterate(start, cadence::next).limit(STEPS).toList();

        // THEN no local date is skipped or repeated, and every digest is at 09:00 on the wall clock
        List<LocalDate> consecutive = IntStream.range(0, STEPS)
                .mapToObj(step -> start.plusDays((long) step * daysApart))
                .toList();
        assertThat(dates).containsExactlyElementsOf(consecutive).contains(clockChange);
        List<ZonedDateTime> digests = dates.stream()
                .map(date -> ZonedDateTime.of(date, DIGEST_TIME, zone))
                .toList();
        assertThat(digests)
                .allSatisfy(digest -> assertThat(digest.toLocalTime()).isEqualTo(DIGEST_TIME));
        // ...although the real time between the digests either side of the change was an hour more or less.
        Duration overTheChange = Duration.between(digests.get(1), digests.get(2));
        assertThat(overTheChange).isNotEqualTo(Duration.ofDays(daysApart));
    }

    private static ZoneOffset offset(ZoneId zone, LocalDate date) {
        return ZonedDateTime.of(date, DIGEST_TIME, zone).getOffset();
    }
}
