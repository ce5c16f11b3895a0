package dev.rapport.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The weekday rule, across all seven weekdays and two zones: "friday" and "this friday" are the coming Friday
 * (today excluded), "next friday" is the Friday of next week (weeks start on Monday), "this week" starts today
 * and "next week" on next Monday. The same instant is a different local day in Berlin and Los Angeles.
 */
class WeekdayRuleTest {

    @ParameterizedTest(name = "{0} at {1} ({2}): friday {3}, next friday {4}, next week {5}")
    @CsvSource(textBlock = """
            Europe/Berlin, 2026-11-30T06:00:00Z, Mon, 2026-12-04, 2026-12-11, 2026-12-07
            Europe/Berlin, 2026-12-01T06:00:00Z, Tue, 2026-12-04, 2026-12-11, 2026-12-07
            Europe/Berlin, 2026-12-02T06:00:00Z, Wed, 2026-12-04, 2026-12-11, 2026-12-07
            Europe/Berlin, 2026-12-03T06:00:00Z, Thu, 2026-12-04, 2026-12-11, 2026-12-07
            Europe/Berlin, 2026-12-04T06:00:00Z, Fri, 2026-12-11, 2026-12-11, 2026-12-07
            Europe/Berlin, 2026-12-05T06:00:00Z, Sat, 2026-12-11, 2026-12-11, 2026-12-07
            Europe/Berlin, 2026-12-06T06:00:00Z, Sun, 2026-12-11, 2026-12-11, 2026-12-07
            America/Los_Angeles, 2026-11-30T06:00:00Z, Sun, 2026-12-04, 2026-12-04, 2026-11-30
            America/Los_Angeles, 2026-12-01T06:00:00Z, Mon, 2026-12-04, 2026-12-11, 2026-12-07
            America/Los_Angeles, 2026-12-02T06:00:00Z, Tue, 2026-12-04, 2026-12-11, 2026-12-07
            America/Los_Angeles, 2026-12-03T06:00:00Z, Wed, 2026-12-04, 2026-12-11, 2026-12-07
            America/Los_Angeles, 2026-12-04T06:00:00Z, Thu, 2026-12-04, 2026-12-11, 2026-12-07
            America/Los_Angeles, 2026-12-05T06:00:00Z, Fri, 2026-12-11, 2026-12-11, 2026-12-07
            America/Los_Angeles, 2026-12-06T06:00:00Z, Sat, 2026-12-11, 2026-12-11, 2026-12-07
            """)
    void weekdaysFollowOneRule(
            String zone, Instant now, String weekday, LocalDate friday, LocalDate nextFriday, LocalDate nextWeek) {
        LocalDate today = LocalDate.now(Clock.fixed(now, ZoneId.of(zone)));
        assertThat(today.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH))
                .isEqualTo(weekday);

        assertThat(TimePhrases.parse("friday", today)).isEqualTo(on(friday));
        assertThat(TimePhrases.parse("this friday", today)).isEqualTo(on(friday));
        assertThat(TimePhrases.parse("on Fri", today)).isEqualTo(on(friday));
        assertThat(TimePhrases.parse("next friday", today)).isEqualTo(on(nextFriday));
        assertThat(TimePhrases.parse("next week", today)).isEqualTo(on(nextWeek));
        assertThat(TimePhrases.parse("this week", today)).isEqualTo(on(today));
        assertThat(nextWeek.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        // From Monday to Thursday the two phrases name different Fridays, a week apart.
        if (today.getDayOfWeek().compareTo(DayOfWeek.FRIDAY) < 0) {
            assertThat(nextFriday).isEqualTo(friday.plusWeeks(1));
        }
    }

    @ParameterizedTest(name = "on {0}, \"{1}\" is {2}")
    @CsvSource(textBlock = """
            2026-12-02, in a fortnight,         2026-12-16
            2026-12-02, in one fortnight,       2026-12-16
            2026-12-02, in 2 fortnights,        2026-12-30
            2027-02-20, in a fortnight,         2027-03-06
            2026-12-02, end of month,           2026-12-31
            2026-12-02, end of the month,       2026-12-31
            2027-02-10, the end of this month,  2027-02-28
            2028-02-10, end of month,           2028-02-29
            2026-12-31, end of month,           2026-12-31
            2026-12-02, next tuesday,           2026-12-08
            2026-12-02, this monday,            2026-12-07
            """)
    void otherPhrases(LocalDate today, String phrase, LocalDate date) {
        assertThat(TimePhrases.parse(phrase, today)).isEqualTo(on(date));
    }

    @ParameterizedTest(name = "\"{0}\" is refused as past")
    @CsvSource(textBlock = """
            yesterday, Yesterday is in the past
            Yesterday, Yesterday is in the past
            last friday, That is in the past
            last week, That is in the past
            """)
    void thePastIsRefusedWithThatReason(String phrase, String reason) {
        Parse parse = TimePhrases.parse(phrase, LocalDate.of(2026, 12, 2));
        assertThat(parse).isInstanceOf(Parse.Error.class);
        assertThat(((Parse.Error) parse).message()).startsWith(reason);
    }

    private static Parse on(LocalDate date) {
        return new Parse.Ok(new When.On(date));
    }
}
