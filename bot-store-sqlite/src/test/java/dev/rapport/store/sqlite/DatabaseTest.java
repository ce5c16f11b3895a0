package dev.rapport.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;

class DatabaseTest {
    @TempDir
    Path folder;

    @Test
    void opensWithWalForeignKeysAndTheMigrationsApplied() {
        try (Database db = Database.open(folder.resolve("nested/dir/rapport.db"))) {
            Optional<String> journal = db.read(c -> Rows.one(c, "PRAGMA journal_mode", rs -> rs.getString(1)));
            Optional<Integer> foreignKeys = db.write(c -> Rows.one(c, "PRAGMA foreign_keys", rs -> rs.getInt(1)));
            Optional<Integer> synchronous = db.write(c -> Rows.one(c, "PRAGMA synchronous", rs -> rs.getInt(1)));
            assertThat(journal).contains("wal");
            assertThat(foreignKeys).contains(1);
            assertThat(synchronous).contains(1); // NORMAL
            List<String> applied = db.read(c -> Rows.list(
                    c,
                    "SELECT script FROM flyway_schema_history WHERE success = 1 ORDER BY installed_rank",
                    rs -> rs.getString(1)));
            assertThat(applied).contains("V1__contacts_notes_follow_ups.sql");
        }
    }

    @Test
    void aSchemaWithEveryBundledMigrationUnchangedIsKnownToBeCurrentWithoutFlyway() throws Exception {
        // GIVEN a database Flyway migrated
        Path file = folder.resolve("rapport.db");
        Database.open(file).close();

        // WHEN its history is compared with the bundled scripts THEN they agree, checksum for checksum with Flyway's
        try (Connection c = DatabaseFile.inspect(file)) {
            assertThat(SchemaCheck.upToDate(c, Database.class.getClassLoader())).isTrue();
            Map<String, Integer> flyways = new HashMap<>();
            Rows.list(
                    c,
                    "SELECT script, checksum FROM flyway_schema_history",
                    rs -> flyways.put(rs.getString(1), rs.getInt(2)));
            Map<String, Integer> ours = new HashMap<>();
            SchemaCheck.bundled(Database.class.getClassLoader())
                    .forEach((name, script) -> ours.put(name, script.checksum()));
            assertThat(ours).isEqualTo(flyways).isNotEmpty();
        }
    }

    @Test
    void aChangedOrMissingMigrationIsLeftToFlywayWhichRefusesAChangedOne() throws Exception {
        // GIVEN a database whose history says a script had another checksum when it was applied
        Path file = folder.resolve("rapport.db");
        Database.open(file).close();
        try (Connection c = new SQLiteConfig().createConnection("jdbc:sqlite:" + file)) {
            Rows.update(c, "UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '1'");

            // THEN it is not taken for current, and the start is Flyway's, whose validation refuses it
            assertThat(SchemaCheck.upToDate(c, Database.class.getClassLoader())).isFalse();
        }
        assertThatThrownBy(() -> Database.open(file)).hasMessageContaining("checksum");

        // AND a history missing a bundled migration is not current either
        try (Connection c = new SQLiteConfig().createConnection("jdbc:sqlite:" + file)) {
            Rows.update(c, "DELETE FROM flyway_schema_history WHERE version = '1'");
            assertThat(SchemaCheck.upToDate(c, Database.class.getClassLoader())).isFalse();
        }
    }

    @Test
    void reopeningAnExistingFileKeepsItsData() {
        Path file = folder.resolve("rapport.db");
        try (Database db = Database.open(file)) {
            db.write(c -> Rows.update(
                    c,
                    "INSERT INTO users (platform, workspace, platform_user_id, display_name, created_at)"
                            + " VALUES ('console', 'local', 'alice', 'alice', '2026-11-25T10:00:00Z')"));
        }
        try (Database db = Database.open(file)) {
            Optional<Integer> users = db.read(c -> Rows.one(c, "SELECT COUNT(*) FROM users", rs -> rs.getInt(1)));
            assertThat(users).contains(1);
        }
    }

    @Test
    void readsInsideAWriteSeeItsUncommittedRows() {
        try (Database db = Database.open(folder.resolve("rapport.db"))) {
            int seen = db.write(c -> {
                Rows.update(
                        c,
                        "INSERT INTO users (platform, workspace, platform_user_id, display_name, created_at)"
                                + " VALUES ('console', 'local', 'bob', 'bob', '2026-11-25T10:00:00Z')");
                return db.read(r -> Rows.one(r, "SELECT COUNT(*) FROM users", rs -> rs.getInt(1)))
                        .orElseThrow();
            });
            assertThat(seen).isEqualTo(1);
        }
    }
}
