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
import org.junit.jupiter.params.provider.ValueSource;

/** Fixing mistakes: undo, edit, a one-tap re-split, rename and merge; odd names survive every button. */
@StorageSuite
class CorrectionsTest {
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

    String say(String line) {
        return app.text(alice, line);
    }

    List<String> contacts() {
        long id = app.rapport.user(alice).id();
        return app.storage.contacts().all(id).stream().map(Contact::name).toList();
    }

    static Button button(Reply reply, String label) {
        return reply.allButtons().stream()
                .filter(b -> b.label().equals(label))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no button " + label + " in " + reply.allButtons()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Linda Green: met at SYPE", "Sam Okafor met at the conference", "\"Jo Lee\" likes jazz"})
    void undoTakesBackTheNoteAndTheContactItMade(String line) {
        Reply saved = app.run(alice, "/remember " + line);

        assertThat(app.press(alice, button(saved, "Undo").actionId()).plainText())
                .contains("Undone");

        assertThat(contacts()).isEmpty();
        assertThat(app.press(alice, button(saved, "Undo").actionId()).plainText())
                .contains("already gone");
    }

    @Test
    void undoOfALaterNoteKeepsTheContact() {
        say("/remember Marc Kelly: met at SYPE");
        Reply second = app.run(alice, "/remember marc loves sailing");

        assertThat(app.press(bob, button(second, "Undo").actionId()).plainText())
                .doesNotContain("Undone");
        assertThat(app.press(alice, button(second, "Undo").actionId()).plainText())
                .contains("removed the note about Marc Kelly: “loves sailing”");
        assertThat(say("/contact marc")).contains("met at SYPE").doesNotContain("loves sailing");
    }

    @Test
    void editAndDeleteOneNoteByButtonOrByNumber() {
        say("/remember Marc Kelly: met at SYPE");
        Reply second = app.run(alice, "/remember marc loves saling");

        assertThat(app.submit(alice, button(second, "Edit").actionId(), "loves sailing #sea")
                        .plainText())
                .contains("Edited the note about Marc Kelly: “loves sailing #sea”");
        assertThat(say("/contact marc")).contains("1. ", "loves sailing #sea", "2. ", "met at SYPE");

        assertThat(say("/contact marc edit note 2 met at the SYPE mixer")).contains("Edited");
        assertThat(say("/contact marc delete note 1")).contains("Undone");
        assertThat(say("/contact marc")).contains("met at the SYPE mixer").doesNotContain("sailing");
        assertThat(app.run(alice, "/contact marc delete note 5").isError()).isTrue();
    }

    static Stream<Arguments> resplits() {
        return Stream.of(
                Arguments.of(
                        "/remember Linda Green Met at SYPE too",
                        "Name is “Linda Green”",
                        "Linda Green",
                        "Met at SYPE too"),
                Arguments.of(
                        "/remember Linda Green met at SYPE too",
                        "Name is “Linda”",
                        "Linda",
                        "Green met at SYPE" + " too"),
                Arguments.of("/remember Bo Chen Lisbon trip", "Name is “Bo Chen”", "Bo Chen", "Lisbon trip"));
    }

    @ParameterizedTest
    @MethodSource("resplits")
    void theRememberReplyShowsTheSplitAndFixesItInOneTap(String line, String fix, String name, String note) {
        Reply saved = app.run(alice, line);
        assertThat(saved.plainText()).contains("Read as: name “");

        Reply fixed = app.press(alice, button(saved, fix).actionId());

        assertThat(fixed.plainText()).contains("Fixed: name “" + name + "”, note “" + note + "”");
        assertThat(contacts()).containsExactly(name);
        assertThat(say("/contact \"" + name + "\"")).contains(note);
    }

    @Test
    void aFixThatNamesSomeoneKnownMovesTheNoteToThem() {
        say("/remember Linda Park: met at SYPE");
        Reply saved = app.run(alice, "/remember \"Linda Park Green\" likes tea");

        assertThat(saved.plainText()).doesNotContain("Read as");
        assertThat(say("/contact \"Linda Park Green\" split 2")).contains("Fixed: name “Linda Park”");

        assertThat(contacts()).containsExactly("Linda Park");
        assertThat(say("/contact \"Linda Park\"")).contains("Green likes tea", "met at SYPE");
    }

    @Test
    void renameKeepsEverythingAndRefusesATakenName() {
        say("/remember Marc Kelly: met at SYPE");
        say("/followup marc tomorrow");
        say("/remember Ana Lima: sails");

        assertThat(say("/contact marc rename Marc Kelly-Smith")).contains("Renamed Marc Kelly to Marc Kelly-Smith");
        assertThat(say("/contact \"Marc Kelly-Smith\"")).contains("met at SYPE", "Next follow-up: Thu 26 Nov 2026");
        assertThat(app.run(alice, "/contact ana rename marc kelly-smith").plainText())
                .contains("already have a contact called Marc Kelly-Smith");
    }

    @Test
    void mergeKeepsNotesFollowUpsAndHistoryOfBoth() {
        say("/remember Marc Kelly: met at SYPE");
        say("/remember M Kelly: plays chess");
        say("/followup \"M Kelly\" tomorrow about the chess club");
        say("/followup marc in 2 weeks");
        say("/followup done \"M Kelly\" had coffee");
        say("/followup \"M Kelly\" next week");

        String merged = say("/contact \"M Kelly\" merge into marc kelly");

        assertThat(merged)
                .contains(
                        "Merged M Kelly into Marc Kelly: moved 2 notes", "Kept the earlier follow-up, Mon 30 Nov 2026");
        assertThat(contacts()).containsExactly("Marc Kelly");
        assertThat(say("/contact marc"))
                .contains("met at SYPE", "plays chess", "had coffee")
                .contains("Last contact: today")
                .contains("Next follow-up: Mon 30 Nov 2026");
    }

    static Stream<String> oddNames() {
        return Stream.of("Zoë \"Z\" O'Brien", "Anne-Marie (AM) Duval", "李 小龙", "Dr. Ruth <Westheimer>");
    }

    @ParameterizedTest
    @MethodSource("oddNames")
    void namesWithQuotesAndOddCharactersRoundTripThroughEveryButton(String name) {
        long owner = app.rapport.user(alice).id();
        Contact contact = app.storage
                .contacts()
                .create(Contact.newContact(
                        owner, name, java.util.Optional.empty(), java.util.Optional.empty(), app.clock.instant()));
        Reply page = app.run(alice, "/remember " + contact.reference() + " met at the mixer");
        if (!page.plainText().contains("about " + name)) {
            throw new AssertionError(page.plainText());
        }
        Reply contactPage = app.run(alice, "/contact " + contact.reference());
        assertThat(contactPage.sections().get(0).heading()).contains(name);
        for (Button button : contactPage.allButtons()) {
            String typed = button.command();
            String[] parts = typed.replaceFirst("^/", "").split("\\s+", 2);
            Reply again = app.run(
                    alice,
                    "/" + parts[0] + " " + parts[1].replace("…", "likes tea").replace("<when> [reason]", "next week"));
            assertThat(again.plainText())
                    .as(typed)
                    .doesNotContain("no contact called")
                    .contains(name);
        }
        assertThat(contacts()).containsExactly(name);
    }
}
