package dev.rapport.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.domain.Contact;
import dev.rapport.core.domain.Names;
import dev.rapport.core.domain.Note;
import dev.rapport.core.domain.User;
import dev.rapport.core.testing.TestRapport;
import dev.rapport.core.time.TimePhrases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fuzzing, 10,000 tries each: the parsers never throw, handlers never crash for random users, and hostile text
 * (SQL, emoji, right-to-left, zero-width) in names and notes is stored and returned exactly.
 */
class FuzzProperties {
    private static final List<String> HOSTILE = List.of(
            "'); DROP TABLE notes;--",
            "\" OR \"1\"=\"1",
            "Robert'); DELETE FROM contacts WHERE ('1'='1",
            "😀👩‍👩‍👧‍👦🏳️‍🌈",
            "\u202Eevil\u202C",
            "שלום עולם",
            "مرحبا",
            "zero\u200Bwidth\u200D\uFEFF",
            "Zoë Ångström",
            "%s%n%x",
            "\\u0000",
            "<@U1> <!channel> @everyone",
            "**bold** _it_ `code`",
            "NULL");
    private static final List<String> COMMANDS =
            List.of("remember", "followup", "contact", "circle", "today", "settings", "forget", "export", "help");

    private static TestRapport app;

    @BeforeContainer
    static void start() {
        try {
            app = TestRapport.in(Files.createTempDirectory("rapport-fuzz"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterContainer
    static void stop() {
        app.close();
    }

    @Provide
    Arbitrary<String> anything() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(60),
                Arbitraries.of(HOSTILE),
                Arbitraries.of(HOSTILE).list().ofMaxSize(4).map(parts -> String.join(" ", parts)),
                Arbitraries.strings()
                        .withChars("marc kelly:\"“#@<>!ask every 1 Dec friday")
                        .ofMaxLength(40));
    }

    @Property(tries = 10_000)
    void theCommandParserNeverThrows(@ForAll("anything") String text) {
        Contact marc = new Contact(
                1,
                1,
                "Marc Kelly",
                Optional.of("U1"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                java.time.Instant.EPOCH);

        Who who = PersonParser.parse(text, List.of(marc), Map.of("U1", "Marc Kelly"));

        assertThat(who).isNotNull();
    }

    @Property(tries = 10_000)
    void timePhrasesNeverThrow(@ForAll("anything") String text) {
        assertThat(TimePhrases.parse(text, LocalDate.of(2026, 11, 25))).isNotNull();
        assertThat(TimePhrases.parseLeading(text, LocalDate.of(2026, 2, 28))).isNotNull();
    }

    @Property(tries = 10_000)
    void everyHandlerAnswersRandomUsersWithoutCrashing(
            @ForAll("anything") String text, @ForAll("commandName") String command, @ForAll("userNumber") int user) {
        Reply reply = app.rapport.handle(CommandRequest.of(TestRapport.user("fuzz" + user), command, text));

        assertThat(reply.plainText()).doesNotContain(Rapport.OOPS);
    }

    @Property(tries = 10_000)
    void hostileNamesAndNotesAreStoredAndReturnedExactly(
            @ForAll("hostileName") String name, @ForAll("hostileNote") String note, @ForAll("userNumber") int user) {
        Requester who = TestRapport.user("exact" + user);

        Reply reply = app.rapport.handle(CommandRequest.of(who, "remember", "\"" + name + "\" " + note));

        assertThat(reply.isError()).as(reply.plainText()).isFalse();
        User owner = app.rapport.user(who);
        // Names match ignoring case and accents, so "A" finds an earlier "a"; a new contact keeps the name exactly.
        Contact contact = app.storage.contacts().all(owner.id()).stream()
                .filter(c -> Names.fold(c.name()).equals(Names.fold(name)))
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "no contact named " + name.codePoints().boxed().toList() + " reply " + reply.plainText()));
        if (reply.plainText().contains("New contact")) {
            assertThat(contact.name()).isEqualTo(name);
        }
        List<Note> notes = app.storage.notes().forContact(owner.id(), contact.id());
        // Platform mentions are kept as readable "@name" text on purpose; everything else comes back exactly.
        String expected = Mentions.readable(note, Map.of());
        assertThat(notes.get(0).body()).isEqualTo(expected);
        assertThat(app.rapport
                        .handle(CommandRequest.of(who, "contact", "\"" + name + "\""))
                        .plainText())
                .contains(expected);
    }

    @Provide
    Arbitrary<String> commandName() {
        return Arbitraries.of(COMMANDS);
    }

    @Provide
    Arbitrary<Integer> userNumber() {
        return Arbitraries.integers().between(1, 500);
    }

    @Provide
    Arbitrary<String> hostileName() {
        return Arbitraries.oneOf(
                        Arbitraries.of(HOSTILE),
                        Arbitraries.strings().all().ofMinLength(1).ofMaxLength(20))
                .map(s -> s.replaceAll("[\"“”\\s]+", "_").replace("\\u0000", "nul"))
                .map(s -> s.length() > 60 ? s.substring(0, 60) : s)
                .map(Rapport::wellFormed)
                .map(Names::clean) // names are tidied (trimmed, inner spaces collapsed); the rest is kept exactly
                .filter(s -> !s.isEmpty() && !s.equals("_") && s.chars().noneMatch(Character::isISOControl));
    }

    @Provide
    Arbitrary<String> hostileNote() {
        return Arbitraries.oneOf(
                        Arbitraries.of(HOSTILE),
                        Arbitraries.of(HOSTILE).list().ofMinSize(1).ofMaxSize(5).map(p -> String.join(" ", p)),
                        Arbitraries.strings().all().ofMinLength(1).ofMaxLength(300))
                .map(Rapport::wellFormed)
                .map(String::strip)
                .filter(s -> !s.isEmpty() && !s.toLowerCase().startsWith("ask"));
    }
}
