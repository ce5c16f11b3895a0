package dev.rapport.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.domain.Contact;
import dev.rapport.core.domain.NoteKind;
import dev.rapport.core.domain.Settings;
import dev.rapport.core.domain.User;
import dev.rapport.core.domain.UserKey;
import dev.rapport.core.port.Storage;
import dev.rapport.core.testing.MutableClock;
import dev.rapport.store.sqlite.Backups;
import dev.rapport.store.sqlite.Database;
import dev.rapport.store.sqlite.SqliteStorage;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./rapport backups} and {@code ./rapport restore} as an operator sees them, on real SQLite files. */
class BackupToolsTest {
    static final Instant AT = Instant.parse("2026-11-25T10:00:00Z");

    @TempDir
    Path folder;

    Path database;
    Path backups;
    Path backup;

    record Run(int exitCode, String out, String err) {}

    @BeforeEach
    void aDatabaseWithABackupAndMoreSince() {
        database = folder.resolve("data/rapport.db");
        backups = folder.resolve("data/backups");
        try (Database db = Database.open(database)) {
            fill(db, "alice", 2);
            backup = new Backups(db, backups, MutableClock.at("2026-11-25T10:00:00Z"))
                    .backupIfDue()
                    .orElseThrow();
            fill(db, "bob", 3);
        }
    }

    static void fill(Database db, String user, int contacts) {
        Storage storage = SqliteStorage.over(db);
        User owner = storage.users()
                .findOrCreate(
                        new UserKey("console", "local", user), user, Settings.defaults(ZoneId.of("UTC"), true), AT);
        for (int i = 0; i < contacts; i++) {
            Contact contact = storage.contacts()
                    .create(Contact.newContact(owner.id(), "Friend " + i, Optional.empty(), Optional.empty(), AT));
            storage.notes().add(owner.id(), contact.id(), NoteKind.NOTE, "a note", List.of(), AT);
        }
    }

    Run restore(Path file, boolean yes, String typed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = BackupTools.restore(
                file,
                database,
                yes,
                new BufferedReader(new StringReader(typed)),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aRestoreShowsBothFilesCountsAndAsksBeforeReplacing() throws Exception {
        byte[] before = Files.readAllBytes(database);

        Run declined = restore(backup, false, "n\n");

        assertThat(declined.out())
                .contains("Backup:  " + backup + " — 2 contacts, 2 notes")
                .contains("Current: " + database + " — 5 contacts, 5 notes")
                .contains("Replace " + database + " with this backup? The current file is kept as ")
                .contains("rapport.db.1.replaced. [y/N]")
                .contains("Nothing was changed.");
        assertThat(declined.exitCode()).isEqualTo(1);
        assertThat(Files.readAllBytes(database)).isEqualTo(before);

        Run accepted = restore(backup, false, "yes\n");

        assertThat(accepted.exitCode()).isZero();
        assertThat(accepted.out())
                .contains("Restored " + database + " from " + backup + ". The file it replaced is kept as");
        assertThat(Files.exists(folder.resolve("data/rapport.db.1.replaced"))).isTrue();
        try (Database db = Database.open(database)) {
            assertThat(SqliteStorage.over(db).contacts().all(1)).hasSize(2);
        }
    }

    @Test
    void withoutAnAnswerNothingIsReplacedAndYesRestoresWithoutTheQuestion() throws Exception {
        Run noAnswer = restore(backup, false, "");

        assertThat(noAnswer.exitCode()).isEqualTo(1);
        assertThat(noAnswer.out()).contains("Nothing was changed (add --yes to restore without this question).");
        assertThat(Files.exists(folder.resolve("data/rapport.db.1.replaced"))).isFalse();

        Run yes = restore(backup, true, "");

        assertThat(yes.exitCode()).isZero();
        assertThat(yes.out()).doesNotContain("[y/N]").contains("Restored ");
    }

    @Test
    void aRefusalSaysWhyAndThatNothingChanged() throws Exception {
        Path empty = Files.createFile(backups.resolve("rapport-2026-11-24.db"));

        Run run = restore(empty, true, "");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .isEqualTo("Restore refused: " + empty + " is empty (0 bytes), so it is no backup."
                        + " Nothing was changed." + System.lineSeparator());
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aRestoreIsRefusedWhileRapportRunsOnTheDatabase() throws Exception {
        try (Database running = Database.open(database)) {
            Run run = restore(backup, true, "");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("Restore refused: Rapport is running on " + database);
            assertThat(running.problem()).isEmpty();
        }
    }

    @Test
    void theListingHoldsOnlyThisDatabasesBackupsWithWhatEachHolds() throws Exception {
        // GIVEN another database's backup in the same folder
        try (Database other = Database.open(folder.resolve("data/other.db"))) {
            new Backups(other, backups, MutableClock.at("2026-11-25T10:00:00Z")).backupIfDue();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        BackupTools.list(backups, database, new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(out.toString(StandardCharsets.UTF_8).lines()).containsExactly(backup + "  2 contacts, 2 notes");
        ByteArrayOutputStream none = new ByteArrayOutputStream();
        BackupTools.list(backups, folder.resolve("data/new.db"), new PrintStream(none, true, StandardCharsets.UTF_8));
        assertThat(none.toString(StandardCharsets.UTF_8)).startsWith("No backups of ");
    }
}
