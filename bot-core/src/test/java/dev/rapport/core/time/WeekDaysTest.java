package dev.rapport.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.domain.DigestDays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The days of the week a digest can come on, as people type them. */
class WeekDaysTest {

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # typed                    | described
            weekdays                   | weekdays
            Weekdays                   | weekdays
            working days               | weekdays
            mon-fri                    | weekdays
            monday to friday           | weekdays
            weekends                   | weekends
            weekend                    | weekends
            sat,sun                    | weekends
            every day                  | every day
            everyday                   | every day
            Every Day                  | every day
            daily                      | every day
            mon-sun                    | every day
            mon,wed,fri                | Mon, Wed and Fri
            mon, wed, fri              | Mon, Wed and Fri
            mon wed fri                | Mon, Wed and Fri
            Monday, Wednesday and Friday | Mon, Wed and Fri
            fri,mon,wed                | Mon, Wed and Fri
            mondays and thursdays      | Mon and Thu
            every tuesday              | Tue
            tue,thu                    | Tue and Thu
            tues/thurs                 | Tue and Thu
            tue-thu                    | Tue, Wed and Thu
            tue - thu, sat             | Tue, Wed, Thu and Sat
            fri-mon                    | Mon, Fri, Sat and Sun
            sun                        | Sun
            mon,mon,tue                | Mon and Tue
            """)
    void daysAreReadAsAWordAListOrARun(String typed, String described) {
        Reading<DigestDays> reading = WeekDays.read(typed);

        assertThat(reading).isInstanceOf(Reading.Ok.class);
        assertThat(((Reading.Ok<DigestDays>) reading).value().describe()).isEqualTo(described);
    }

    @ParameterizedTest(name = "\"{0}\" is refused: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # typed        | reason
            someday        | I couldn't read “someday” as a day of the week.
            mon,wed,frid   | I couldn't read “frid” as a day of the week.
            mon-           | I couldn't read “mon-” as a day of the week.
            tomorrow       | I couldn't read “tomorrow” as a day of the week.
            ''             | Which days?
            ,              | Which days?
            """)
    void anythingElseIsRefusedWithTheForms(String typed, String reason) {
        Reading<DigestDays> reading = WeekDays.read(typed);

        assertThat(reading).isInstanceOf(Reading.Error.class);
        assertThat(((Reading.Error<DigestDays>) reading).message())
                .startsWith(reason)
                .endsWith("Digest days are weekdays, weekends, every day, or days like mon,wed,fri.");
    }
}
