package dev.rapport.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.testing.TestRapport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Whatever anyone types, core answers with a reply, never a crash, and never with someone else's notes. */
class CommandProperties {
    private static final List<String> COMMANDS = List.of(
            "remember", "followup", "contact", "circle", "today", "settings", "forget", "export", "help", "intro", "x");
    private static final List<String> FRAGMENTS = List.of(
            "marc",
            "Marc Kelly",
            "\"Zoë Adams\"",
            "<@U1>",
            "<@U1|x>",
            "ask:",
            "#tag",
            ":",
            "list",
            "done",
            "snooze",
            "cancel",
            "about",
            "every",
            "3",
            "weeks",
            "tomorrow",
            "next friday",
            "1 Dec",
            "2026-02-30",
            "12/01",
            "in 99999999999 days",
            "timezone",
            "Mars/Base",
            "digest",
            "25:61",
            "max",
            "-1",
            "pause",
            "confirm",
            "'); DROP TABLE notes;--",
            "‮rtl",
            "\u200b",
            "😀",
            "\n",
            "\"",
            "“",
            "@everyone",
            "<!channel>");

    private static TestRapport app;

    @BeforeContainer
    static void start() {
        try {
            app = TestRapport.in(Files.createTempDirectory("rapport-properties"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterContainer
    static void stop() {
        app.close();
    }

    @Provide
    Arbitrary<String> text() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                        Arbitraries.of(FRAGMENTS),
                        Arbitraries.strings().ofMaxLength(12),
                        Arbitraries.strings().all().ofMaxLength(6))
                .list()
                .ofMaxSize(8)
                .map(list -> String.join(" ", list));
        return Arbitraries.oneOf(pieces, Arbitraries.strings().all().ofMaxLength(40));
    }

    @Property(tries = 1500)
    void noTextMakesAnyCommandCrash(@ForAll("commandName") String command, @ForAll("text") String text) {
        Reply reply = app.rapport.handle(CommandRequest.of(TestRapport.user("fuzzer"), command, text));

        assertThat(reply.sections()).isNotEmpty();
        assertThat(reply.plainText()).doesNotContain(Rapport.OOPS);
    }

    @Property(tries = 500)
    void noActionIdOrInputMakesAButtonCrash(@ForAll("actionId") String actionId, @ForAll("text") String input) {
        Reply reply = app.rapport.act(ActionRequest.withInput(TestRapport.user("fuzzer"), actionId, input));

        assertThat(reply.plainText()).doesNotContain(Rapport.OOPS);
    }

    @Property(tries = 400)
    void oneUsersRepliesNeverHoldAnotherUsersNotes(
            @ForAll("secretWord") String secret, @ForAll("commandName") String command, @ForAll("text") String text) {
        Requester owner = TestRapport.user("owner");
        Requester other = TestRapport.user("other");
        String note = "SECRET" + secret;
        app.rapport.handle(CommandRequest.of(owner, "remember", "Marc Kelly: " + note));
        app.rapport.handle(CommandRequest.of(owner, "remember", "\"Zoë Adams\" ask: " + note + "?"));
        app.rapport.handle(CommandRequest.of(owner, "followup", "marc tomorrow about " + note));

        Reply reply = app.rapport.handle(CommandRequest.of(other, command, text));
        Reply mentioned = app.rapport.handle(CommandRequest.of(other, command, "marc " + text));

        for (Reply seen : List.of(reply, mentioned)) {
            assertThat(seen.plainText()).doesNotContain(note);
            assertThat(seen.attachment().map(Attachment::content).orElse("")).doesNotContain(note);
        }
    }

    @Provide
    Arbitrary<String> commandName() {
        return Arbitraries.of(COMMANDS);
    }

    @Provide
    Arbitrary<String> secretWord() {
        return Arbitraries.strings().alpha().numeric().ofLength(10);
    }

    @Provide
    Arbitrary<String> actionId() {
        Arbitrary<String> verb = Arbitraries.of("fu", "rh", "done", "snz", "note", "forget", "keep", "zz", "");
        Arbitrary<String> arg = Arbitraries.oneOf(
                Arbitraries.of("1d", "1w", "1m", "2w", "3m", "x", "-1", "99999999999999999999"),
                Arbitraries.longs().between(-5, 50).map(String::valueOf),
                Arbitraries.strings().ofMaxLength(5));
        return Combinators.combine(verb, arg.list().ofMaxSize(3))
                .as((v, args) -> args.isEmpty() ? v : v + ":" + String.join(":", args));
    }
}
