package dev.rapport.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The times of day a digest can be set to, as people type them. */
class ClockTimesTest {

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(textBlock = """
            # typed        | time
            8am,            08:00
            8 am,           08:00
            8AM,            08:00
            8 a.m.,         08:00
            7am,            07:00
            11pm,           23:00
            8:30pm,         20:30
            8:30 pm,        20:30
            8.30pm,         20:30
            9:45 P.M.,      21:45
            12am,           00:00
            12pm,           12:00
            12:30am,        00:30
            noon,           12:00
            Noon,           12:00
            midday,         12:00
            midnight,       00:00
            20:15,          20:15
            06:05,          06:05
            0:00,           00:00
            23:59,          23:59
            7:30,           07:30
            8,              08:00
            17,             17:00
            '  8:30   am ', 08:30
            """)
    void aTimeOfDayIsReadInAnyCommonForm(String typed, LocalTime time) {
        assertThat(ClockTimes.read(typed)).isEqualTo(new Reading.Ok<>(time));
    }

    @ParameterizedTest(name = "\"{0}\" is refused: {1}")
    @CsvSource(textBlock = """
            # typed     | reason
            25:00,       There is no 25:00: hours go from 0 to 23.
            24:00,       There is no 24:00: hours go from 0 to 23.
            99,          There is no 99:00: hours go from 0 to 23.
            8:75,        has 75 minutes; minutes go from 00 to 59.
            13pm,        With am or pm the hour goes from 1 to 12
            0am,         With am or pm the hour goes from 1 to 12
            tomorrow,    I couldn't read “tomorrow” as a time of day.
            8:3,         I couldn't read “8:3” as a time of day.
            half past 8, I couldn't read “half past 8” as a time of day.
            '',          What time?
            """)
    void anImpossibleTimeIsRefusedWithTheReasonAndExamples(String typed, String reason) {
        Reading<LocalTime> reading = ClockTimes.read(typed);

        assertThat(reading).isInstanceOf(Reading.Error.class);
        assertThat(((Reading.Error<LocalTime>) reading).message())
                .contains(reason)
                .endsWith("Try 8am, 8:30pm, noon or 20:15.");
    }

    @ParameterizedTest(name = "{0} is shown as \"{1}\"")
    @CsvSource(textBlock = """
            08:00, 8:00 am
            20:30, 8:30 pm
            12:00, 12:00 pm
            00:00, 12:00 am
            00:30, 12:30 am
            23:59, 11:59 pm
            """)
    void aTimeOfDayIsShownOnTheTwelveHourClock(LocalTime time, String shown) {
        assertThat(ClockTimes.shown(time)).isEqualTo(shown);
    }
}
