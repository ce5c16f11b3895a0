package dev.rapport.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.core.testing.MutableClock;
import dev.rapport.core.testing.TestRapport;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Daily backups on real SQLite files: named after their database, listed and pruned per database. */
class BackupsTest {
    @TempDir
    Path folder;

    @Test
    void aDailyBackupIsNamedAfterItsDatabaseAndOnlyItsNewestSevenAreKept() throws Exception {
        // GIVEN a database called notes.db, and another database's backups in the same folder
        MutableClock clock = MutableClock.at("2026-11-25T10:00:00Z");
        Path backupFolder = folder.resolve("backups");
        Path othersBackup;
        try (Database other = Database.open(folder.resolve("other/rapport.db"))) {
            othersBackup = new Backups(other, backupFolder, clock).backupIfDue().orElseThrow();
        }
        try (Database db = Database.open(folder.resolve("notes.db"))) {
            HeldDatabase.fill(db, "alice", 1);
            Backups backups = new Backups(db, backupFolder, clock);

            // WHEN it is backed up on ten days
            Path first = backups.backupIfDue().orElseThrow();
            assertThat(backups.backupIfDue()).as("one backup a day").isEmpty();
            for (int day = 1; day <= 9; day++) {
                clock.advance(Duration.ofDays(1));
                backups.backupIfDue();
            }

            // THEN its backups are named after it, its newest seven are kept, and the other database's is left
            assertThat(first.getFileName().toString()).isEqualTo("notes-2026-11-25.db");
            assertThat(backups.list()).hasSize(Backups.KEEP);
            assertThat(backups.list().get(0).getFileName().toString()).isEqualTo("notes-2026-11-28.db");
            assertThat(backups.list())
                    .allSatisfy(backup -> assertThat(DatabaseFile.idOf(backup)).contains(db.id()));
            assertThat(Files.exists(first)).isFalse();
            assertThat(Files.exists(othersBackup)).isTrue();
            assertThat(Backups.of(backupFolder, folder.resolve("other/rapport.db")))
                    .containsExactly(othersBackup);
        }
    }

    @Test
    void aSameNamedDatabaseElsewhereNeitherOverwritesNorListsAnothersBackups() throws Exception {
        // GIVEN two databases both called rapport.db, in two folders, backed up into one folder
        MutableClock clock = MutableClock.at("2026-11-25T10:00:00Z");
        Path backupFolder = folder.resolve("backups");
        try (Database a = Database.open(folder.resolve("a/rapport.db"));
                Database b = Database.open(folder.resolve("b/rapport.db"))) {
            HeldDatabase.fill(a, "alice", 2);
            Path aBackup = new Backups(a, backupFolder, clock).backupIfDue().orElseThrow();
            byte[] before = Files.readAllBytes(aBackup);

            // WHEN b's backup falls due on the same day
            Backups bBackups = new Backups(b, backupFolder, clock);

            // THEN a's backup is left as it was, and is not listed as b's
            assertThat(bBackups.backupIfDue()).isEmpty();
            assertThat(Files.readAllBytes(aBackup)).isEqualTo(before);
            assertThat(bBackups.list()).isEmpty();
            assertThat(Backups.of(backupFolder, folder.resolve("a/rapport.db"))).containsExactly(aBackup);
            assertThat(a.id()).isNotEqualTo(b.id());
        }
    }

    @Test
    void aDamagedFileIsRefusedAtStartAndARestoredBackupBringsTheDataBack() throws Exception {
        MutableClock clock = MutableClock.at("2026-11-25T10:00:00Z");
        Path dbFile = folder.resolve("rapport.db");
        Path backup;
        try (TestRapport app = new TestRapport(folder, clock)) {
            for (int i = 0; i < 300; i++) {
                app.text(
                        TestRapport.user("alice"),
                        "/remember Person" + i + ": note number " + i + " " + "x".repeat(200));
            }
            backup = new Backups(SqliteTestStorage.database(app.store), folder.resolve("backups"), clock)
                    .backupIfDue()
                    .orElseThrow();
        }
        damage(dbFile);

        assertThatThrownBy(() -> Database.open(dbFile))
                .isInstanceOf(DamagedDatabaseException.class)
                .hasMessageContaining("is damaged")
                .hasMessageContaining("./rapport restore");

        Backups.restore(backup, dbFile);

        try (TestRapport app = new TestRapport(folder, clock)) {
            assertThat(app.text(TestRapport.user("alice"), "/contact Person299"))
                    .contains("note number 299");
        }
        assertThat(Files.exists(folder.resolve("rapport.db.1.replaced"))).isTrue();
    }

    @Test
    void aDatabaseMadeBeforeIdsGetsOneWhenItIsUpgraded() throws Exception {
        // GIVEN a database at the newest schema but without version 17 (made before ids, upgraded past them)
        Path file = folder.resolve("rapport.db");
        try (Database db = Database.open(file)) {
            HeldDatabase.fill(db, "alice", 1);
            db.write(c -> {
                try (var statement = c.createStatement()) {
                    statement.execute("DROP TABLE database_identity");
                    statement.execute("DELETE FROM flyway_schema_history WHERE version = '17'");
                }
                return null;
            });
        }
        assertThat(DatabaseFile.idOf(file)).isEmpty();

        // WHEN Rapport opens it
        try (Database db = Database.open(file)) {
            // THEN the migration runs out of order, the database has an id, and its schema counts as current
            assertThat(db.id()).matches("[0-9a-f]{32}");
            assertThat(db.problem()).isEmpty();
            assertThat(DatabaseFile.idOf(file)).contains(db.id());
        }
    }

    @Test
    void aBackupListingSaysWhatEachHolds() throws Exception {
        MutableClock clock = MutableClock.at("2026-11-25T10:00:00Z");
        try (Database db = Database.open(folder.resolve("rapport.db"))) {
            HeldDatabase.fill(db, "alice", 3);
            Path backup = new Backups(db, folder.resolve("backups"), clock)
                    .backupIfDue()
                    .orElseThrow();

            assertThat(Backups.contents(backup)).isEqualTo("3 contacts, 6 notes");
        }
        Path text = folder.resolve("backups/rapport-2026-11-20.db");
        Files.writeString(text, "not a database");
        assertThat(Backups.contents(text)).isEqualTo("not a database");
        assertThat(List.of(
                        Backups.name(Path.of("data/rapport.db"), java.time.LocalDate.of(2026, 12, 3)),
                        Backups.name(Path.of("my.data.sqlite"), java.time.LocalDate.of(2026, 12, 3)),
                        Backups.name(Path.of("plain"), java.time.LocalDate.of(2026, 12, 3))))
                .containsExactly("rapport-2026-12-03.db", "my.data-2026-12-03.db", "plain-2026-12-03.db");
    }

    static void damage(Path file) throws Exception {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            byte[] garbage = new byte[4096 * 4];
            Arrays.fill(garbage, (byte) 0x5A);
            raf.seek(4096 * 3);
            raf.write(garbage);
        }
    }
}
