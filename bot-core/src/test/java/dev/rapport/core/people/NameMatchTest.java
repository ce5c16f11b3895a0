package dev.rapport.core.people;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.people.NameMatch.Fit;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** How typed names fit contact names: strong fits find, near fits are only offered. */
class NameMatchTest {
    static Stream<Arguments> fits() {
        return Stream.of(
                Arguments.of("kelly", "Marc Kelly", Fit.WORDS),
                Arguments.of("finnie", "Richard Finnie", Fit.WORDS),
                Arguments.of("Marc K", "Marc Kelly", Fit.WORDS),
                Arguments.of("richard f.", "Richard Finnie", Fit.WORDS),
                Arguments.of("zoe", "Zoë Park", Fit.PREFIX),
                Arguments.of("mar", "Marc Kelly", Fit.PREFIX),
                Arguments.of("kel", "Marc Kelly", Fit.PREFIX),
                Arguments.of("richrd", "Richard Finnie", Fit.TYPO),
                Arguments.of("marc kely", "Marc Kelly", Fit.TYPO),
                Arguments.of("zoey", "Zoë Park", Fit.TYPO),
                Arguments.of("richrad", "Richard Finnie", Fit.NEAR),
                Arguments.of("jhon", "John Smith", Fit.NEAR),
                Arguments.of("mk", "Marc Kelly", Fit.NEAR),
                Arguments.of("rf", "Richard Finnie", Fit.NEAR));
    }

    @ParameterizedTest
    @MethodSource("fits")
    void aTypedNameFitsAsStronglyAsItShould(String typed, String name, Fit fit) {
        assertThat(NameMatch.fit(typed, name)).contains(fit);
    }

    static Stream<Arguments> misses() {
        return Stream.of(
                Arguments.of("ma", "Marc Kelly"),
                Arguments.of("bob", "Marc Kelly"),
                Arguments.of("in", "Ingrid Berg"),
                Arguments.of("kelly brook", "Marc Kelly"),
                Arguments.of("m", "Marc Kelly"));
    }

    @ParameterizedTest
    @MethodSource("misses")
    void unrelatedOrTooShortNamesFitNobody(String typed, String name) {
        assertThat(NameMatch.fit(typed, name)).isEqualTo(Optional.empty());
    }
}
