package dev.rapport.core.time;

import static java.time.temporal.ChronoUnit.WEEKS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.domain.Cadence;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimePhrasesTest {

    /** A Wednesday. */
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @ParameterizedTest(name = "on {0}, \"{1}\" is {2}")
    @CsvSource(textBlock = """
            # today      | phrase                  | date
            2026-11-25, today,                     2026-11-25
            2026-11-25, TODAY,                     2026-11-25
            2026-11-25, tomorrow,                  2026-11-26
            2026-11-25, '   Tomorrow  ',           2026-11-26
            2026-11-25, in 1 day,                  2026-11-26
            2026-11-25, in 3 days,                 2026-11-28
            2026-11-25, 'in   3    DAYS',          2026-11-28
            2026-11-25, in twelve days,            2026-12-07
            2026-11-25, in a week,                 2026-12-02
            2026-11-25, in two weeks,              2026-12-09
            2026-11-25, in 3 weeks,                2026-12-16
            2026-11-25, in a month,                2026-12-25
            2026-11-25, in 2 months,               2027-01-25
            2026-11-25, in a year,                 2027-11-25
            2026-11-25, in 1 year,                 2027-11-25
            2026-11-25, in 10 years,               2036-11-25
            2026-11-25, next week,                 2026-11-30
            2026-11-25, next month,                2026-12-01
            2026-11-25, friday,                    2026-11-27
            2026-11-25, fri,                       2026-11-27
            2026-11-25, next friday,               2026-12-04
            2026-11-25, on friday,                 2026-11-27
            2026-11-25, Next Fri,                  2026-12-04
            2026-11-25, monday,                    2026-11-30
            2026-11-25, tue,                       2026-12-01
            2026-11-25, tues,                      2026-12-01
            2026-11-25, thu,                       2026-11-26
            2026-11-25, thurs,                     2026-11-26
            2026-11-25, sat,                       2026-11-28
            2026-11-25, sunday,                    2026-11-29
            2026-11-25, wednesday,                 2026-12-02
            2026-11-25, next wed,                  2026-12-02
            2026-11-25, this weekend,              2026-11-28
            2026-11-25, 2026-12-01,                2026-12-01
            2026-11-25, 2026-11-25,                2026-11-25
            2026-11-25, 2027-2-3,                  2027-02-03
            2026-11-25, 1 Dec,                     2026-12-01
            2026-11-25, Dec 1,                     2026-12-01
            2026-11-25, December 1st,              2026-12-01
            2026-11-25, 1st December,              2026-12-01
            2026-11-25, dec 1st,                   2026-12-01
            2026-11-25, 1st of december,           2026-12-01
            2026-11-25, on 1 Dec,                  2026-12-01
            2026-11-25, 1 Dec 2027,                2027-12-01
            2026-11-25, 'Dec 1, 2027',             2027-12-01
            2026-11-25, December 1st 2027,         2027-12-01
            2026-11-25, 25 Nov,                    2026-11-25
            2026-11-25, Nov 25,                    2026-11-25
            2026-11-25, 24 Nov,                    2027-11-24
            2026-11-25, sept 3,                    2027-09-03
            2026-11-25, 29 Feb,                    2028-02-29
            2026-12-15, 1 Jan,                     2027-01-01
            2026-12-15, next month,                2027-01-01
            2026-12-31, tomorrow,                  2027-01-01
            2026-12-31, in 2 days,                 2027-01-02
            2027-01-31, in a month,                2027-02-28
            2028-01-31, in a month,                2028-02-29
            2026-03-31, in 1 month,                2026-04-30
            2026-08-31, in 3 months,               2026-11-30
            2028-02-29, in a year,                 2029-02-28
            2026-11-27, friday,                    2026-12-04
            2026-11-27, next friday,               2026-12-04
            2026-11-28, this weekend,              2026-11-28
            2026-11-28, saturday,                  2026-12-05
            2026-11-29, this weekend,              2026-11-29
            2026-11-29, next week,                 2026-11-30
            2026-11-30, next week,                 2026-12-07
            """)
    void readsEveryDatePhraseRelativeToToday(LocalDate today, String phrase, LocalDate expected) {
        // GIVEN today and a phrase / WHEN it is read
        Parse parse = TimePhrases.parse(phrase, today);

        // THEN it means that single date
        assertThat(parse).isEqualTo(new Parse.Ok(new When.On(expected)));
    }

    @ParameterizedTest(name = "\"{0}\" is {2}")
    @CsvSource({
        "every day,          P1D,    every day",
        "every week,         P1W,    every week",
        "every month,        P1M,    every month",
        "every year,         P1Y,    every year",
        "every 3 weeks,      P3W,    every 3 weeks",
        "every 2 months,     P2M,    every 2 months",
        "every 10 days,      P10D,   every 10 days",
        "every two weeks,    P2W,    every 2 weeks",
        "every other week,   P2W,    every 2 weeks",
        "every other month,  P2M,    every 2 months",
        "daily,              P1D,    every day",
        "weekly,             P1W,    every week",
        "biweekly,           P2W,    every 2 weeks",
        "fortnightly,        P2W,    every 2 weeks",
        "monthly,            P1M,    every month",
        "quarterly,          P3M,    every 3 months",
        "yearly,             P1Y,    every year",
        "annually,           P1Y,    every year",
        "every friday,       FRIDAY, every Friday",
        "Every Fri,          FRIDAY, every Friday",
        "every mon,          MONDAY, every Monday",
        "'  Every   3  Weeks ', P3W, every 3 weeks",
    })
    void readsEveryRecurringPhraseAsARhythm(String phrase, String code, String description) {
        // GIVEN a recurring phrase / WHEN it is read
        When when = understood(TimePhrases.parse(phrase, TODAY));

        // THEN it is a rhythm with that code and that description
        assertThat(when).isInstanceOf(When.Every.class);
        Cadence cadence = ((When.Every) when).cadence();
        assertThat(cadence.code()).isEqualTo(code);
        assertThat(cadence.describe()).isEqualTo(description);
    }

    @Test
    void aRecurringPhraseMeansTheSameRhythmAsTheFactory() {
        assertThat(TimePhrases.parse("biweekly", TODAY))
                .isEqualTo(new Parse.Ok(new When.Every(Cadence.every(2, WEEKS))));
    }

    @ParameterizedTest(name = "\"{0}\" is refused: {1}")
    @CsvSource({
        "12/01,                 is ambiguous",
        "1/12,                  is ambiguous",
        "01.12,                 is ambiguous",
        "12-01,                 is ambiguous",
        "12/01/2026,            is ambiguous",
        "blurg,                 I couldn't read “blurg” as a date.",
        "marc,                  I couldn't read “marc” as a date.",
        "next,                  couldn't read",
        "in days,               couldn't read",
        "every,                 couldn't read",
        "tomorrow tomorrow,     couldn't read",
        "next year,             couldn't read",
        "2020-01-01,            That date is in the past",
        "2026-11-24,            That date is in the past",
        "1 Jan 2020,            That date is in the past",
        "31 Feb,                31 Feb isn't a real date.",
        "30 february,           30 Feb isn't a real date.",
        "31 apr,                31 Apr isn't a real date.",
        "0 Dec,                 0 Dec isn't a real date.",
        "29 Feb 2027,           29 Feb 2027 isn't a real date.",
        "2026-02-30,            2026-02-30 isn't a real date.",
        "2026-13-01,            2026-13-01 isn't a real date.",
        "'',                    Tell me when.",
        "'   ',                 Tell me when.",
        "in 99999999999 days,   too far ahead",
        "in 3651 days,          too far ahead",
        "in 11 years,           too far ahead",
        "every 99999 weeks,     too far ahead",
        "1 Dec 2099,            too far ahead",
        "in 0 days,             at least 1",
        "every 0 weeks,         at least 1",
        "in 2 hours,            by the day, not the hour",
    })
    void refusesWhatItCannotReadWithOneFriendlyLine(String phrase, String reason) {
        // GIVEN a phrase outside the grammar / WHEN it is read
        String message = refusal(TimePhrases.parse(phrase, TODAY));

        // THEN the user gets the reason and examples to copy, on one line
        assertThat(message)
                .contains(reason)
                .contains("1 Dec")
                .contains("2026-12-01")
                .doesNotContain("\n");
    }

    @Test
    void ambiguousNumericDatesSuggestTheUnambiguousForms() {
        String message = refusal(TimePhrases.parse("12/01", TODAY));

        assertThat(message)
                .isEqualTo("“12/01” is ambiguous: day/month or month/day? "
                        + "Write the month as a word, like 1 Dec, or use 2026-12-01.");
    }

    @Test
    void unreadableTextListsExamples() {
        String message = refusal(TimePhrases.parse("blurg", TODAY));

        assertThat(message)
                .isEqualTo("I couldn't read “blurg” as a date. "
                        + "Try: tomorrow, in 3 days, next friday, 1 Dec, 2026-12-01, every 3 weeks.");
    }

    @Test
    void nullIsRefusedLikeEmptyText() {
        assertThat(refusal(TimePhrases.parse(null, TODAY))).startsWith("Tell me when.");
    }

    @Test
    void longOrMultiLineTextIsEchoedOnOneShortLine() {
        // GIVEN text with line breaks, a control character and far too many words
        String text = "call\nher\u0007 " + "blah ".repeat(30);

        // WHEN it is read
        String message = refusal(TimePhrases.parse(text, TODAY));

        // THEN the echo is one line, without the control character, and cut short
        assertThat(message)
                .startsWith("I couldn't read “call her blah")
                .contains("…”")
                .doesNotContain("\n", "\u0007");
    }

    @Test
    void everyExampleInTheHelpIsReadable() {
        assertThat(TimePhrases.examples())
                .isNotEmpty()
                .allSatisfy(example -> understood(TimePhrases.parse(example, TODAY)));
    }

    @ParameterizedTest(name = "\"{0}\" starts with \"{1}\", then \"{2}\"")
    @CsvSource({
        "next friday travelling until May,   next friday,   travelling until May",
        "in 3 days,                          in 3 days,     ''",
        "'  tomorrow   call back  ',         tomorrow,      call back",
        "every 3 weeks about x,              every 3 weeks, about x",
        "1 Dec 2027 the conference,          1 Dec 2027,    the conference",
        "'Dec 1, 2027, after the trip',      'Dec 1, 2027', after the trip",
        "'next friday, travelling',          next friday,   travelling",
        "in two weeks 2027 plans,            in two weeks,  2027 plans",
        "Every Other Week coffee,            Every Other Week, coffee",
    })
    void leadingPhraseIsTheLongestRunOfWordsThatReads(String text, String phrase, String rest) {
        // GIVEN a text that starts with a time phrase / WHEN its leading phrase is read
        TimePhrases.Leading leading = TimePhrases.parseLeading(text, TODAY).orElseThrow();

        // THEN the phrase is the longest readable run, as typed, and the rest is trimmed
        assertThat(leading.phrase()).isEqualTo(phrase);
        assertThat(leading.rest()).isEqualTo(rest);
        assertThat(new Parse.Ok(leading.when())).isEqualTo(TimePhrases.parse(phrase, TODAY));
    }

    @Test
    void leadingPhraseCarriesItsMeaning() {
        TimePhrases.Leading leading = TimePhrases.parseLeading("next friday travelling until May", TODAY)
                .orElseThrow();
        // "next friday" is the Friday of next week, not the coming one.

        assertThat(leading.when()).isEqualTo(new When.On(LocalDate.of(2026, 12, 4)));
    }

    @Test
    void longestLeadingRhythmWins() {
        TimePhrases.Leading leading =
                TimePhrases.parseLeading("every 3 weeks about x", TODAY).orElseThrow();

        assertThat(leading.when()).isEqualTo(new When.Every(Cadence.every(3, WEEKS)));
        assertThat(leading.rest()).isEqualTo("about x");
    }

    @ParameterizedTest(name = "\"{0}\" has no leading time phrase")
    @CsvSource({"marc tomorrow", "12/01 travelling", "31 Feb then", "'   '", "''"})
    void textThatDoesNotStartWithATimePhraseHasNoLeadingPhrase(String text) {
        assertThat(TimePhrases.parseLeading(text, TODAY)).isEmpty();
    }

    @Test
    void nullHasNoLeadingPhrase() {
        assertThat(TimePhrases.parseLeading(null, TODAY)).isEmpty();
    }

    private static When understood(Parse parse) {
        assertThat(parse).isInstanceOf(Parse.Ok.class);
        return ((Parse.Ok) parse).when();
    }

    private static String refusal(Parse parse) {
        assertThat(parse).isInstanceOf(Parse.Error.class);
        return ((Parse.Error) parse).message();
    }
}
