package dev.rapport.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Time zones as people name them. Now is Wednesday 25 Nov 2026, 10:00 UTC: winter in the north. */
class TimeZonesTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # typed                          | zone
            Europe/Berlin                    | Europe/Berlin
            europe/berlin                    | Europe/Berlin
            EUROPE/BERLIN                    | Europe/Berlin
            america/new york                 | America/New_York
            america/argentina/buenos_aires   | America/Argentina/Buenos_Aires
            Asia/Calcutta                    | Asia/Calcutta
            US/Eastern                       | US/Eastern
            Etc/GMT+5                        | Etc/GMT+5
            Berlin                           | Europe/Berlin
            berlin                           | Europe/Berlin
            new york                         | America/New_York
            New York                         | America/New_York
            newyork                          | America/New_York
            sao paulo                        | America/Sao_Paulo
            São Paulo                        | America/Sao_Paulo
            los_angeles                      | America/Los_Angeles
            Kolkata                          | Asia/Kolkata
            Tokyo                            | Asia/Tokyo
            port au prince                   | America/Port-au-Prince
            dar es salaam                    | Africa/Dar_es_Salaam
            buenos aires                     | America/Argentina/Buenos_Aires
            Indianapolis                     | America/Indiana/Indianapolis
            Istanbul                         | Europe/Istanbul
            UTC                              | UTC
            utc                              | UTC
            Etc/UTC                          | UTC
            Z                                | UTC
            GMT                              | GMT
            +00:00                           | UTC
            UTC+0                            | UTC
            """)
    void aNameInAnyCaseOrTheCityAZoneIsNamedAfterFindsIt(String typed, ZoneId zone) {
        assertThat(TimeZones.read(typed, NOW)).isEqualTo(new TimeZones.Reading.Found(zone));
    }

    @ParameterizedTest(name = "\"{0}\" suggests {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # typed   | suggestions, best first
            EST       | America/New_York,America/Toronto
            EDT       | America/New_York,America/Toronto
            CET       | Europe/Berlin,Europe/Paris,Europe/Madrid,Europe/Rome,Europe/Amsterdam
            CEST      | Europe/Berlin,Europe/Paris
            PST       | America/Los_Angeles,America/Vancouver
            MSK       | Europe/Moscow
            IST       | Europe/Dublin,Asia/Jerusalem,Asia/Kolkata
            BST       | Europe/London
            JST       | Asia/Tokyo
            AEST      | Australia/Brisbane,Australia/Sydney,Australia/Melbourne
            +02:00    | Europe/Athens,Europe/Helsinki
            UTC+2     | Europe/Athens,Europe/Helsinki
            utc +2    | Europe/Athens,Europe/Helsinki
            GMT-5     | America/New_York,America/Toronto
            -05:00    | America/New_York,America/Toronto
            +0530     | Asia/Kolkata,Asia/Colombo
            UTC+05:30 | Asia/Kolkata,Asia/Colombo
            −3        | America/Santiago,America/Sao_Paulo
            +13:45    | Pacific/Chatham
            Berln     | Europe/Berlin
            Lisbn     | Europe/Lisbon
            """)
    void anAbbreviationOrAnOffsetSuggestsThePlacesThatFit(String typed, String suggestions) {
        TimeZones.Reading reading = TimeZones.read(typed, NOW);

        assertThat(reading).isInstanceOf(TimeZones.Reading.Unclear.class);
        assertThat(((TimeZones.Reading.Unclear) reading).suggestions())
                .extracting(ZoneId::getId)
                .startsWith(suggestions.split(","))
                .hasSizeLessThanOrEqualTo(TimeZones.MAX_SUGGESTIONS)
                .doesNotHaveDuplicates();
    }

    @Test
    void anAliasIsNeverSuggestedBesideTheZoneItStandsFor() {
        TimeZones.Reading ist = TimeZones.read("IST", NOW);
        TimeZones.Reading bst = TimeZones.read("BST", NOW);

        assertThat(((TimeZones.Reading.Unclear) ist).suggestions()).doesNotContain(ZoneId.of("Asia/Calcutta"));
        assertThat(((TimeZones.Reading.Unclear) bst).suggestions())
                .doesNotContain(ZoneId.of("Europe/Belfast"), ZoneId.of("Europe/Jersey"));
    }

    @ParameterizedTest(name = "\"{0}\": {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Mars/Base | “Mars/Base” is not a time zone I know.
            Munich    | “Munich” is not a time zone I know.
            +19:00    | “+19:00” is no offset from UTC: those go from -18:00 to +18:00.
            +04:17    | “+04:17” is an offset, not a place; most places change theirs in summer, so Rapport needs the place.
            ''        | Which time zone?
            """)
    void textThatNamesNoPlaceIsExplainedWithoutSuggestions(String typed, String message) {
        assertThat(TimeZones.read(typed, NOW)).isEqualTo(new TimeZones.Reading.Unclear(message, java.util.List.of()));
    }

    @Test
    void autocompleteOffersTheBestReadingFirstThenNamesThatFit() {
        assertThat(TimeZones.suggest("new york", NOW, 25)).startsWith("America/New_York");
        assertThat(TimeZones.suggest("CET", NOW, 25)).startsWith("Europe/Berlin", "Europe/Paris");
        assertThat(TimeZones.suggest("", NOW, 25)).hasSize(25).startsWith("UTC", "America/New_York");
        assertThat(TimeZones.suggest("berl", NOW, 25)).contains("Europe/Berlin");
    }
}
