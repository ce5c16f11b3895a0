package dev.rapport.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.api.Requester;
import dev.rapport.core.domain.Contact;
import dev.rapport.core.reply.Button;
import dev.rapport.core.reply.Reply;
import dev.rapport.core.testing.StorageSuite;
import dev.rapport.core.testing.TestRapport;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Naming people: only /remember creates; other commands find by surname, prefix, initial or typo, or ask. */
@StorageSuite
class NamingTest {
    @TempDir
    Path folder;

    TestRapport app;
    Requester alice = TestRapport.user("alice");
    Requester bob = TestRapport.user("bob");

    @BeforeEach
    void start() {
        app = TestRapport.in(folder);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    void know(String... names) {
        for (String name : names) {
            assertThat(app.text(alice, "/remember \"" + name + "\" met at the mixer"))
                    .contains("New contact");
        }
    }

    List<String> contacts() {
        long id = app.rapport.user(alice).id();
        return app.storage.contacts().all(id).stream().map(Contact::name).toList();
    }

    static Stream<Arguments> strangers() {
        return Stream.of(
                Arguments.of(
                        List.of("Richard Finnie"),
                        "/followup richrad tomorrow",
                        "richrad",
                        "Richard Finnie",
                        "/followup \"Richard Finnie\" tomorrow"),
                Arguments.of(
                        List.of("Anna Berg", "Tom Hale"),
                        "/followup done anan had coffee",
                        "anan",
                        "Anna Berg",
                        "/followup done \"Anna Berg\" had coffee"),
                Arguments.of(
                        List.of("John Smith"),
                        "/followup snooze jhon next week",
                        "jhon",
                        "John Smith",
                        "/followup snooze \"John Smith\" next week"),
                Arguments.of(
                        List.of("John Smith", "Jo Park"),
                        "/followup cancel jhon",
                        "jhon",
                        "John Smith",
                        "/followup cancel \"John Smith\""),
                Arguments.of(List.of("Peter Lee"), "/contact ptere", "ptere", "Peter Lee", "/contact \"Peter Lee\""),
                Arguments.of(List.of("Marc Kelly"), "/forget mk", "mk", "Marc Kelly", "/forget \"Marc Kelly\""),
                Arguments.of(
                        List.of("Richard Finnie", "Ana Lima"),
                        "/followup finnei tomorrow",
                        "finnei",
                        "Richard Finnie",
                        "/followup \"Richard Finnie\" tomorrow"));
    }

    @ParameterizedTest
    @MethodSource("strangers")
    void aNameThatFitsNoOneCreatesNobodyAndOffersTheClosest(
            List<String> known, String line, String typed, String meant, String command) {
        know(known.toArray(String[]::new));

        Reply reply = app.run(alice, line);

        assertThat(reply.plainText())
                .contains("You have no contact called “" + typed + "” — did you mean " + meant)
                .contains("Nothing was changed");
        Button first = reply.allButtons().get(0);
        assertThat(first.label()).isEqualTo(meant);
        assertThat(first.command()).isEqualTo(command);
        assertThat(contacts()).containsExactlyInAnyOrderElementsOf(known);
        assertThat(app.text(alice, "/followup list")).contains("Nothing due");
    }

    static Stream<Arguments> nobodyClose() {
        return Stream.of(
                Arguments.of("/followup zed tomorrow", "zed"),
                Arguments.of("/followup done Quentin had coffee", "Quentin"),
                Arguments.of("/contact xavier", "xavier"),
                Arguments.of("/forget \"Zed Quinn\"", "Zed Quinn"));
    }

    @ParameterizedTest
    @MethodSource("nobodyClose")
    void aNameCloseToNoOneSaysOnlyRememberAddsPeople(String line, String typed) {
        know("Marc Kelly");

        Reply reply = app.run(alice, line);

        assertThat(reply.isError()).isTrue();
        assertThat(reply.plainText()).contains("You have no contact called “" + typed + "” yet");
        assertThat(contacts()).containsExactly("Marc Kelly");
    }

    @Test
    void introWithTypedNamesCreatesNobody() {
        know("Marc Kelly");

        assertThat(app.run(alice, "/intro ana marc you both sail").isError()).isTrue();

        assertThat(contacts()).containsExactly("Marc Kelly");
    }

    @Test
    void theDidYouMeanButtonRunsTheCommandForTheChosenContactOnce() {
        know("Richard Finnie", "Rich Ames");
        Reply asked = app.run(alice, "/followup richrad tomorrow about the first step");
        Button finnie = asked.allButtons().stream()
                .filter(b -> b.label().equals("Richard Finnie"))
                .findFirst()
                .orElseThrow();

        assertThat(app.press(alice, finnie.actionId()).plainText())
                .contains(
                        "I'll remind you to follow up with Richard Finnie on Thu 26 Nov 2026 (tomorrow), about the first step");
        assertThat(app.press(alice, finnie.actionId()).plainText()).contains("already made");
        assertThat(app.press(bob, finnie.actionId()).plainText()).doesNotContain("Richard Finnie");
        assertThat(contacts()).containsExactlyInAnyOrder("Richard Finnie", "Rich Ames");
    }

    static Stream<Arguments> uniqueFits() {
        return Stream.of(
                Arguments.of(List.of("Marc Kelly", "Ana Lima"), "/contact kelly", "Marc Kelly"),
                Arguments.of(List.of("Richard Finnie", "Ana Lima"), "/contact finnie", "Richard Finnie"),
                Arguments.of(List.of("Marc Kelly", "Ana Lima"), "/contact mar", "Marc Kelly"),
                Arguments.of(List.of("Richard Finnie", "Ana Lima"), "/contact ric", "Richard Finnie"),
                Arguments.of(List.of("Marc Kelly", "Marc Ruiz"), "/contact Marc K", "Marc Kelly"),
                Arguments.of(List.of("Richard Finnie", "Richard Ames"), "/contact richard f.", "Richard Finnie"),
                Arguments.of(List.of("Marc Kelly", "Ana Lima"), "/contact marc kely", "Marc Kelly"),
                Arguments.of(List.of("Zoë Park", "Ana Lima"), "/contact zoey", "Zoë Park"));
    }

    @ParameterizedTest
    @MethodSource("uniqueFits")
    void aSurnamePrefixInitialOrOneTypoFindsTheOneContact(List<String> known, String line, String meant) {
        know(known.toArray(String[]::new));

        Reply reply = app.run(alice, line);

        assertThat(reply.sections().get(0).heading()).contains(meant);
        assertThat(contacts()).containsExactlyInAnyOrderElementsOf(known);
    }

    static Stream<Arguments> fitsForCommands() {
        return Stream.of(
                Arguments.of("/followup richrd tomorrow", "I'll remind you to follow up with Richard Finnie"),
                Arguments.of("/followup finnie in a week", "I'll remind you to follow up with Richard Finnie"),
                Arguments.of("/followup Marc K tomorrow", "I'll remind you to follow up with Marc Kelly"),
                Arguments.of("/followup done kelly had coffee", "Logged: you were in touch with Marc Kelly"));
    }

    @ParameterizedTest
    @MethodSource("fitsForCommands")
    void theSameFitsWorkInEveryCommand(String line, String expected) {
        know("Richard Finnie", "Marc Kelly", "Marc Ruiz");

        assertThat(app.text(alice, line)).contains(expected);
        assertThat(contacts()).hasSize(3);
    }

    static Stream<Arguments> ambiguous() {
        return Stream.of(
                Arguments.of(
                        List.of("Marc Kelly", "Marc Ruiz"),
                        "/followup marc tomorrow",
                        "“marc” could be Marc" + " Kelly or Marc Ruiz",
                        "Example: /followup \"Marc Kelly\" tomorrow"),
                Arguments.of(
                        List.of("Marc Kelly", "Maria Ruiz"),
                        "/contact mar",
                        "“mar” could be Marc Kelly or Maria" + " Ruiz",
                        "Example: /contact \"Marc Kelly\""),
                Arguments.of(
                        List.of("Marc Kelly", "Ann Kelly"),
                        "/forget kelly",
                        "“kelly” could be Ann Kelly or Marc" + " Kelly",
                        "Example: /forget \"Ann Kelly\""),
                Arguments.of(
                        List.of("Marc Kelly", "Marc Ruiz"),
                        "/followup done marc had coffee",
                        "could be Marc" + " Kelly or Marc Ruiz",
                        "Example: /followup done \"Marc Kelly\" had coffee"),
                Arguments.of(
                        List.of("Marc Kelly", "Marc Ruiz"),
                        "/remember marc ask: how was the move?",
                        "could be" + " Marc Kelly or Marc Ruiz",
                        "Example: /remember \"Marc Kelly\" ask: how was the move?"));
    }

    @ParameterizedTest
    @MethodSource("ambiguous")
    void severalFitsAskWhichWithTheCommandTyped(List<String> known, String line, String question, String example) {
        know(known.toArray(String[]::new));

        Reply reply = app.run(alice, line);

        assertThat(reply.plainText()).contains(question, example);
        assertThat(reply.allButtons()).extracting(Button::label).containsExactlyInAnyOrderElementsOf(known);
        assertThat(contacts()).containsExactlyInAnyOrderElementsOf(known);
        assertThat(app.text(alice, "/followup list")).contains("Nothing due");
    }

    @Test
    void choosingFromAnAmbiguousRememberSavesTheNoteOnce() {
        know("Marc Kelly", "Marc Ruiz");
        Reply asked = app.run(alice, "/remember marc ask: how was the move?");
        Button ruiz = asked.allButtons().stream()
                .filter(b -> b.label().equals("Marc Ruiz"))
                .findFirst()
                .orElseThrow();

        assertThat(app.press(alice, ruiz.actionId()).plainText()).contains("about Marc Ruiz");
        app.press(alice, ruiz.actionId());

        assertThat(app.text(alice, "/contact \"Marc Ruiz\"")).contains("Open questions: 1");
        assertThat(app.text(alice, "/contact \"Marc Kelly\"")).contains("Open questions: 0");
    }

    static Stream<Arguments> newPeople() {
        return Stream.of(
                Arguments.of("/remember Linda Green met at SYPE too", "Linda Green", "met at SYPE too"),
                Arguments.of("/remember Tom O'Neil runs the Leeds office", "Tom O'Neil", "runs the Leeds office"),
                Arguments.of("/remember Ana said hi at the door", "Ana", "said hi at the door"),
                Arguments.of("/remember dana likes tea", "dana", "likes tea"),
                Arguments.of("/remember Mary Jo Ruiz-Alba Moved To Porto", "Mary Jo Ruiz-Alba Moved To", "Porto"));
    }

    @ParameterizedTest
    @MethodSource("newPeople")
    void aNewPersonWithoutAColonIsTheLeadingCapitalisedWords(String line, String name, String note) {
        Reply reply = app.run(alice, line);

        assertThat(contacts()).containsExactly(name);
        assertThat(app.text(alice, "/contact " + "\"" + name + "\"")).contains(note);
        assertThat(reply.plainText()).contains("Read as: name “" + name + "”, note “" + note + "”");
    }
}
