package dev.rapport.core.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.api.ActionRequest;
import dev.rapport.core.api.CommandRequest;
import dev.rapport.core.api.Requester;
import dev.rapport.core.api.Upload;
import dev.rapport.core.domain.Contact;
import dev.rapport.core.domain.Note;
import dev.rapport.core.domain.User;
import dev.rapport.core.domain.YearlyDate;
import dev.rapport.core.reply.Button;
import dev.rapport.core.reply.Reply;
import dev.rapport.core.testing.StorageSuite;
import dev.rapport.core.testing.TestRapport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /import end to end through core on a real store: preview, confirm, idempotence, isolation, bad files. */
@StorageSuite
class ImportTest {
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

    Reply upload(Requester who, String name, byte[] bytes) {
        return app.rapport.upload(CommandRequest.of(who, "import", ""), new Upload(name, bytes));
    }

    Reply upload(Requester who, String fixture) {
        return upload(who, fixture, Fixtures.bytes(fixture));
    }

    static Button confirm(Reply preview) {
        return preview.allButtons().stream()
                .filter(b -> b.label().startsWith("Import "))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no confirm button in " + preview.plainText()));
    }

    List<Contact> contacts(Requester who) {
        return app.storage.contacts().all(app.rapport.user(who).id());
    }

    Contact contact(Requester who, String name) {
        return contacts(who).stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    long rows(String table) {
        return app.store.rows(table);
    }

    @Test
    void aPreviewCountsNewKnownAndSkippedAndWritesNothingUntilConfirmed() {
        app.text(alice, "/remember Marc Kelly: sails");

        Reply preview = upload(alice, "phone.vcf");

        assertThat(preview.plainText())
                .contains("Import preview — phone.vcf (vCard)")
                .contains("2 people new, 1 already in your list, 1 skipped.")
                .contains("Skipped: card 4 has no name")
                .contains("not your digest");
        assertThat(contacts(alice)).extracting(Contact::name).containsExactly("Marc Kelly");

        Reply done = app.press(alice, confirm(preview).actionId());

        assertThat(done.plainText()).contains("Imported 2 people from phone.vcf");
        assertThat(contacts(alice))
                .extracting(Contact::name)
                .containsExactlyInAnyOrder("Marc Kelly", "Dr. Ngozi Okafor", "Jürgen Müller");
        Contact ngozi = contact(alice, "Dr. Ngozi Okafor");
        assertThat(ngozi.rhythm()).isEmpty();
        assertThat(app.storage.yearlyDates().forContact(ngozi.ownerId(), ngozi.id()))
                .extracting(YearlyDate::label, YearlyDate::day, YearlyDate::year)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("birthday", MonthDay.of(7, 4), Optional.of(1988)));
        Contact jurgen = contact(alice, "Jürgen Müller");
        assertThat(app.storage.notes().forContact(jurgen.ownerId(), jurgen.id()))
                .extracting(Note::body)
                .containsExactly("Knows everyone in the Berlin climbing scene");
        assertThat(rows("pending_imports")).isZero();
    }

    @Test
    void reimportingTheSameFileChangesNothingAndPressingConfirmTwiceAddsNobodyTwice() {
        Reply preview = upload(alice, "monica.vcf");
        Button confirm = confirm(preview);
        app.press(alice, confirm.actionId());
        long contacts = rows("contacts");
        long notes = rows("notes");
        long dates = rows("yearly_dates");

        Reply again = app.press(alice, confirm.actionId());
        Reply second = upload(alice, "monica.vcf");

        assertThat(again.plainText()).contains("already done or cancelled");
        assertThat(second.plainText())
                .contains("0 people new, 2 already in your list")
                .contains("Nothing new");
        assertThat(second.allButtons()).isEmpty();
        assertThat(rows("contacts")).isEqualTo(contacts);
        assertThat(rows("notes")).isEqualTo(notes);
        assertThat(rows("yearly_dates")).isEqualTo(dates);
    }

    @Test
    void twoPreviewsOfOneFileConfirmedBothAddEachPersonOnce() {
        Reply first = upload(alice, "google.csv");
        Reply second = upload(alice, "google.csv");

        app.press(alice, confirm(first).actionId());
        Reply late = app.press(alice, confirm(second).actionId());

        assertThat(late.plainText()).contains("Imported 0 people");
        assertThat(contacts(alice)).extracting(Contact::name).containsExactlyInAnyOrder("Aisha Bello", "Chen Wei");
    }

    @Test
    void peopleAreKnownByEmailAndByFoldedNameAcrossFormats() {
        app.press(alice, confirm(upload(alice, "google.csv")).actionId());
        // The same e-mail under another name is the same person; so is a name written with other case and accents.
        String vcard = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A. Bello\r\nEMAIL:AISHA@northwind.example\r\nEND:VCARD\r\n"
                + "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:chen  wei\r\nEND:VCARD\r\n"
                + "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoë Adams\r\nEND:VCARD\r\n";

        Reply preview = upload(alice, "more.vcf", vcard.getBytes(StandardCharsets.UTF_8));

        assertThat(preview.plainText()).contains("1 person new, 2 already in your list, 0 skipped.");
    }

    @Test
    void linkedInConnectionsArriveWithHowWeMetAndKnownNamesAreLeftAlone() {
        app.text(alice, "/remember marc kelly: sails");

        Reply preview = upload(alice, "linkedin.csv");
        app.press(alice, confirm(preview).actionId());

        assertThat(preview.plainText()).contains("(LinkedIn CSV)").contains("2 people new, 1 already in your list");
        assertThat(contact(alice, "Sofia Lindqvist").howMet()).contains("Connected on LinkedIn on 12 March 2021");
        assertThat(contact(alice, "marc kelly").howMet()).isEmpty();
    }

    @Test
    void importedPeopleStayOutOfTheDigestUntilGivenARhythmOrAFollowUp() {
        app.press(alice, confirm(upload(alice, "linkedin.csv")).actionId());

        assertThat(app.text(alice, "/today")).doesNotContain("Sofia").doesNotContain("Kwame");
        assertThat(app.text(alice, "/circle")).contains("Sofia Lindqvist").contains("Kwame Mensah");
        app.text(alice, "/followup sofia tomorrow");
        app.clock.advance(java.time.Duration.ofDays(1));
        assertThat(app.text(alice, "/today")).contains("Sofia Lindqvist").doesNotContain("Kwame");
    }

    @Test
    void badFilesGetTheReasonAndNothingIsWrittenOrKept() {
        long users = rows("users");
        Reply broken = upload(alice, "broken.vcf");
        Reply noName = upload(alice, "no-name.csv");
        Reply binary = upload(alice, "photo.vcf", new byte[] {(byte) 0xff, (byte) 0xd8, 0, 0x10, 'J', 'F', 'I', 'F'});
        byte[] big = new byte[ContactFile.MAX_BYTES + 10];
        java.util.Arrays.fill(big, (byte) 'x');
        Reply huge = upload(alice, "huge.csv", big);

        assertThat(broken.isError()).isTrue();
        assertThat(broken.plainText()).contains("broken.vcf: Line 8 of the file is not a vCard line");
        assertThat(noName.plainText()).contains("no name column");
        assertThat(binary.plainText()).contains("not text");
        assertThat(huge.plainText()).contains("up to 5 MB");
        assertThat(rows("contacts")).isZero();
        assertThat(rows("pending_imports")).isZero();
        assertThat(rows("users")).isEqualTo(users + 1);
    }

    @Test
    void oneUsersPreviewCannotBeConfirmedOrCancelledByAnother() {
        Reply preview = upload(alice, "plain.csv");
        app.text(bob, "/help");

        Reply bobPresses = app.press(bob, confirm(preview).actionId());
        Reply bobTypes = app.run(bob, confirm(preview).command());

        assertThat(bobPresses.plainText()).contains("already done or cancelled");
        assertThat(bobTypes.plainText()).contains("already done or cancelled");
        assertThat(contacts(bob)).isEmpty();
        assertThat(contacts(alice)).isEmpty();
        assertThat(app.run(alice, confirm(preview).command()).plainText()).contains("Imported 2 people");
        assertThat(contacts(bob)).isEmpty();
    }

    @Test
    void cancellingDropsTheFileAndChangesNothing() {
        Reply preview = upload(alice, "plain.csv");
        Button cancel = preview.allButtons().stream()
                .filter(b -> b.label().equals("Cancel"))
                .findFirst()
                .orElseThrow();

        assertThat(app.press(alice, cancel.actionId()).plainText()).contains("Import cancelled");
        assertThat(app.press(alice, confirm(preview).actionId()).plainText()).contains("already done or cancelled");
        assertThat(rows("contacts")).isZero();
    }

    @Test
    void tenThousandCardsImportInOneTransactionShowingTheirProgress() {
        byte[] file = Fixtures.cards(10_000);
        Reply preview = upload(alice, "big.vcf", file);
        assertThat(preview.plainText()).contains("10000 people new");

        // WHEN the preview is confirmed where progress can be shown
        List<String> shown = new ArrayList<>();
        Reply done = app.rapport.act(
                ActionRequest.of(alice, confirm(preview).actionId()),
                interim -> shown.add(interim.plainText()),
                () -> {});

        // THEN it says it started and how far it came at each quarter, then the result, all in one transaction
        assertThat(shown)
                .containsExactly(
                        "Importing 10000 people from big.vcf…",
                        "Importing 10000 people from big.vcf… 2500 of 10000 done.",
                        "Importing 10000 people from big.vcf… 5000 of 10000 done.",
                        "Importing 10000 people from big.vcf… 7500 of 10000 done.");
        assertThat(done.plainText()).contains("Imported 10000 people from big.vcf");

        assertThat(rows("contacts")).isEqualTo(10_000);
        assertThat(rows("notes")).isEqualTo(10_000);
        assertThat(rows("contact_emails")).isEqualTo(10_000);
        assertThat(rows("yearly_dates")).isEqualTo(10_000);
        assertThat(upload(alice, "big.vcf", file).plainText()).contains("0 people new, 10000 already in your list");
    }

    List<String> confirmShowingProgress(Requester who, Reply preview) {
        List<String> shown = new ArrayList<>();
        app.rapport.act(
                ActionRequest.of(who, confirm(preview).actionId()),
                interim -> shown.add(interim.plainText()),
                () -> {});
        return shown;
    }

    @Test
    void progressIsShownFromAThousandNewPeopleInQuartersRoundedUp() {
        // GIVEN a file of 999 new people and one of 1,001
        List<String> small = confirmShowingProgress(alice, upload(alice, "small.vcf", Fixtures.cards(999)));
        List<String> large = confirmShowingProgress(bob, upload(bob, "large.vcf", Fixtures.cards(1_001)));

        // THEN the small one just finishes, the large one says how far it came
        assertThat(small).isEmpty();
        assertThat(large)
                .containsExactly(
                        "Importing 1001 people from large.vcf…",
                        "Importing 1001 people from large.vcf… 251 of 1001 done.",
                        "Importing 1001 people from large.vcf… 502 of 1001 done.",
                        "Importing 1001 people from large.vcf… 753 of 1001 done.");
        assertThat(contacts(alice)).hasSize(999);
        assertThat(contacts(bob)).hasSize(1_001);
    }

    @Test
    void typedImportWithoutAFileExplainsTheFormatsAndTheLimit() {
        User user = app.rapport.user(alice);
        assertThat(user).isNotNull();
        assertThat(app.text(alice, "/import"))
                .contains("vCard")
                .contains("LinkedIn")
                .contains("Google Contacts CSV")
                .contains("5 MB");
    }
}
