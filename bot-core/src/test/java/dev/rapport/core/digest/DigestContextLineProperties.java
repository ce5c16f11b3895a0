package dev.rapport.core.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.rapport.core.people.ContactContext;
import org.junit.jupiter.api.Test;

/** A digest's context line is shortened as it always was: whitespace runs become one space, then it is cut. */
class DigestContextLineProperties {

    @Test
    void shorteningCollapsesWhitespaceAsTheRegularExpressionDid() {
        qt().withExamples(2_000)
                .forAll(strings().betweenCodePoints(0, 0x3000).ofLengthBetween(0, 260))
                .checkAssert(text -> {
                    String oneLine = text.replaceAll("\\s+", " ").strip();
                    String expected = oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 199) + "…";
                    assertThat(ContactContext.shorten(text)).isEqualTo(expected);
                });
    }

    @Test
    void runsOfSpacesTabsAndLineBreaksBecomeOneSpace() {
        qt().withExamples(2_000)
                .forAll(strings()
                        .allPossible()
                        .ofLengthBetween(0, 40)
                        .map(s -> s.replace('a', ' ')
                                .replace('b', '\t')
                                .replace('c', '\n')
                                .replace('d', '\r')
                                .replace('e', '\u000B')
                                .replace('f', '\f')))
                .checkAssert(text -> assertThat(ContactContext.shorten(text))
                        .isEqualTo(text.replaceAll("\\s+", " ").strip()));
    }
}
