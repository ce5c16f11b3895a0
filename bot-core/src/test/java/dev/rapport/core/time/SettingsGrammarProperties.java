package dev.rapport.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.rapport.core.domain.DigestDays;
import java.time.Instant;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/** No text crashes the readers of times of day, days and zones, and what they answer always makes sense. */
class SettingsGrammarProperties {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void aTimeOfDayIsReadOrRefusedInOneLineAndShownTheWayItIsRead() {
        qt().withExamples(2000).forAll(TimePhrasesProperties.texts()).checkAssert(text -> {
            Reading<LocalTime> reading = ClockTimes.read(text);

            if (reading instanceof Reading.Error<LocalTime> error) {
                assertThat(error.message()).isNotBlank().doesNotContain("\n", "\r");
            } else {
                LocalTime time = ((Reading.Ok<LocalTime>) reading).value();
                assertThat(ClockTimes.read(ClockTimes.shown(time))).isEqualTo(reading);
            }
        });
    }

    @Test
    void daysAreReadOrRefusedInOneLineAndStoredSoTheyReadBack() {
        qt().withExamples(2000).forAll(TimePhrasesProperties.texts()).checkAssert(text -> {
            Reading<DigestDays> reading = WeekDays.read(text);

            if (reading instanceof Reading.Error<DigestDays> error) {
                assertThat(error.message()).isNotBlank().doesNotContain("\n", "\r");
            } else {
                DigestDays days = ((Reading.Ok<DigestDays>) reading).value();
                assertThat(DigestDays.fromCode(days.code())).contains(days);
            }
        });
    }

    @Test
    void aZoneIsFoundOrExplainedInOneLineWithAFewPlacesAtMost() {
        qt().withExamples(2000).forAll(TimePhrasesProperties.texts()).checkAssert(text -> {
            TimeZones.Reading reading = TimeZones.read(text, NOW);

            if (reading instanceof TimeZones.Reading.Unclear unclear) {
                assertThat(unclear.message()).isNotBlank().doesNotContain("\n", "\r");
                assertThat(unclear.suggestions()).hasSizeLessThanOrEqualTo(TimeZones.MAX_SUGGESTIONS);
            } else {
                String id = ((TimeZones.Reading.Found) reading).zone().getId();
                assertThat(TimeZones.read(id, NOW)).isEqualTo(reading);
            }
            assertThat(TimeZones.suggest(text, NOW, 25)).hasSizeLessThanOrEqualTo(25);
        });
    }
}
