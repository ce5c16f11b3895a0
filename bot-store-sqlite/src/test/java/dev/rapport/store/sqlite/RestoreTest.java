package dev.rapport.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.core.port.StorageException;
import dev.rapport.core.testing.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sqlite.SQLiteConfig;

/** {@code ./rapport restore} on real SQLite files: every refusal changes nothing; a restore keeps what it replaces. */
class RestoreTest {
    static final MutableClock CLOCK = MutableClock.at("2026-11-25T10:00:00Z");

    @TempDir
    Path folder;

    Path database;
    Path backups;

    @BeforeEach
    void aDatabaseWithABackup() {
        database = folder.resolve("data/rapport.db");
        backups = folder.resolve("data/backups");
        try (Database db = Database.open(database)) {
            HeldDatabase.fill(db, "alice", 2);
            new Backups(db, backups, CLOCK).backupIfDue().orElseThrow();
            HeldDatabase.fill(db, "bob", 1);
        }
    }

    Path backup() {
        return backups.resolve("rapport-2026-11-25.db");
    }

    /** A file that is no backup of this database, made in the folder, and what the refusal says. */
    interface NotABackup {
        Path make(Path folder) throws Exception;
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("no file", (NotABackup) f -> f.resolve("missing.db"), "There is no file at"),
                Arguments.of(
                        "a folder",
                        (NotABackup) f -> Files.createDirectories(f.resolve("folder.db")),
                        "There is no file at"),
                Arguments.of(
                        "an empty file",
                        (NotABackup) f -> Files.createFile(f.resolve("rapport-2026-11-24.db")),
                        "is empty (0 bytes)"),
                Arguments.of(
                        "a text file",
                        (NotABackup) f -> Files.writeString(
                                f.resolve("rapport-2026-11-23.db"), "this is not a database".repeat(100)),
                        "is not a SQLite database"),
                Arguments.of(
                        "another program's SQLite file",
                        (NotABackup) RestoreTest::someoneElsesSqlite,
                        "is a SQLite database but not Rapport's"),
                Arguments.of("a damaged backup", (NotABackup) RestoreTest::damagedBackup, "is damaged"),
                Arguments.of(
                        "a backup of another database",
                        (NotABackup) RestoreTest::anotherDatabasesBackup,
                        "is a backup of another database"),
                Arguments.of(
                        "a backup from before ids, named after another database",
                        (NotABackup) RestoreTest::oldBackupOfAnotherName,
                        "was made before Rapport kept an id in each database and is not named after rapport.db"),
                Arguments.of(
                        "the database itself",
                        (NotABackup) f -> f.resolve("data/rapport.db"),
                        "is the database itself"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void aFileThatIsNoBackupOfThisDatabaseIsRefusedAndNothingChanges(String what, NotABackup kind, String reason)
            throws Exception {
        // GIVEN a file that is no backup of this database
        Path file = kind.make(folder);
        Map<Path, String> before = files(folder);

        // WHEN it is restored, THEN the refusal says why, and every file is as it was
        assertThatThrownBy(() -> Backups.prepareRestore(file, database).close())
                .as(what)
                .isInstanceOf(RestoreRefused.class)
                .hasMessageContaining(reason);
        assertThat(files(folder)).as(what).isEqualTo(before);
        // AND the refusal did not keep the database to itself
        try (Database db = Database.open(database)) {
            assertThat(db.problem()).isEmpty();
        }
    }

    @Test
    void aRestoreShowsWhatTheBackupAndTheCurrentFileHold() {
        try (Backups.Restore restore = Backups.prepareRestore(backup(), database)) {
            assertThat(restore.backupHolds()).isEqualTo("2 contacts, 4 notes");
            assertThat(restore.currentHolds()).contains("3 contacts, 6 notes");
            assertThat(restore.warnings()).isEmpty();
            assertThat(restore.keptAs())
                    .contains(folder.resolve("data/rapport.db.1.replaced").toAbsolutePath());
        }
    }

    @Test
    void aRestoreIsRefusedWhileRapportHasTheDatabaseOpenInThisProcess() throws Exception {
        try (Database running = Database.open(database)) {
            Map<Path, String> before = files(folder);

            assertThatThrownBy(() -> Backups.prepareRestore(backup(), database))
                    .isInstanceOf(RestoreRefused.class)
                    .hasMessageContaining("Rapport is running on " + database)
                    .hasMessageContaining("stop it first");
            assertThat(files(folder)).isEqualTo(before);
            assertThat(running.problem()).isEmpty();
        }
    }

    @Test
    void rapportDoesNotStartWhileARestoreHoldsTheDatabase() {
        try (Backups.Restore restore = Backups.prepareRestore(backup(), database)) {
            assertThatThrownBy(() -> Database.open(database))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("A restore is replacing");
        }
        try (Database db = Database.open(database)) {
            assertThat(db.problem()).isEmpty();
        }
    }

    @Test
    void aRestoreIsRefusedWhileRapportRunsInAnotherProcessAndKeepsWhatACrashLeftInTheWal() throws Exception {
        // GIVEN Rapport running in another process, which wrote 5 more contacts (10 notes) into its -wal
        HeldDatabase held = HeldDatabase.start(database, 5);
        try {
            // WHEN a restore is tried, THEN it is refused and nothing changes
            Map<Path, String> before = files(folder);
            assertThatThrownBy(() -> Backups.prepareRestore(backup(), database))
                    .isInstanceOf(RestoreRefused.class)
                    .hasMessageContaining("Rapport is running on");
            assertThat(files(folder)).isEqualTo(before);
        } finally {
            // AND WHEN that process is killed, as a crash would, its -wal and -shm left behind
            held.kill();
        }
        assertThat(Files.exists(Path.of(database + "-wal")))
                .as("the crash left a -wal")
                .isTrue();

        try (Backups.Restore restore = Backups.prepareRestore(backup(), database)) {
            // THEN the restore counts what the -wal holds too, and the kept file holds it after the restore
            assertThat(restore.currentHolds()).contains("8 contacts, 16 notes");
            Path kept = restore.replace().orElseThrow();

            assertThat(contents(kept)).isEqualTo("8 contacts, 16 notes");
            assertThat(contents(database)).isEqualTo("2 contacts, 4 notes");
            assertThat(Files.exists(Path.of(database + "-wal"))).isFalse();
        }
    }

    @Test
    void everyReplacedFileIsKeptUnderANewNumber() throws Exception {
        // GIVEN a .replaced file an older Rapport kept, and a numbered one
        Path legacy = folder.resolve("data/rapport.db.replaced");
        Path earlier = folder.resolve("data/rapport.db.2.replaced");
        Files.writeString(legacy, "kept by an older Rapport");
        Files.writeString(earlier, "kept by an earlier restore");

        // WHEN the backup is restored twice
        Path first = Backups.restore(backup(), database).orElseThrow();
        Path second = Backups.restore(backup(), database).orElseThrow();

        // THEN each replaced file has a number of its own, and the earlier ones are as they were
        assertThat(first.getFileName().toString()).isEqualTo("rapport.db.3.replaced");
        assertThat(second.getFileName().toString()).isEqualTo("rapport.db.4.replaced");
        assertThat(contents(first)).isEqualTo("3 contacts, 6 notes");
        assertThat(contents(second)).isEqualTo("2 contacts, 4 notes");
        assertThat(Files.readString(legacy)).isEqualTo("kept by an older Rapport");
        assertThat(Files.readString(earlier)).isEqualTo("kept by an earlier restore");
        assertThat(PrivateFiles.openToOthers(second)).hasValue(false);
        assertThat(PrivateFiles.openToOthers(database)).hasValue(false);
    }

    @Test
    void aBackupFromBeforeIdsNamedAfterTheDatabaseIsRestoredAndStaysThisDatabase() throws Exception {
        // GIVEN a backup of this database made before Rapport kept ids
        String id = DatabaseFile.idOf(database).orElseThrow();
        Path old = backups.resolve("rapport-2026-11-20.db");
        Files.copy(backup(), old);
        withoutId(old);

        try (Backups.Restore restore = Backups.prepareRestore(old, database)) {
            // THEN the restore says it cannot check the id but the name says whose it is
            assertThat(restore.warnings()).singleElement().asString().contains("made before Rapport kept an id");
            restore.replace();
        }
        // AND the restored database keeps this database's id, so its later backups are still its own
        try (Database db = Database.open(database)) {
            assertThat(db.id()).isEqualTo(id);
        }
        assertThat(Backups.of(backups, database)).contains(backup());
    }

    @Test
    void aBackupIsRestoredWhereThereIsNoDatabaseYet() throws Exception {
        // GIVEN a new machine: the backup copied over, no database and no data folder
        Path elsewhere = folder.resolve("new-machine/data/rapport.db");

        try (Backups.Restore restore = Backups.prepareRestore(backup(), elsewhere)) {
            assertThat(restore.currentHolds()).isEmpty();
            assertThat(restore.keptAs()).isEmpty();
            assertThat(restore.replace()).isEmpty();
        }

        try (Database db = Database.open(elsewhere)) {
            assertThat(db.id()).isEqualTo(DatabaseFile.idOf(backup()).orElseThrow());
        }
        assertThat(contents(elsewhere)).isEqualTo("2 contacts, 4 notes");
    }

    @Test
    void aDamagedCurrentFileIsReplacedAndKeptAsItWas() throws Exception {
        // GIVEN a current file damaged past opening
        BackupsTest.damage(database);
        byte[] damaged = Files.readAllBytes(database);
        assertThatThrownBy(() -> Database.open(database)).isInstanceOf(DamagedDatabaseException.class);

        // WHEN the backup is restored
        Path kept;
        try (Backups.Restore restore = Backups.prepareRestore(backup(), database)) {
            assertThat(restore.currentHolds().isPresent() || !restore.warnings().isEmpty())
                    .as("what the current file holds, or why it cannot be said")
                    .isTrue();
            kept = restore.replace().orElseThrow();
        }

        // THEN Rapport opens the restored file, and the damaged one is kept byte for byte
        try (Database db = Database.open(database)) {
            assertThat(db.problem()).isEmpty();
        }
        assertThat(Files.readAllBytes(kept)).isEqualTo(damaged);
    }

    // --- the files a test makes

    static Path someoneElsesSqlite(Path folder) throws Exception {
        Path file = folder.resolve("photos.db");
        try (var connection = new SQLiteConfig().createConnection("jdbc:sqlite:" + file);
                var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, path TEXT)");
            statement.execute("INSERT INTO photos (path) VALUES ('holiday.jpg')");
        }
        return file;
    }

    static Path damagedBackup(Path folder) throws Exception {
        Path file = folder.resolve("damaged/rapport.db");
        try (Database db = Database.open(file)) {
            for (int i = 0; i < 30; i++) {
                HeldDatabase.fill(db, "user" + i, 10);
            }
        }
        BackupsTest.damage(file);
        return file;
    }

    static Path anotherDatabasesBackup(Path folder) {
        try (Database other = Database.open(folder.resolve("other/rapport.db"))) {
            HeldDatabase.fill(other, "carol", 1);
            return new Backups(other, folder.resolve("other/backups"), CLOCK)
                    .backupIfDue()
                    .orElseThrow();
        }
    }

    static Path oldBackupOfAnotherName(Path folder) throws Exception {
        Path file = folder.resolve("data/backups/notes-2026-11-20.db");
        Files.copy(folder.resolve("data/backups/rapport-2026-11-25.db"), file);
        withoutId(file);
        return file;
    }

    static void withoutId(Path file) throws Exception {
        try (var connection = new SQLiteConfig().createConnection("jdbc:sqlite:" + file);
                var statement = connection.createStatement()) {
            statement.execute("DROP TABLE database_identity");
            statement.execute("DELETE FROM flyway_schema_history WHERE version = '17'");
        }
    }

    static String contents(Path file) throws Exception {
        return DatabaseFile.read(file).orElseThrow().describe();
    }

    /** Every file under the folder with a digest of its bytes. */
    static Map<Path, String> files(Path folder) throws IOException {
        Map<Path, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path file : all.filter(Files::isRegularFile).toList()) {
                try {
                    files.put(
                            file,
                            HexFormat.of()
                                    .formatHex(
                                            MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
                } catch (java.security.NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return files;
    }
}
