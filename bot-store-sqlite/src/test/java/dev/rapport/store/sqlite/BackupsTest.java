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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupsTest {
    @TempDir
    Path folder;

    @Test
    void aDailyBackupHoldsTheDataAndOnlyTheNewestSevenAreKept() {
        MutableClock clock = MutableClock.at("2026-11-25T10:00:00Z");
        try (TestRapport app = new TestRapport(folder, clock)) {
            app.text(TestRapport.user("alice"), "/remember Marc Kelly: met at SYPE");
            Backups backups = new Backups(SqliteTestStorage.database(app.store), folder.resolve("backups"), clock);

            Path first = backups.backupIfDue().orElseThrow();
            assertThat(backups.backupIfDue()).as("one backup a day").isEmpty();
            for (int day = 1; day <= 9; day++) {
                clock.advance(Duration.ofDays(1));
                backups.backupIfDue();
            }

            assertThat(backups.list()).hasSize(Backups.KEEP);
            assertThat(backups.list().get(0).getFileName().toString()).isEqualTo("rapport-2026-11-28.db");
            assertThat(Files.exists(first)).isFalse();
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
        Files.deleteIfExists(folder.resolve("rapport.db-wal"));
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
        assertThat(Files.exists(folder.resolve("rapport.db.replaced"))).isTrue();
    }

    @Test
    void aDamagedBackupIsNotRestored() throws Exception {
        Path notABackup = folder.resolve("rapport-2026-11-25.db");
        Files.writeString(notABackup, "this is not a database".repeat(100));

        assertThatThrownBy(() -> Backups.restore(notABackup, folder.resolve("rapport.db")))
                .isInstanceOf(DamagedDatabaseException.class);
        assertThat(Files.exists(folder.resolve("rapport.db"))).isFalse();
    }

    private static void damage(Path file) throws Exception {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            byte[] garbage = new byte[4096 * 4];
            Arrays.fill(garbage, (byte) 0x5A);
            raf.seek(4096 * 3);
            raf.write(garbage);
        }
    }
}
