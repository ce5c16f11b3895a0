package dev.rapport.core.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.rapport.core.api.ActionRequest;
import dev.rapport.core.api.CommandRequest;
import dev.rapport.core.api.Requester;
import dev.rapport.core.reply.Attachment;
import dev.rapport.core.reply.Reply;
import dev.rapport.core.reply.Wording;
import dev.rapport.core.testing.StorageSuite;
import dev.rapport.core.testing.TestRapport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Whatever anyone types, core answers with a reply, never a crash, and never with someone else's notes. */
@StorageSuite
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

    /**
     * The chars of jqwik's default strings: U+0000 to U+FFFF without surrogates, noncharacters or private use ones.
     * Kept in order, so index 0x61 is 'a' (no char below it is left out).
     */
    private static final char[] ORDINARY_CHARS = IntStream.rangeClosed(Character.MIN_VALUE, Character.MAX_VALUE)
            .filter(c -> !Character.isSurrogate((char) c))
            .filter(c -> !(c >= 0xFDD0 && c <= 0xFDEF) && c != 0xFFFE && c != 0xFFFF)
            .filter(c -> !(c >= 0xE000 && c <= 0xF8FF))
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString()
            .toCharArray();

    private static TestRapport app;

    @BeforeAll
    static void start() {
        try {
            app = TestRapport.in(Files.createTempDirectory("rapport-properties"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static Gen<String> text() {
        Gen<String> pieces = lists().of(Generate.oneOf(Generate.pick(FRAGMENTS), ordinaryChars(0, 12), anyChars(0, 6)))
                .ofSizeBetween(0, 8)
                .map(list -> String.join(" ", list));
        return Generate.oneOf(pieces, anyChars(0, 40)).describedAs(FuzzProperties::literal);
    }

    @Test
    void noTextMakesAnyCommandCrash() {
        qt().withExamples(1500).forAll(commandName(), text()).checkAssert((command, text) -> {
            Reply reply = app.rapport.handle(CommandRequest.of(TestRapport.user("fuzzer"), command, text));

            assertThat(reply.sections()).isNotEmpty();
            assertThat(reply.plainText()).doesNotContain(Wording.OOPS);
        });
    }

    @Test
    void noActionIdOrInputMakesAButtonCrash() {
        qt().withExamples(500).forAll(actionId(), text()).checkAssert((actionId, input) -> {
            Reply reply = app.rapport.act(ActionRequest.withInput(TestRapport.user("fuzzer"), actionId, input));

            assertThat(reply.plainText()).doesNotContain(Wording.OOPS);
        });
    }

    @Test
    void oneUsersRepliesNeverHoldAnotherUsersNotes() {
        qt().withExamples(400).forAll(secretWord(), commandName(), text()).checkAssert((secret, command, text) -> {
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
                assertThat(seen.attachment().map(Attachment::content).orElse(""))
                        .doesNotContain(note);
            }
        });
    }

    static Gen<String> commandName() {
        return Generate.pick(COMMANDS);
    }

    static Gen<String> secretWord() {
        return FuzzProperties.charsFrom("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 10, 10);
    }

    static Gen<String> actionId() {
        Gen<String> verb = Generate.pick(List.of("fu", "rh", "done", "snz", "note", "forget", "keep", "zz", ""));
        Gen<String> arg = Generate.oneOf(
                Generate.pick(List.of("1d", "1w", "1m", "2w", "3m", "x", "-1", "99999999999999999999")),
                longs().between(-5, 50).map(n -> Long.toString(n)),
                ordinaryChars(0, 5));
        return verb.zip(
                        lists().of(arg).ofSizeBetween(0, 3),
                        (v, args) -> args.isEmpty() ? v : v + ":" + String.join(":", args))
                .describedAs(FuzzProperties::literal);
    }

    /** Strings of jqwik's default chars (see {@link #ORDINARY_CHARS}); length and chars shrink, chars towards 'a'. */
    static Gen<String> ordinaryChars(int minLength, int maxLength) {
        Gen<Character> chars = Generate.range(0, ORDINARY_CHARS.length - 1, 'a').map(i -> ORDINARY_CHARS[i]);
        return lists().of(chars).ofSizeBetween(minLength, maxLength).map(FuzzProperties::join);
    }

    static Gen<String> anyChars(int minLength, int maxLength) {
        return FuzzProperties.anyChars(minLength, maxLength);
    }
}
