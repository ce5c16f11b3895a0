package dev.rapport.core.people;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.domain.Contact;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every way of naming a person in free text, in DESIGN.md's order. */
class PersonParserTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final List<Contact> KNOWN = List.of(
            contact(1, "Marc Kelly", null),
            contact(2, "Zoë Adams", null),
            contact(3, "Ana", "U777"),
            contact(4, "Priya Raman Iyer", null),
            contact(5, "Jo", null),
            contact(6, "Jo March", null),
            contact(7, "List", null));

    private static Contact contact(long id, String name, String platformUserId) {
        return new Contact(
                id,
                100,
                name,
                Optional.ofNullable(platformUserId),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                NOW);
    }

    /** GIVEN the contacts above WHEN text names a known person THEN that contact and the rest are found. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '¦', textBlock = """
            marc ask: how was the move? ¦ Marc Kelly ¦ ask: how was the move?
            Marc Kelly loves sailing ¦ Marc Kelly ¦ loves sailing
            MARC KELLY: met at SYPE ¦ Marc Kelly ¦ met at SYPE
            marc: met at SYPE ¦ Marc Kelly ¦ met at SYPE
            zoe likes tea ¦ Zoë Adams ¦ likes tea
            ZOË adams likes tea ¦ Zoë Adams ¦ likes tea
            "Zoë Adams" likes tea ¦ Zoë Adams ¦ likes tea
            “zoe adams” likes tea ¦ Zoë Adams ¦ likes tea
            <@U777> moved to Porto ¦ Ana ¦ moved to Porto
            <@!U777> moved to Porto ¦ Ana ¦ moved to Porto
            <@U777|ana.b> moved to Porto ¦ Ana ¦ moved to Porto
            priya raman runs ¦ Priya Raman Iyer ¦ runs
            priya raman iyer runs ¦ Priya Raman Iyer ¦ runs
            jo is back ¦ Jo ¦ is back
            jo march is back ¦ Jo March ¦ is back
            @marc tomorrow ¦ Marc Kelly ¦ tomorrow
            "list" in a week ¦ List ¦ in a week
            marc ¦ Marc Kelly ¦ ''
            """)
    void findsKnownContacts(String text, String expectedName, String expectedRest) {
        Who who = PersonParser.parse(text, KNOWN, Map.of());

        assertThat(who).isInstanceOf(Who.Known.class);
        Who.Known known = (Who.Known) who;
        assertThat(known.contact().name()).isEqualTo(expectedName);
        assertThat(known.rest()).isEqualTo(expectedRest);
    }

    /** GIVEN the contacts above WHEN text names someone new THEN the new name and the rest are found. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '¦', textBlock = """
            Sam Lee: met at the SYPE mixer ¦ Sam Lee ¦ met at the SYPE mixer
            Marc Ruiz: plays chess ¦ Marc Ruiz ¦ plays chess
            Sam ask: how was Lisbon? ¦ Sam ¦ ask: how was Lisbon?
            "Dr. Sam Lee" met at the clinic ¦ Dr. Sam Lee ¦ met at the clinic
            sam likes jazz ¦ sam ¦ likes jazz
            sam: likes jazz ¦ sam ¦ likes jazz
            sam met at https://example.com ¦ sam ¦ met at https://example.com
            Ren ¦ Ren ¦ ''
            """)
    void findsNewPeople(String text, String expectedName, String expectedRest) {
        Who who = PersonParser.parse(text, KNOWN, Map.of());

        assertThat(who).isInstanceOf(Who.Unknown.class);
        Who.Unknown unknown = (Who.Unknown) who;
        assertThat(unknown.name()).isEqualTo(expectedName);
        assertThat(unknown.rest()).isEqualTo(expectedRest);
        assertThat(unknown.platformUserId()).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void aMentionOfSomeoneNewKeepsTheirUserIdAndDisplayName() {
        Who who = PersonParser.parse("<@U123> met at the offsite", KNOWN, Map.of("U123", "Dana Scully"));

        assertThat(who).isEqualTo(new Who.Unknown("Dana Scully", Optional.of("U123"), "met at the offsite"));
    }

    @org.junit.jupiter.api.Test
    void aMentionOfAContactKnownByNameLinksThem() {
        Who who = PersonParser.parse("<@U555> moved", KNOWN, Map.of("U555", "Marc Kelly"));

        assertThat(who).isInstanceOf(Who.Known.class);
        assertThat(((Who.Known) who).contact().platformUserId()).contains("U555");
        assertThat(((Who.Known) who).contact().id()).isEqualTo(1);
    }

    @org.junit.jupiter.api.Test
    void aShortNameFittingSeveralContactsIsAmbiguous() {
        List<Contact> twoMarcs = List.of(contact(1, "Marc Kelly", null), contact(2, "Marc Ruiz", null));

        Who who = PersonParser.parse("marc ask: how was the move?", twoMarcs, Map.of());

        assertThat(who).isInstanceOf(Who.Ambiguous.class);
        assertThat(((Who.Ambiguous) who).candidates())
                .extracting(Contact::name)
                .containsExactly("Marc Kelly", "Marc Ruiz");
    }

    @org.junit.jupiter.api.Test
    void nothingTypedIsMissing() {
        assertThat(PersonParser.parse("   ", KNOWN, Map.of())).isInstanceOf(Who.Missing.class);
        assertThat(PersonParser.parse("\"\" hi", KNOWN, Map.of())).isInstanceOf(Who.Missing.class);
    }
}
