package dev.rapport.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.domain.Contact;
import dev.rapport.core.domain.NoteKind;
import dev.rapport.core.domain.Settings;
import dev.rapport.core.domain.User;
import dev.rapport.core.domain.UserKey;
import dev.rapport.core.port.Storage;
import dev.rapport.store.postgres.PostgresStorage;
import dev.rapport.store.postgres.PostgresTestStorage;
import dev.rapport.store.sqlite.Database;
import dev.rapport.store.sqlite.SqliteStorage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real SQLite file copied into a real (embedded) PostgreSQL, then read back through the PostgreSQL store. */
class MigrateToTest {
    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @TempDir
    Path folder;

    @Test
    void everyTableIsCopiedCountedAndARerunChangesNothing() {
        String url = PostgresTestStorage.emptyDatabase();
        User ada;
        Contact marc;
        try (Database sqlite = Database.open(folder.resolve("rapport.db"))) {
            Storage from = SqliteStorage.over(sqlite);
            ada = from.users()
                    .findOrCreate(
                            new UserKey("slack", "T1", "UADA"),
                            "Ada",
                            Settings.defaults(ZoneId.of("Europe/Paris"), true),
                            NOW);
            User bob = from.users()
                    .findOrCreate(
                            new UserKey("discord", "G1", "42"), "Bob", Settings.defaults(ZoneId.of("UTC"), false), NOW);
            marc = from.contacts()
                    .create(Contact.newContact(ada.id(), "Marc Kelly", Optional.empty(), Optional.empty(), NOW));
            from.notes().add(ada.id(), marc.id(), NoteKind.NOTE, "moving to Lyon in spring", List.of("move"), NOW);
            from.contacts().create(Contact.newContact(bob.id(), "Zoë", Optional.empty(), Optional.empty(), NOW));
            from.pauses().pause("slack", NOW.plusSeconds(30));

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (var pg = dev.rapport.store.postgres.Database.open(url, Optional.empty(), Optional.empty(), 2)) {
                List<MigrateTo.Copied> first =
                        MigrateTo.copy(sqlite, pg, new PrintStream(out, true, StandardCharsets.UTF_8));
                List<MigrateTo.Copied> again =
                        MigrateTo.copy(sqlite, pg, new PrintStream(out, true, StandardCharsets.UTF_8));

                assertThat(first).extracting(MigrateTo.Copied::table).containsExactlyElementsOf(MigrateTo.TABLES);
                assertThat(first)
                        .filteredOn(c -> c.table().equals("users"))
                        .singleElement()
                        .satisfies(c -> {
                            assertThat(c.rows()).isEqualTo(2);
                            assertThat(c.alreadyThere()).isFalse();
                        });
                assertThat(again).allSatisfy(c -> assertThat(c.alreadyThere()).isTrue());
                assertThat(out.toString(StandardCharsets.UTF_8)).contains("contacts: 2 rows");

                // THEN the PostgreSQL store reads what SQLite held, owner by owner, and new rows get fresh ids
                Storage to = PostgresStorage.over(pg);
                assertThat(to.users().find(ada.key())).contains(ada);
                assertThat(to.notes().forContact(ada.id(), marc.id()))
                        .singleElement()
                        .satisfies(note -> assertThat(note.body()).isEqualTo("moving to Lyon in spring"));
                assertThat(to.pauses().pausedUntil("slack")).contains(NOW.plusSeconds(30));
                Contact later = to.contacts()
                        .create(Contact.newContact(ada.id(), "Tove", Optional.empty(), Optional.empty(), NOW));
                assertThat(later.id()).isGreaterThan(marc.id() + 1);
            }
        }
    }

    @Test
    void aTableLeftHalfCopiedIsCopiedAgainOnTheRerun() {
        String url = PostgresTestStorage.emptyDatabase();
        try (Database sqlite = Database.open(folder.resolve("half.db"));
                var pg = dev.rapport.store.postgres.Database.open(url, Optional.empty(), Optional.empty(), 2)) {
            Storage from = SqliteStorage.over(sqlite);
            for (String id : List.of("U1", "U2", "U3")) {
                from.users()
                        .findOrCreate(
                                new UserKey("slack", "T1", id), id, Settings.defaults(ZoneId.of("UTC"), true), NOW);
            }
            // GIVEN a run that stopped after one of the users (another row count than SQLite's)
            PostgresStorage.over(pg)
                    .users()
                    .findOrCreate(
                            new UserKey("slack", "T1", "U1"), "U1", Settings.defaults(ZoneId.of("UTC"), true), NOW);

            List<MigrateTo.Copied> rerun = MigrateTo.copy(sqlite, pg, new PrintStream(new ByteArrayOutputStream()));

            assertThat(rerun)
                    .filteredOn(c -> c.table().equals("users"))
                    .singleElement()
                    .satisfies(c -> {
                        assertThat(c.rows()).isEqualTo(3);
                        assertThat(c.alreadyThere()).isFalse();
                    });
            assertThat(PostgresStorage.over(pg).users().find(new UserKey("slack", "T1", "U3")))
                    .isPresent();
        }
    }

    @Test
    void aPostgresCopyIsADatabaseOfItsOwnAndTheIdMigrationRunsBelowTheNewestOne() {
        String url = PostgresTestStorage.emptyDatabase();
        try (Database sqlite = Database.open(folder.resolve("ids.db"))) {
            String pgId;
            try (var pg = dev.rapport.store.postgres.Database.open(url, Optional.empty(), Optional.empty(), 2)) {
                MigrateTo.copy(sqlite, pg, new PrintStream(new ByteArrayOutputStream()));
                pgId = identity(pg);

                // THEN the copy keeps an id of its own: no SQLite backup is ever taken for one of it
                assertThat(MigrateTo.TABLES).doesNotContain("database_identity");
                assertThat(pgId).matches("[0-9a-f]{32}").isNotEqualTo(sqlite.id());

                // GIVEN a PostgreSQL database migrated before version 17 existed, though past it
                pg.write(c -> {
                    try (var statement = c.createStatement()) {
                        statement.execute("DROP TABLE database_identity");
                        statement.execute("DELETE FROM flyway_schema_history WHERE version = '17'");
                    }
                    return null;
                });
            }
            // WHEN it is opened again, THEN version 17 runs out of order and the schema is current
            try (var pg = dev.rapport.store.postgres.Database.open(url, Optional.empty(), Optional.empty(), 2)) {
                assertThat(pg.migrationsCurrent()).isTrue();
                assertThat(identity(pg)).matches("[0-9a-f]{32}").isNotEqualTo(pgId);
            }
        }
    }

    private static String identity(dev.rapport.store.postgres.Database pg) {
        return pg.read(c -> {
            try (var statement = c.createStatement();
                    var rs = statement.executeQuery("SELECT id FROM database_identity")) {
                rs.next();
                return rs.getString(1);
            }
        });
    }
}
