package dev.rapport.core.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.api.Capture;
import dev.rapport.core.api.CaptureOpening;
import dev.rapport.core.api.CaptureStart;
import dev.rapport.core.api.Captured;
import dev.rapport.core.api.Place;
import dev.rapport.core.api.PlatformUser;
import dev.rapport.core.api.Requester;
import dev.rapport.core.domain.Contact;
import dev.rapport.core.domain.FollowUp;
import dev.rapport.core.domain.Note;
import dev.rapport.core.domain.NoteKind;
import dev.rapport.core.domain.User;
import dev.rapport.core.people.NoteText;
import dev.rapport.core.reply.CaptureForm;
import dev.rapport.core.reply.Prompt;
import dev.rapport.core.testing.StorageSuite;
import dev.rapport.core.testing.TestRapport;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * "Remember this" and "Remember someone" through core's front door on the module's real store: the form core words,
 * what it refuses (changing nothing), and one saved capture: contact, note, source and follow-up. Today is Wednesday
 * 25 Nov 2026, 10:00 UTC.
 */
@StorageSuite
class CaptureTest {
    static final String LINK = "https://acme.slack.com/archives/C1/p1700000000000100";

    @TempDir
    Path folder;

    TestRapport app;
    Requester alice = Requester.of("slack", "T1", "UALICE", "alice").withZone(ZoneId.of("UTC"));
    Requester bob = Requester.of("slack", "T1", "UBOB", "bob").withZone(ZoneId.of("UTC"));
    PlatformUser marc = PlatformUser.person("UMARC", "Marc Kelly");

    @BeforeEach
    void start() {
        app = TestRapport.in(folder);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    CaptureForm form(CaptureStart start) {
        CaptureOpening opening = app.rapport.openCapture(alice, start);
        assertThat(opening).isInstanceOf(CaptureOpening.Open.class);
        return ((CaptureOpening.Open) opening).form();
    }

    Captured capture(Requester who, Capture capture) {
        return app.rapport.capture(who, Place.none(), capture);
    }

    static Capture about(PlatformUser person, String note) {
        return new Capture(Optional.of(person), Optional.empty(), note, false, Optional.empty(), Optional.of(LINK));
    }

    List<Contact> contacts(Requester who) {
        User user = app.rapport.user(who);
        return app.storage.contacts().all(user.id());
    }

    List<Note> notes(Requester who, Contact contact) {
        return app.storage.notes().forContact(app.rapport.user(who).id(), contact.id());
    }

    @Test
    void aMessageOpensAFormPrefilledWithItsAuthorTextAndLink() {
        CaptureForm form = form(CaptureStart.message(marc, "  Moving to Lisbon in May  ", Optional.of(LINK)));

        assertThat(form.title()).isEqualTo("Remember this");
        assertThat(form.personId()).contains("UMARC");
        assertThat(form.name()).isEmpty();
        assertThat(form.noteText()).isEqualTo("Moving to Lisbon in May");
        assertThat(form.cut()).isFalse();
        assertThat(form.source()).contains(LINK);
        assertThat(form.askOption()).contains("Ask next time");
    }

    @Test
    void everyLabelFitsDiscordsAndSlacksLimits() {
        CaptureForm message = form(CaptureStart.message(marc, "x".repeat(5000), Optional.empty()));
        CaptureForm someone = form(CaptureStart.someone());

        for (CaptureForm form : List.of(message, someone)) {
            assertThat(form.title().length()).isLessThanOrEqualTo(CaptureForm.TITLE_MAX);
            assertThat(form.submit().length()).isLessThanOrEqualTo(CaptureForm.TITLE_MAX);
            Stream.of(form.personLabel(), form.askLabel(), form.askOption())
                    .forEach(label -> assertThat(label.length()).isLessThanOrEqualTo(CaptureForm.LABEL_MAX));
            Stream.concat(Stream.of(form.note(), form.followUp()), form.name().stream())
                    .forEach(this::fits);
            assertThat(form.noteText().length()).isLessThanOrEqualTo(CaptureForm.INPUT_MAX);
        }
        assertThat(someone.name()).isPresent();
        assertThat(someone.personId()).isEmpty();
    }

    void fits(Prompt prompt) {
        assertThat(prompt.label().length()).isLessThanOrEqualTo(CaptureForm.LABEL_MAX);
        assertThat(prompt.placeholder().length()).isLessThanOrEqualTo(CaptureForm.PLACEHOLDER_MAX);
        assertThat(prompt.maxLength()).isLessThanOrEqualTo(CaptureForm.INPUT_MAX);
    }

    @Test
    void aLongMessageIsCutToTheNoteLimitWithAClearMark() {
        String message = "word ".repeat(1000) + "THE END";

        CaptureForm form = form(CaptureStart.message(marc, message, Optional.of(LINK)));

        assertThat(form.cut()).isTrue();
        assertThat(form.noteText().length()).isLessThanOrEqualTo(NoteText.MAX_LENGTH);
        assertThat(form.noteText()).endsWith(Captures.CUT_MARK).doesNotContain("THE END");
        assertThat(form.note().label()).contains("cut");
        // The cut text saves as it is shown.
        assertThat(capture(alice, about(marc, form.noteText())).isSaved()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(
            value = PlatformUser.Standing.class,
            names = {"BOT", "DELETED", "RAPPORT"})
    void aMessageFromABotADeletedAccountOrRapportGetsAReasonAndNoForm(PlatformUser.Standing standing) {
        PlatformUser author = new PlatformUser("UX", "Someone", standing);

        CaptureOpening opening =
                app.rapport.openCapture(alice, CaptureStart.message(author, "hello", Optional.of(LINK)));
        Captured submitted = capture(alice, about(author, "hello"));

        assertThat(opening).isInstanceOf(CaptureOpening.Refused.class);
        assertThat(((CaptureOpening.Refused) opening).reply().plainText()).contains("Nothing was saved");
        assertThat(submitted.isSaved()).isFalse();
        assertThat(submitted.problems()).containsOnlyKeys(CaptureForm.Field.PERSON);
        assertThat(contacts(alice)).isEmpty();
    }

    @Test
    void aCaptureSavesTheContactLinkedAndNamedFromTheDirectoryTheNoteAndItsSource() {
        Captured saved = capture(alice, about(marc, "Moving to Lisbon in May #travel"));

        assertThat(saved.isSaved()).isTrue();
        assertThat(saved.reply().plainText()).contains("New contact", "Marc Kelly", "link to the message");
        Contact contact = contacts(alice).get(0);
        assertThat(contact.name()).isEqualTo("Marc Kelly");
        assertThat(contact.platformUserId()).contains("UMARC");
        Note note = notes(alice, contact).get(0);
        assertThat(note.kind()).isEqualTo(NoteKind.NOTE);
        assertThat(note.tags()).containsExactly("travel");
        assertThat(app.text(alice, "/contact marc")).contains("Moving to Lisbon in May #travel — from " + LINK);
    }

    @Test
    void theExportKeepsANotesSource() {
        capture(alice, about(marc, "Moving to Lisbon in May"));
        app.text(alice, "/remember Marc Kelly: typed by hand");

        String json = app.run(alice, "/export").attachment().orElseThrow().content();

        assertThat(json).contains("\"source\": \"" + LINK + "\"", "\"source\": null");
    }

    @Test
    void aSubmissionSentTwiceIsSavedOnceAndARefusedOneCanBeSentAgain() {
        Capture refused = new Capture(
                Optional.of(marc),
                Optional.empty(),
                "sails",
                false,
                Optional.of("someday"),
                Optional.of(LINK),
                Optional.of("view:V1"));
        Capture fixed = new Capture(
                Optional.of(marc),
                Optional.empty(),
                "sails",
                false,
                Optional.of("monthly"),
                Optional.of(LINK),
                Optional.of("view:V1"));

        assertThat(capture(alice, refused).isSaved()).isFalse();
        Captured first = capture(alice, fixed);
        Captured again = capture(alice, fixed);
        Captured bobsOwn = capture(bob, fixed);

        assertThat(first.isSaved()).isTrue();
        assertThat(again.isSaved()).isTrue();
        assertThat(again.reply().plainText()).contains("saved already", "/contact \"Marc Kelly\"");
        assertThat(notes(alice, contacts(alice).get(0))).hasSize(1);
        assertThat(bobsOwn.reply().plainText()).contains("New contact");
    }

    @Test
    void theSameUserAgainIsTheSameContactAndAContactOfTheirNameIsLinkedToThem() {
        app.text(alice, "/remember Marc Kelly: met at the SYPE mixer");

        capture(alice, about(new PlatformUser("UMARC", "Marc Kelly", PlatformUser.Standing.PERSON), "sails"));
        capture(alice, about(new PlatformUser("UMARC", "Marc K. (renamed)", PlatformUser.Standing.PERSON), "rows"));

        assertThat(contacts(alice)).singleElement().satisfies(contact -> {
            assertThat(contact.name()).isEqualTo("Marc Kelly");
            assertThat(contact.platformUserId()).contains("UMARC");
        });
    }

    @Test
    void askNextTimeSavesAnOpenQuestion() {
        Capture ask = new Capture(
                Optional.of(marc), Optional.empty(), "how was the move?", true, Optional.empty(), Optional.empty());

        Captured saved = capture(alice, ask);

        assertThat(saved.reply().plainText()).contains("question to ask next time", "1 open question");
        Note note = notes(alice, contacts(alice).get(0)).get(0);
        assertThat(note.isOpenQuestion()).isTrue();
        assertThat(app.text(alice, "/contact marc")).contains("Ask: how was the move?");
    }

    @Test
    void aFollowUpPhraseIsReadInTheUsersZone() {
        // 10:00 UTC on Wednesday 25 Nov is already midnight into Thursday 26 Nov on Kiritimati (UTC+14).
        Requester kiwi = Requester.of("slack", "T1", "UKIWI", "kiwi").withZone(ZoneId.of("Pacific/Kiritimati"));
        Capture withDate = new Capture(
                Optional.of(marc), Optional.empty(), "sails", false, Optional.of("tomorrow"), Optional.empty());

        Captured saved = capture(kiwi, withDate);

        assertThat(saved.isSaved()).isTrue();
        assertThat(saved.reply().plainText()).contains("remind you to follow up");
        Contact contact = contacts(kiwi).get(0);
        assertThat(app.storage.followUps().open(app.rapport.user(kiwi).id(), contact.id()))
                .map(FollowUp::dueOn)
                .contains(LocalDate.of(2026, 11, 27));
    }

    @Test
    void aRecurringPhraseSetsARhythm() {
        Capture monthly = new Capture(
                Optional.of(marc), Optional.empty(), "sails", false, Optional.of("monthly"), Optional.empty());

        assertThat(capture(alice, monthly).reply().plainText()).contains("Keeping in touch");
        assertThat(contacts(alice).get(0).rhythm()).isPresent();
    }

    @Test
    void anUnreadableDateAnEmptyNoteOrNoPersonIsRefusedBesideItsFieldAndChangesNothing() {
        Captured badDate = capture(
                alice,
                new Capture(
                        Optional.of(marc),
                        Optional.empty(),
                        "sails",
                        false,
                        Optional.of("someday"),
                        Optional.of(LINK)));
        Captured empty = capture(alice, about(marc, "   "));
        Captured nobody = capture(
                alice,
                new Capture(Optional.empty(), Optional.of("  "), "sails", false, Optional.empty(), Optional.empty()));
        Captured tooLong = capture(alice, about(marc, "x".repeat(NoteText.MAX_LENGTH + 1)));

        assertThat(badDate.problems()).containsOnlyKeys(CaptureForm.Field.FOLLOW_UP);
        assertThat(badDate.problems().get(CaptureForm.Field.FOLLOW_UP)).contains("tomorrow");
        assertThat(empty.problems()).containsOnlyKeys(CaptureForm.Field.NOTE);
        assertThat(nobody.problems()).containsOnlyKeys(CaptureForm.Field.PERSON);
        assertThat(tooLong.problems().get(CaptureForm.Field.NOTE)).contains("at most 2000");
        assertThat(contacts(alice)).isEmpty();
        assertThat(app.store.rows("notes")).isZero();
        assertThat(app.store.rows("note_sources")).isZero();
        assertThat(app.store.rows("follow_ups")).isZero();
    }

    @Test
    void aFreeNameIsTheContactOfThatNameOrSomeoneNew() {
        app.text(alice, "/remember Zoë Hart: climbs");

        capture(
                alice,
                new Capture(
                        Optional.empty(), Optional.of("zoe hart"), "runs", false, Optional.empty(), Optional.empty()));
        Captured fresh = capture(
                alice,
                new Capture(
                        Optional.empty(),
                        Optional.of("Ana Ruiz"),
                        "paints",
                        false,
                        Optional.empty(),
                        Optional.empty()));

        assertThat(fresh.reply().plainText()).contains("New contact");
        assertThat(contacts(alice)).extracting(Contact::name).containsExactlyInAnyOrder("Zoë Hart", "Ana Ruiz");
    }

    @Test
    void nameSuggestionsComeOnlyFromTheUsersOwnContactsThenWhatIsTyped() {
        app.text(alice, "/remember Marc Kelly: sails");
        app.text(alice, "/remember Marc Ruiz: rows");
        app.text(bob, "/remember Marcel Secret: bob's own");

        assertThat(app.rapport.captureNames(alice, "mar", 10)).containsExactly("Marc Kelly", "Marc Ruiz", "mar");
        assertThat(app.rapport.captureNames(alice, "marc kelly", 10)).containsExactly("Marc Kelly");
        assertThat(app.rapport.captureNames(alice, "marcel", 10)).containsExactly("marcel");
        assertThat(app.rapport.captureNames(alice, "mar", 2)).containsExactly("Marc Kelly", "mar");
    }

    @Test
    void oneUsersCaptureNeverShowsInAnothersContacts() {
        capture(alice, about(marc, "secret plans"));

        assertThat(contacts(bob)).isEmpty();
        assertThat(app.text(bob, "/contact marc")).doesNotContain("secret plans", LINK);
    }

    @Test
    void aSourceThatIsNoWebLinkIsNotKept() {
        capture(
                alice,
                new Capture(
                        Optional.of(marc),
                        Optional.empty(),
                        "sails",
                        false,
                        Optional.empty(),
                        Optional.of("javascript:alert(1)")));

        assertThat(app.store.rows("note_sources")).isZero();
        assertThat(app.store.rows("notes")).isEqualTo(1);
    }
}
