package dev.rapport.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.rapport.core.domain.Cadence;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

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

    @Test
    void parseNeverThrowsAndEveryAnswerMakesSense() {
        qt().withExamples(2000).forAll(texts(), days()).checkAssert((text, today) -> {
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
        });
    }

    @Test
    void parseLeadingNeverThrowsAndSplitsOnlyTheTextItWasGiven() {
        qt().withExamples(2000).forAll(texts(), days()).checkAssert((text, today) -> {
            // GIVEN any text / WHEN its leading phrase is read
            Optional<TimePhrases.Leading> leading = TimePhrases.parseLeading(text, today);

            // THEN a found phrase and its rest come from the text, and the phrase alone reads the same
            leading.ifPresent(found -> {
                assertThat(text).startsWith(text.substring(0, text.indexOf(found.phrase())) + found.phrase());
                assertThat(text).contains(found.rest());
                assertThat(TimePhrases.parse(found.phrase(), today)).isEqualTo(new Parse.Ok(found.when()));
            });
        });
    }

    static Gen<String> texts() {
        // Any UTF-16 chars (lone surrogates too), as jqwik's strings().all(); chars shrink towards 'a'.
        Gen<String> anything = charsOf(
                Generate.range(Character.MIN_VALUE, Character.MAX_VALUE, 'a').map(c -> (char) c.intValue()), 40);
        Gen<String> phraseLike =
                lists().of(Generate.pick(WORDS)).ofSizeBetween(0, 7).map(words -> String.join(" ", words));
        Gen<String> glued = lists().of(Generate.pick(WORDS)).ofSizeBetween(0, 4).map(words -> String.join("", words));
        Gen<String> digitsAndMarks = charsOf(
                Generate.pick(
                        "0123456789/-. ,stndrh".chars().mapToObj(c -> (char) c).toList()),
                16);
        return Generate.oneOf(anything, phraseLike, phraseLike, glued, digitsAndMarks)
                .describedAs(TimePhrasesProperties::literal);
    }

    static Gen<LocalDate> days() {
        LocalDate first = LocalDate.of(1970, 1, 1);
        return integers().between(0, 200 * 366).map(first::plusDays);
    }

    /** Up to {@code maxLength} chars; a list, so the length and each char shrink. */
    static Gen<String> charsOf(Gen<Character> chars, int maxLength) {
        return lists().of(chars).ofSizeBetween(0, maxLength).map(list -> {
            StringBuilder text = new StringBuilder(list.size());
            list.forEach(text::append);
            return text.toString();
        });
    }

    /** A falsified text as a Java literal, so invisible and lone chars show in the report. */
    static String literal(String text) {
        StringBuilder literal = new StringBuilder("\"");
        text.chars()
                .forEach(c -> literal.append(
                        c >= 0x20 && c < 0x7F && c != '"' && c != '\\'
                                ? String.valueOf((char) c)
                                : String.format("\\u%04X", c)));
        return literal.append('"').toString();
    }
}
