package dev.rapport.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
