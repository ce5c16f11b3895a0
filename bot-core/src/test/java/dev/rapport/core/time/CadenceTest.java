package dev.rapport.core.time;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.temporal.ChronoUnit.DAYS;
import static java.time.temporal.ChronoUnit.MONTHS;
import static java.time.temporal.ChronoUnit.WEEKS;
import static java.time.temporal.ChronoUnit.YEARS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.rapport.core.domain.Cadence;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;

class CadenceTest {

    static Stream<Arguments> everyKind() {
        return Stream.of(
                arguments(Cadence.every(1, DAYS), "P1D", "every day", 1),
                arguments(Cadence.every(3, DAYS), "P3D", "every 3 days", 3),
                arguments(Cadence.every(1, WEEKS), "P1W", "every week", 7),
                arguments(Cadence.every(3, WEEKS), "P3W", "every 3 weeks", 21),
                arguments(Cadence.every(1, MONTHS), "P1M", "every month", 30),
                arguments(Cadence.every(2, MONTHS), "P2M", "every 2 months", 60),
                arguments(Cadence.every(1, YEARS), "P1Y", "every year", 365),
                arguments(Cadence.every(2, YEARS), "P2Y", "every 2 years", 730),
                arguments(Cadence.weekly(FRIDAY), "FRIDAY", "every Friday", 7));
    }

    @ParameterizedTest(name = "{1} reads \"{2}\"")
    @MethodSource("everyKind")
    void eachKindHasWordsACodeAndARoughLength(Cadence cadence, String code, String words, long days) {
        assertThat(cadence.code()).isEqualTo(code);
        assertThat(cadence.describe()).isEqualTo(words);
        assertThat(cadence.approximateDays()).isEqualTo(days);
    }

    static Stream<Cadence> everyStorableCadence() {
        Stream<Cadence> counted = Stream.of(DAYS, WEEKS, MONTHS, YEARS)
                .flatMap(unit -> Stream.of(1, 2, 3, 7, 10).map(amount -> Cadence.every(amount, unit)));
        Stream<Cadence> longest = Stream.of(
                Cadence.every(3650, DAYS),
                Cadence.every(520, WEEKS),
                Cadence.every(120, MONTHS),
                Cadence.every(10, YEARS));
        Stream<Cadence> weekdays = Arrays.stream(DayOfWeek.values()).map(Cadence::weekly);
        return Stream.of(counted, longest, weekdays).flatMap(s -> s);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyStorableCadence")
    void codeRoundTripsToAnEqualCadence(Cadence cadence) {
        // GIVEN a cadence stored by its code / WHEN read back
        // THEN it is the same cadence, by value
        assertThat(Cadence.fromCode(cadence.code())).contains(cadence);
        assertThat(Cadence.fromCode(cadence.code()).orElseThrow()).hasSameHashCodeAs(cadence);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullSource
    @CsvSource({
        "''",
        "'  '",
        "P0D",
        "P-1D",
        "PD",
        "P1H",
        "P1W2D",
        "P3651D",
        "P521W",
        "P121M",
        "P11Y",
        "P99999999999D",
        "FRIDAYS",
        "FRI",
        "garbage"
    })
    void fromCodeRefusesWhatIsNotACode(String code) {
        assertThat(Cadence.fromCode(code)).isEmpty();
    }

    @Test
    void fromCodeToleratesCaseAndSpaces() {
        assertThat(Cadence.fromCode(" p3w ")).contains(Cadence.every(3, WEEKS));
        assertThat(Cadence.fromCode("friday")).contains(Cadence.weekly(FRIDAY));
    }

    @ParameterizedTest(name = "{0} from {1} is {2}")
    @CsvSource({
        "P1D,       2026-11-25, 2026-11-26",
        "P3D,       2026-12-30, 2027-01-02",
        "P1W,       2026-11-25, 2026-12-02",
        "P3W,       2026-11-25, 2026-12-16",
        "P1M,       2026-11-25, 2026-12-25",
        "P1M,       2027-01-31, 2027-02-28",
        "P1M,       2028-01-31, 2028-02-29",
        "P1M,       2026-03-31, 2026-04-30",
        "P3M,       2026-11-30, 2027-02-28",
        "P1Y,       2026-11-25, 2027-11-25",
        "P1Y,       2028-02-29, 2029-02-28",
        "FRIDAY,    2026-11-25, 2026-11-27",
        "FRIDAY,    2026-11-27, 2026-12-04",
        "WEDNESDAY, 2026-11-25, 2026-12-02",
        "MONDAY,    2026-12-31, 2027-01-04",
    })
    void nextIsTheFirstDateOfTheRhythmStrictlyAfterTheGivenOne(String code, LocalDate from, LocalDate expected) {
        // GIVEN a rhythm / WHEN asked for the next date after `from`
        LocalDate next = Cadence.fromCode(code).orElseThrow().next(from);

        // THEN it steps by the rhythm, clamping to the month's end
        assertThat(next).isEqualTo(expected);
    }

    @Test
    void equalityIsByValue() {
        assertThat(Cadence.every(2, WEEKS))
                .isEqualTo(Cadence.every(2, WEEKS))
                .hasSameHashCodeAs(Cadence.every(2, WEEKS));
        assertThat(Cadence.every(2, WEEKS)).isNotEqualTo(Cadence.every(14, DAYS));
        assertThat(Cadence.weekly(FRIDAY)).isNotEqualTo(Cadence.every(1, WEEKS));
        assertThat(Cadence.weekly(FRIDAY)).isNotEqualTo(Cadence.weekly(DayOfWeek.MONDAY));
    }

    @ParameterizedTest(name = "every {0} {1}")
    @CsvSource({"0, DAYS", "-1, WEEKS", "3651, DAYS", "521, WEEKS", "121, MONTHS", "11, YEARS", "1, HOURS", "1, DECADES"
    })
    void refusesARhythmOutsideTheGrammar(int amount, ChronoUnit unit) {
        assertThatIllegalArgumentException().isThrownBy(() -> Cadence.every(amount, unit));
    }
}
