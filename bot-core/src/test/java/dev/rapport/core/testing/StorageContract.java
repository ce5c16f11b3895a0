package dev.rapport.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.core.domain.Cadence;
import dev.rapport.core.domain.Contact;
import dev.rapport.core.domain.FollowUp;
import dev.rapport.core.domain.FollowUpStatus;
import dev.rapport.core.domain.Initiator;
import dev.rapport.core.domain.NoteKind;
import dev.rapport.core.domain.Settings;
import dev.rapport.core.domain.User;
import dev.rapport.core.domain.UserKey;
import dev.rapport.core.port.NoteStore;
import dev.rapport.core.port.Storage;
import dev.rapport.core.port.StorageException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One suite for every implementation of the storage ports, run by each store module on its real store with its
 * real migrations ({@link StoragePortsTest}); a store module may run it again on a variant of its store.
 */
public abstract class StorageContract {
    protected static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    protected static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @TempDir
    Path folder;

    protected OpenStorage store;
    protected Storage storage;
    protected User alice;
    protected User bob;

    /** The store under test: by default the one of the module that runs the suite. */
    protected OpenStorage open(Path folder) {
        return TestStorage.open(folder);
    }

    @BeforeEach
    void open() {
        store = open(folder);
        storage = store.storage();
        alice = user("alice");
        bob = user("bob");
    }

    @AfterEach
    void close() {
        store.close();
    }

    protected User user(String name) {
        return storage.users()
                .findOrCreate(
                        new UserKey("console", "local", name), name, Settings.defaults(ZoneId.of("UTC"), false), NOW);
    }

    protected Contact contact(User owner, String name) {
        return storage.contacts().create(Contact.newContact(owner.id(), name, Optional.empty(), Optional.empty(), NOW));
    }

    protected long count(String table) {
        return store.rows(table);
    }

    @Test
    void aUserIsCreatedOnceAndFoundByPlatformKey() {
        User again = user("alice");

        assertThat(again.id()).isEqualTo(alice.id());
        assertThat(storage.users().find(alice.key())).contains(alice);
        assertThat(storage.users().find(new UserKey("slack", "T1", "alice"))).isEmpty();
    }

    @Test
    void settingsRoundTrip() {
        Settings changed = alice.settings()
                .withZone(ZoneId.of("Asia/Kolkata"))
                .withDigestTime(LocalTime.of(7, 30))
                .withDigestDays(dev.rapport.core.domain.DigestDays.WEEKDAYS)
                .withPausedUntil(Optional.of(TODAY.plusDays(3)))
                .withMaxItems(8)
                .withAboutTopics("climbing, Rust");

        storage.users().saveSettings(alice.id(), changed);

        assertThat(storage.users().find(alice.key()).orElseThrow().settings()).isEqualTo(changed);
        assertThat(storage.users().byId(alice.id()).orElseThrow().settings()).isEqualTo(changed);
    }

    @Test
    void unreachableReasonIsKeptAndCleared() {
        storage.users().markUnreachable(alice.id(), Optional.of("DMs closed"));
        assertThat(storage.users().find(alice.key()).orElseThrow().unreachableReason())
                .contains("DMs closed");

        storage.users().markUnreachable(alice.id(), Optional.empty());
        assertThat(storage.users().find(alice.key()).orElseThrow().unreachableReason())
                .isEmpty();
    }

    @Test
    void contactsRoundTripWithRhythmAndLastContact() {
        Contact marc = contact(alice, "Marc Kelly");
        Cadence every3Weeks = Cadence.every(3, ChronoUnit.WEEKS);
        Contact updated = marc.withRhythm(Optional.of(every3Weeks), Optional.of(TODAY.plusWeeks(3)))
                .inTouch(TODAY, Initiator.THEM)
                .withPlatformUserId("U123");

        storage.contacts().update(updated);

        assertThat(storage.contacts().byId(alice.id(), marc.id())).contains(updated);
        assertThat(storage.contacts().byPlatformUser(alice.id(), "U123")).contains(updated);
        assertThat(storage.contacts().all(alice.id())).containsExactly(updated);
    }

    @Test
    void weeklyCadenceSurvivesStorage() {
        Contact marc = contact(alice, "Marc Kelly");
        Contact weekly = marc.withRhythm(Optional.of(Cadence.weekly(DayOfWeek.FRIDAY)), Optional.of(TODAY));

        storage.contacts().update(weekly);

        assertThat(storage.contacts().byId(alice.id(), marc.id()).orElseThrow().rhythm())
                .contains(Cadence.weekly(DayOfWeek.FRIDAY));
    }

    @Test
    void contactNamesAreUniquePerOwnerIgnoringCaseAndAccents() {
        contact(alice, "Zoë Adams");

        assertThatThrownBy(() -> contact(alice, "zoe adams")).isInstanceOf(StorageException.class);
        assertThat(contact(bob, "Zoë Adams").ownerId()).isEqualTo(bob.id());
    }

    @Test
    void oneOwnerNeverReadsAnothersContactsNotesOrFollowUps() {
        Contact alicesMarc = contact(alice, "Marc Kelly");
        storage.notes().add(alice.id(), alicesMarc.id(), NoteKind.NOTE, "secret", List.of(), NOW);
        storage.followUps().schedule(alice.id(), alicesMarc.id(), TODAY, Optional.empty(), NOW);

        assertThat(storage.contacts().all(bob.id())).isEmpty();
        assertThat(storage.contacts().byId(bob.id(), alicesMarc.id())).isEmpty();
        assertThat(storage.notes().forContact(bob.id(), alicesMarc.id())).isEmpty();
        assertThat(storage.notes().counts(bob.id())).isEmpty();
        assertThat(storage.followUps().open(bob.id(), alicesMarc.id())).isEmpty();
        assertThat(storage.followUps().openDueBy(bob.id(), TODAY.plusYears(1))).isEmpty();
    }

    @Test
    void anotherOwnerCannotWriteIntoSomeoneElsesContact() {
        Contact alicesMarc = contact(alice, "Marc Kelly");

        storage.notes().add(bob.id(), alicesMarc.id(), NoteKind.NOTE, "planted", List.of(), NOW);
        storage.followUps().close(bob.id(), 1, FollowUpStatus.CANCELLED, NOW);
        storage.contacts().delete(bob.id(), alicesMarc.id());

        assertThat(storage.notes().forContact(alice.id(), alicesMarc.id())).isEmpty();
        assertThat(storage.contacts().byId(alice.id(), alicesMarc.id())).isPresent();
    }

    @Test
    void notesComeNewestFirstWithTagsAndQuestionsAnswered() {
        Contact marc = contact(alice, "Marc Kelly");
        storage.notes().add(alice.id(), marc.id(), NoteKind.NOTE, "sails", List.of("sailing"), NOW);
        storage.notes().add(alice.id(), marc.id(), NoteKind.QUESTION, "how was Lisbon?", List.of(), NOW);

        assertThat(storage.notes().forContact(alice.id(), marc.id()))
                .extracting(n -> n.body())
                .containsExactly("how was Lisbon?", "sails");
        assertThat(storage.notes().recent(alice.id(), marc.id(), 1)).hasSize(1);
        assertThat(storage.notes().forContact(alice.id(), marc.id()).get(1).tags())
                .containsExactly("sailing");
        assertThat(storage.notes().counts(alice.id()).get(marc.id())).isEqualTo(new NoteStore.NoteCounts(2, 1));
        assertThat(storage.notes().countsFor(alice.id(), marc.id())).isEqualTo(new NoteStore.NoteCounts(2, 1));
        assertThat(storage.notes().countsFor(bob.id(), marc.id())).isEqualTo(NoteStore.NoteCounts.NONE);

        int answered = storage.notes().answerQuestions(alice.id(), marc.id(), NOW);

        assertThat(answered).isEqualTo(1);
        assertThat(storage.notes().counts(alice.id()).get(marc.id())).isEqualTo(new NoteStore.NoteCounts(2, 0));
    }

    @Test
    void oneNoteIsReadEditedAnsweredAndDeletedByItsOwnerOnly() {
        Contact marc = contact(alice, "Marc Kelly");
        long question = storage.notes()
                .add(alice.id(), marc.id(), NoteKind.QUESTION, "how was Lisbon?", List.of(), NOW)
                .id();

        assertThat(storage.notes().byId(bob.id(), question)).isEmpty();
        assertThat(storage.notes().delete(bob.id(), question)).isFalse();
        storage.notes().edit(bob.id(), question, NoteKind.NOTE, "planted", List.of());
        assertThat(storage.notes().answer(bob.id(), question, Optional.of("planted"), NOW))
                .isFalse();
        assertThat(storage.notes().byId(alice.id(), question).orElseThrow().isOpenQuestion())
                .isTrue();

        assertThat(storage.notes().answer(alice.id(), question, Optional.of("sunny"), NOW))
                .isTrue();
        assertThat(storage.notes().answer(alice.id(), question, Optional.of("again"), NOW))
                .isFalse();
        assertThat(storage.notes().byId(alice.id(), question).orElseThrow().answer())
                .contains("sunny");
        storage.notes().edit(alice.id(), question, NoteKind.QUESTION, "how was Porto?", List.of("trip"));
        assertThat(storage.notes().byId(alice.id(), question).orElseThrow().body())
                .isEqualTo("how was Porto?");
        assertThat(storage.notes().byId(alice.id(), question).orElseThrow().tags())
                .containsExactly("trip");
        assertThat(storage.notes().delete(alice.id(), question)).isTrue();
        assertThat(storage.notes().forContact(alice.id(), marc.id())).isEmpty();
    }

    @Test
    void aNoteKeepsItsSourceForItsOwnerOnlyAndLosesItWithTheNote() {
        Contact marc = contact(alice, "Marc Kelly");
        long filed = storage.notes()
                .add(alice.id(), marc.id(), NoteKind.NOTE, "moving to Lisbon", List.of(), NOW)
                .id();
        long typed = storage.notes()
                .add(alice.id(), marc.id(), NoteKind.NOTE, "sails", List.of(), NOW)
                .id();

        storage.notes().setSource(alice.id(), filed, "https://example.slack.com/archives/C1/p1");
        storage.notes().setSource(bob.id(), filed, "https://evil.example/planted");
        storage.notes().setSource(bob.id(), typed, "https://evil.example/planted");

        assertThat(storage.notes().sources(alice.id(), marc.id()))
                .containsExactly(java.util.Map.entry(filed, "https://example.slack.com/archives/C1/p1"));
        assertThat(storage.notes().sources(bob.id(), marc.id())).isEmpty();

        storage.notes().setSource(alice.id(), filed, "https://example.slack.com/archives/C1/p2");
        assertThat(storage.notes().sources(alice.id(), marc.id()))
                .containsExactly(java.util.Map.entry(filed, "https://example.slack.com/archives/C1/p2"));

        storage.notes().delete(alice.id(), filed);
        assertThat(storage.notes().sources(alice.id(), marc.id())).isEmpty();
        assertThat(count("note_sources")).isZero();
    }

    @Test
    void aSubmissionIsRememberedForItsOwnerOnlyAndOutlivesItsNote() {
        Contact marc = contact(alice, "Marc Kelly");
        long note = storage.notes()
                .add(alice.id(), marc.id(), NoteKind.NOTE, "moving to Lisbon", List.of(), NOW)
                .id();

        storage.notes().markSubmitted(alice.id(), "view:V0MODAL1", note, NOW);

        assertThat(storage.notes().submitted(alice.id(), "view:V0MODAL1")).contains(note);
        assertThat(storage.notes().submitted(bob.id(), "view:V0MODAL1")).isEmpty();
        assertThat(storage.notes().submitted(alice.id(), "view:V0MODAL2")).isEmpty();
        // Bob's form of the same id is his own.
        storage.notes().markSubmitted(bob.id(), "view:V0MODAL1", 0, NOW);
        assertThatThrownBy(() -> storage.notes().markSubmitted(alice.id(), "view:V0MODAL1", note, NOW))
                .isInstanceOf(StorageException.class);
        storage.notes().delete(alice.id(), note);
        assertThat(storage.notes().submitted(alice.id(), "view:V0MODAL1")).contains(note);
    }

    @Test
    void mergingMovesNotesAndClosedFollowUpsWithinOneOwner() {
        Contact marc = contact(alice, "Marc Kelly");
        Contact mk = contact(alice, "M Kelly");
        Contact bobs = contact(bob, "Bo");
        storage.notes().add(alice.id(), mk.id(), NoteKind.NOTE, "plays chess", List.of(), NOW);
        FollowUp old = storage.followUps().schedule(alice.id(), mk.id(), TODAY, Optional.empty(), NOW);
        storage.followUps().close(alice.id(), old.id(), FollowUpStatus.DONE, NOW);

        assertThat(storage.notes().moveAll(bob.id(), mk.id(), bobs.id())).isZero();
        assertThat(storage.notes().moveAll(alice.id(), mk.id(), bobs.id())).isEqualTo(0);
        assertThat(storage.notes().forContact(alice.id(), mk.id())).hasSize(1);
        assertThat(storage.notes().moveAll(alice.id(), mk.id(), marc.id())).isEqualTo(1);
        assertThat(storage.followUps().moveClosed(alice.id(), mk.id(), marc.id()))
                .isEqualTo(1);
        storage.contacts().delete(alice.id(), mk.id());

        assertThat(storage.notes().forContact(alice.id(), marc.id()))
                .extracting(n -> n.body())
                .containsExactly("plays chess");
        assertThat(storage.notes().forContact(bob.id(), bobs.id())).isEmpty();
    }

    @Test
    void aPendingChoiceIsTakenOnceAndOnlyByItsOwner() {
        long id = storage.choices().keep(alice.id(), "followup done", "had coffee", NOW);

        assertThat(storage.choices().take(bob.id(), id)).isEmpty();
        assertThat(storage.choices().take(alice.id(), id)).hasValueSatisfying(p -> {
            assertThat(p.command()).isEqualTo("followup done");
            assertThat(p.rest()).isEqualTo("had coffee");
        });
        assertThat(storage.choices().take(alice.id(), id)).isEmpty();
    }

    @Test
    void onlyTheNewestFiftyChoicesOfAnOwnerAreKept() {
        long first = storage.choices().keep(alice.id(), "contact", "", NOW);
        long bobs = storage.choices().keep(bob.id(), "contact", "", NOW);
        for (int i = 0; i < 50; i++) {
            storage.choices().keep(alice.id(), "contact", "", NOW);
        }

        assertThat(storage.choices().take(alice.id(), first)).isEmpty();
        assertThat(storage.choices().take(alice.id(), first + 2)).isPresent();
        assertThat(storage.choices().take(bob.id(), bobs)).isPresent();
    }

    @Test
    void scheduleMovesTheOneOpenFollowUpAndCloseEndsIt() {
        Contact marc = contact(alice, "Marc Kelly");
        FollowUp first =
                storage.followUps().schedule(alice.id(), marc.id(), TODAY.plusDays(2), Optional.of("job"), NOW);
        FollowUp moved = storage.followUps().schedule(alice.id(), marc.id(), TODAY.plusDays(9), Optional.empty(), NOW);

        assertThat(moved.id()).isEqualTo(first.id());
        assertThat(moved.dueOn()).isEqualTo(TODAY.plusDays(9));
        assertThat(storage.followUps().openDueBy(alice.id(), TODAY.plusDays(8))).isEmpty();
        assertThat(storage.followUps().openDueBy(alice.id(), TODAY.plusDays(9))).containsExactly(moved);

        storage.followUps().close(alice.id(), moved.id(), FollowUpStatus.DONE, NOW);

        assertThat(storage.followUps().open(alice.id(), marc.id())).isEmpty();
    }

    @Test
    void dueFollowUpsComeOldestFirst() {
        Contact marc = contact(alice, "Marc Kelly");
        Contact zoe = contact(alice, "Zoë Adams");
        storage.followUps().schedule(alice.id(), marc.id(), TODAY, Optional.empty(), NOW);
        storage.followUps().schedule(alice.id(), zoe.id(), TODAY.minusDays(3), Optional.empty(), NOW);

        assertThat(storage.followUps().openDueBy(alice.id(), TODAY))
                .extracting(FollowUp::contactId)
                .containsExactly(zoe.id(), marc.id());
    }

    @Test
    void forgettingAContactDeletesItsNotesAndFollowUps() {
        Contact marc = contact(alice, "Marc Kelly");
        storage.notes().add(alice.id(), marc.id(), NoteKind.NOTE, "sails", List.of(), NOW);
        storage.followUps().schedule(alice.id(), marc.id(), TODAY, Optional.empty(), NOW);

        storage.contacts().delete(alice.id(), marc.id());

        assertThat(count("notes")).isZero();
        assertThat(count("follow_ups")).isZero();
    }

    @Test
    void aFailedTransactionLeavesNoPartialWrite() {
        assertThatThrownBy(() -> storage.transactor().inTransaction(() -> {
                    Contact marc = contact(alice, "Marc Kelly");
                    storage.notes().add(alice.id(), marc.id(), NoteKind.NOTE, "half", List.of(), NOW);
                    throw new IllegalStateException("boom");
                }))
                .hasMessage("boom");

        assertThat(storage.contacts().all(alice.id())).isEmpty();
        assertThat(count("notes")).isZero();
    }

    @Test
    void sqlInjectionTextIsStoredAsText() {
        String evil = "Robert'); DROP TABLE contacts;--";
        Contact bobby = contact(alice, evil);
        storage.notes().add(alice.id(), bobby.id(), NoteKind.NOTE, "' OR 1=1 --", List.of(), NOW);

        assertThat(storage.contacts().all(alice.id())).extracting(Contact::name).containsExactly(evil);
        assertThat(storage.notes().forContact(alice.id(), bobby.id()).get(0).body())
                .isEqualTo("' OR 1=1 --");
    }

    @Test
    void textWithNulCharactersRoundTripsExactly() {
        // GIVEN names, a note and its tags with NUL in them (PostgreSQL text cannot hold NUL; SQLite can), and the
        // escape character the PostgreSQL store uses, typed by the user
        String name = "Zoë\u0000Adams";
        String body = "met\u0000at the \uFFFF0 mixer\u0000";
        User nul = user("nul\u0000user");

        Contact zoe = contact(nul, name);
        storage.notes().add(nul.id(), zoe.id(), NoteKind.NOTE, body, List.of("tag\u0000one"), NOW);

        // THEN every one of them reads back as it was written, on every store
        assertThat(storage.users().find(new UserKey("console", "local", "nul\u0000user")))
                .get()
                .extracting(User::displayName)
                .isEqualTo("nul\u0000user");
        assertThat(storage.contacts().all(nul.id())).extracting(Contact::name).containsExactly(name);
        assertThat(storage.notes().forContact(nul.id(), zoe.id()))
                .singleElement()
                .satisfies(note -> {
                    assertThat(note.body()).isEqualTo(body);
                    assertThat(note.tags()).containsExactly("tag\u0000one");
                });
        assertThatThrownBy(() -> contact(nul, "zoë\u0000adams"))
                .as("still one contact per name")
                .isInstanceOf(StorageException.class);
        assertThat(contact(nul, "Zoë Adams").name()).isEqualTo("Zoë Adams");
    }

    @Test
    void aFailedPartUndoesOnlyItsOwnWritesAndTheTransactionAroundItCommitsTheRest() {
        // GIVEN one transaction that writes, then runs a part that writes and fails, then writes again
        storage.transactor().inTransaction(() -> {
            contact(alice, "Before The Part");
            assertThatThrownBy(() -> storage.transactor().inPart(() -> {
                        contact(alice, "Inside The Part");
                        throw new IllegalStateException("refused");
                    }))
                    .hasMessage("refused");
            contact(alice, "After The Part");
            return null;
        });

        // THEN only the part's write is gone
        assertThat(storage.contacts().all(alice.id()))
                .extracting(Contact::name)
                .containsExactlyInAnyOrder("Before The Part", "After The Part");
    }

    @Test
    void aPartThatSucceedsCommitsWithItsTransactionAndAPartAloneIsATransaction() {
        // GIVEN a succeeding part inside a transaction that then fails, and a part with no transaction around it
        assertThatThrownBy(() -> storage.transactor().inTransaction(() -> {
                    storage.transactor().inPart(() -> contact(alice, "Kept Only If All Commits"));
                    throw new IllegalStateException("outer fails");
                }))
                .hasMessage("outer fails");
        assertThatThrownBy(() -> storage.transactor().inPart(() -> {
                    contact(bob, "Alone");
                    throw new IllegalStateException("alone fails");
                }))
                .hasMessage("alone fails");
        storage.transactor().inPart(() -> contact(bob, "Alone And Fine"));

        // THEN the outer failure undid its part too; the lone part was its own transaction
        assertThat(storage.contacts().all(alice.id())).isEmpty();
        assertThat(storage.contacts().all(bob.id())).extracting(Contact::name).containsExactly("Alone And Fine");
    }
}
