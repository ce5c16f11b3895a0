package dev.rapport.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class TimePhrasesProperties {

    private static final List<String> WORDS = List.of(
            "in",
            "every",
            "next",
            "on",
            "this",
            "other",
            "of",
            "a",
            "an",
            "two",
            "twelve",
            "the",
            "0",
            "1",
            "3",
            "12",
            "29",
            "31",
            "2026",
            "99999999999",
            "-1",
            "1st",
            "2nd",
            "day",
            "days",
            "week",
            "weeks",
            "month",
            "months",
            "year",
            "years",
            "hours",
            "weekend",
            "today",
            "tomorrow",
            "daily",
            "biweekly",
            "quarterly",
            "annually",
            "friday",
            "FRI",
            "Thurs",
            "dec",
            "December",
            "feb",
            "May",
            "sept",
            "2026-12-01",
            "2020-01-01",
            "2026-02-29",
            "0000-00-00",
            "9999-12-31",
            "12/01",
            "01.12",
            "1/2/3",
            "/",
            "-",
            ".",
            ",",
            "  ",
            "\t",
            "\n",
            "\u00A0",
            "\u2028",
            "\u0000",
            "٣",
            "١٢",
            "İ",
            "ß",
            "\u212A",
            "😀",
            "星期五",
            "ｆｒｉｄａｙ",
            "１２");

    @Property(tries = 2000)
    void parseNeverThrowsAndEveryAnswerMakesSense(@ForAll("texts") String text, @ForAll("days") LocalDate today) {
        // GIVEN any text / WHEN it is read
        Parse parse = TimePhrases.parse(text, today);

        // THEN a refusal is one non-empty line, a date is not past nor absurdly far, and a rhythm moves forward
        if (parse instanceof Parse.Error error) {
            assertThat(error.message()).isNotBlank().doesNotContain("\n", "\r");
        } else if (((Parse.Ok) parse).when() instanceof When.On on) {
            assertThat(on.date()).isBetween(today, today.plusYears(10));
        } else {
            Cadence cadence = ((When.Every) ((Parse.Ok) parse).when()).cadence();
            assertThat(cadence.next(today)).isAfter(today);
            assertThat(Cadence.fromCode(cadence.code())).contains(cadence);
        }
    }

    @Property(tries = 2000)
    void parseLeadingNeverThrowsAndSplitsOnlyTheTextItWasGiven(
            @ForAll("texts") String text, @ForAll("days") LocalDate today) {
        // GIVEN any text / WHEN its leading phrase is read
        Optional<TimePhrases.Leading> leading = TimePhrases.parseLeading(text, today);

        // THEN a found phrase and its rest come from the text, and the phrase alone reads the same
        leading.ifPresent(found -> {
            assertThat(text).startsWith(text.substring(0, text.indexOf(found.phrase())) + found.phrase());
            assertThat(text).contains(found.rest());
            assertThat(TimePhrases.parse(found.phrase(), today)).isEqualTo(new Parse.Ok(found.when()));
        });
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> anything = Arbitraries.strings().all().ofMaxLength(40);
        Arbitrary<String> phraseLike = Arbitraries.of(WORDS).list().ofMaxSize(7).map(words -> String.join(" ", words));
        Arbitrary<String> glued = Arbitraries.of(WORDS).list().ofMaxSize(4).map(words -> String.join("", words));
        Arbitrary<String> digitsAndMarks =
                Arbitraries.strings().withChars("0123456789/-. ,stndrh").ofMaxLength(16);
        return Arbitraries.oneOf(anything, phraseLike, phraseLike, glued, digitsAndMarks);
    }

    @Provide
    Arbitrary<LocalDate> days() {
        LocalDate first = LocalDate.of(1970, 1, 1);
        return Arbitraries.integers().between(0, 200 * 366).map(first::plusDays);
    }
}
