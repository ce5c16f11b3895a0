package dev.rapport.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** How a set of digest days is stored, read back and selected by a store. */
class DigestDaysTest {

    @ParameterizedTest(name = "{0} is stored as {1}")
    @CsvSource(delimiter = '|', textBlock = """
            MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY | EVERYDAY
            MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY                 | WEEKDAYS
            SATURDAY,SUNDAY                                          | SAT,SUN
            FRIDAY,MONDAY,WEDNESDAY                                  | MON,WED,FRI
            SUNDAY                                                   | SUN
            """)
    void aSetIsStoredAsItsCodeAndReadBack(String days, String code) {
        DigestDays set = DigestDays.of(
                List.of(days.split(",")).stream().map(DayOfWeek::valueOf).toList());

        assertThat(set.code()).isEqualTo(code);
        assertThat(DigestDays.fromCode(code)).contains(set);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "EVERY", "weekdays", "WED,MON", "MON,,FRI", "MON,MON", "FRIDAY", "MON,WED,"})
    void anythingACodeIsNotReadsAsNothing(String code) {
        assertThat(DigestDays.fromCode(code)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-23", "2026-11-25", "2026-11-28", "2026-11-29"})
    void theCodesIncludingADateAreExactlyTheSetsHoldingItsDay(LocalDate date) {
        List<String> codes = DigestDays.codesIncluding(date);

        // Of the 127 non-empty sets of days, 64 hold any one day
        assertThat(codes).hasSize(64).doesNotHaveDuplicates();
        assertThat(codes)
                .allSatisfy(code -> assertThat(
                                DigestDays.fromCode(code).orElseThrow().includes(date))
                        .isTrue());
        assertThat(codes).contains("EVERYDAY");
        assertThat(codes.contains("WEEKDAYS")).isEqualTo(DigestDays.WEEKDAYS.includes(date));
    }

    @Test
    void aDigestNeedsAtLeastOneDay() {
        assertThatThrownBy(() -> new DigestDays(EnumSet.noneOf(DayOfWeek.class)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
