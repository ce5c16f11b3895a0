package dev.rapport.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.assembly.CoreAssembly;
import dev.rapport.core.delivery.OutboxDelivery;
import dev.rapport.core.domain.UserKey;
import dev.rapport.store.sqlite.Backups;
import dev.rapport.store.sqlite.Database;
import dev.rapport.store.sqlite.SqliteStorage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntegrityWatchTest {
    @TempDir
    Path folder;

    @Test
    void aDatabaseWhoseIndexesDisagreeWithTheirTablesStartsButItsFullCheckStopsEverySend() throws SQLException {
        // GIVEN a Rapport database whose two indexes were swapped behind SQLite's back: every page is sound (the
        // quick check at start passes), but the index entries no longer match their table's rows
        Path file = folder.resolve("rapport.db");
        Database.open(file).close();
        swapIndexes(file);

        // WHEN Rapport starts on it and runs its full check after start
        try (Database db = Database.open(file)) {
            assertThat(db.problem()).as("ready at start").isEmpty();
            OutboxDelivery delivery = delivery(db);
            boolean sound = IntegrityWatch.check(file.toString(), db::fullCheck, db::damaged, delivery);

            // THEN sends stop and readiness says why, pointing at a restore
            assertThat(sound).isFalse();
            assertThat(delivery.platforms()).isEmpty();
            assertThat(delivery.halted()).contains("the database failed its integrity check");
            assertThat(db.problem()).get().asString().contains("integrity check", "missing from index", "restore");
        }
    }

    @Test
    void aSoundDatabasePassesItsFullCheckAndSendsGoOn() {
        // GIVEN a sound database
        try (Database db = Database.open(folder.resolve("rapport.db"))) {
            OutboxDelivery delivery = delivery(db);

            // WHEN its full check runs THEN it passes, and every platform is still served
            assertThat(IntegrityWatch.check("rapport.db", db::fullCheck, db::damaged, delivery))
                    .isTrue();
            assertThat(delivery.platforms()).containsExactly("console");
            assertThat(db.problem()).isEmpty();
        }
    }

    @Test
    void aDamagedDatabaseIsNotBackedUpAndItsCheckBeforeTheBackupStopsEverySend() throws SQLException {
        // GIVEN a database whose indexes disagree with their tables, and today's backup not made yet
        Path file = folder.resolve("rapport.db");
        Database.open(file).close();
        swapIndexes(file);
        try (Database db = Database.open(file)) {
            OutboxDelivery delivery = delivery(db);
            Backups backups = new Backups(db, folder.resolve("backups"), Clock.systemUTC());
            IntegrityWatch watch = new IntegrityWatch(file.toString(), db::fullCheck, db::damaged, delivery, backups);

            // WHEN the day's backup falls due
            boolean made = watch.backupIfDue();

            // THEN the check before it found the damage: no backup (the sound ones stay), sends stop, readiness says
            // why
            assertThat(made).isFalse();
            assertThat(backups.list()).isEmpty();
            assertThat(delivery.halted()).contains("the database failed its integrity check");
            assertThat(db.problem()).get().asString().contains("integrity check", "restore");
        }
    }

    @Test
    void aSoundDatabaseIsCheckedAfterStartThenBackedUpOnceADay() throws InterruptedException {
        // GIVEN a sound database with no backup of today
        try (Database db = Database.open(folder.resolve("rapport.db"))) {
            OutboxDelivery delivery = delivery(db);
            Backups backups = new Backups(db, folder.resolve("backups"), Clock.systemUTC());
            IntegrityWatch watch = new IntegrityWatch("rapport.db", db::fullCheck, db::damaged, delivery, backups);

            // WHEN the check after start has run, and the maintenance asks for the day's backup again
            watch.start().join();
            boolean again = watch.backupIfDue();

            // THEN the check passed and made the day's one backup; sends go on
            assertThat(backups.list()).hasSize(1);
            assertThat(again).isFalse();
            assertThat(delivery.platforms()).containsExactly("console");
            assertThat(db.problem()).isEmpty();
        }
    }

    @Test
    void aCheckThatCannotRunCountsAsDamage() {
        // GIVEN a check that fails to run at all (the file vanished, say)
        try (Database db = Database.open(folder.resolve("rapport.db"))) {
            OutboxDelivery delivery = delivery(db);

            // WHEN it runs THEN sends stop rather than go on unchecked
            assertThat(IntegrityWatch.check(
                            "rapport.db",
                            () -> {
                                throw new IllegalStateException("disk gone");
                            },
                            db::damaged,
                            delivery))
                    .isFalse();
            assertThat(delivery.platforms()).isEmpty();
            assertThat(db.problem()).get().asString().contains("disk gone");
        }
    }

    private static OutboxDelivery delivery(Database db) {
        CoreAssembly core = CoreAssembly.over(Clock.systemUTC(), SqliteStorage.over(db));
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return core.delivery(List.of(new ConsoleMessenger(new UserKey("console", "local", "ann"), out, false)));
    }

    /** Points each of two indexes at the other's pages: SQLite's writable schema lets a test do what a bug might. */
    private static void swapIndexes(Path file) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t1 (a TEXT)");
            s.execute("CREATE INDEX i1 ON t1 (a)");
            s.execute("CREATE TABLE t2 (a TEXT)");
            s.execute("CREATE INDEX i2 ON t2 (a)");
            for (int i = 0; i < 50; i++) {
                s.execute("INSERT INTO t1 VALUES ('x" + i + "')");
                s.execute("INSERT INTO t2 VALUES ('y" + i + "')");
            }
            long r1 = rootPage(s, "i1");
            long r2 = rootPage(s, "i2");
            s.execute("PRAGMA writable_schema = ON");
            s.execute("UPDATE sqlite_master SET rootpage = " + r2 + " WHERE name = 'i1'");
            s.execute("UPDATE sqlite_master SET rootpage = " + r1 + " WHERE name = 'i2'");
            s.execute("PRAGMA writable_schema = OFF");
        }
    }

    private static long rootPage(Statement s, String index) throws SQLException {
        try (var rs = s.executeQuery("SELECT rootpage FROM sqlite_master WHERE name = '" + index + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
