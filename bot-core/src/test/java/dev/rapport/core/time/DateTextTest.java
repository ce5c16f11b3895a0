package dev.rapport.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateTextTest {

    /** A Wednesday. */
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @ParameterizedTest(name = "{0} is \"{1}\"")
    @CsvSource({
        "2026-12-04, Fri 4 Dec 2026 (in 9 days)",
        "2026-11-26, Thu 26 Nov 2026 (tomorrow)",
        "2026-11-25, Wed 25 Nov 2026 (today)",
        "2026-11-24, Tue 24 Nov 2026 (yesterday)",
        "2026-11-22, Sun 22 Nov 2026 (3 days ago)",
        "2027-01-01, Fri 1 Jan 2027 (in 37 days)",
    })
    void dateNamesTheDayAndHowFarItIsFromToday(LocalDate date, String expected) {
        assertThat(DateText.date(date, TODAY)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is \"{1}\"")
    @CsvSource({
        "2026-11-25, today",
        "2026-11-24, yesterday",
        "2026-11-22, 3 days ago",
        "2026-11-02, 23 days ago",
        "2025-11-25, 365 days ago",
        "2026-11-26, tomorrow",
        "2026-11-27, in 2 days",
    })
    void agoCountsDaysBackOrAhead(LocalDate date, String expected) {
        assertThat(DateText.ago(date, TODAY)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is \"{1}\"")
    @CsvSource({"2026-12-04, Fri 4 Dec", "2026-09-03, Thu 3 Sep", "2027-01-01, Fri 1 Jan"})
    void shortDateIsWeekdayDayAndMonthInEnglish(LocalDate date, String expected) {
        assertThat(DateText.shortDate(date)).isEqualTo(expected);
    }
}
