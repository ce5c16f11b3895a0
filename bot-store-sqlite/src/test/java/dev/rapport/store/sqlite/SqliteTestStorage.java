package dev.rapport.store.sqlite;

import dev.rapport.core.port.Storage;
import dev.rapport.core.testing.OpenStorage;
import dev.rapport.core.testing.TestStorageProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Function;

/**
 * Core's storage suites on a real SQLite file in the test's folder, with the real migrations. The migrations run once
 * per JVM, into a template file; every store a test opens starts as a copy of it with an identity of its own (as the
 * PostgreSQL store's tests copy a template database), so each test starts empty without paying every migration again.
 */
public final class SqliteTestStorage implements TestStorageProvider {
    @Override
    public OpenStorage open(Path folder) {
        return new Opened(fresh(folder), SqliteStorage::over);
    }

    /** The same, through the given way of building the stores (cached, or not). */
    static OpenStorage open(Path folder, Function<Database, Storage> stores) {
        return new Opened(fresh(folder), stores);
    }

    /**
     * The folder's database file: when there is none yet, the migrated template's copy, given its own random identity
     * (a test that opens a folder it has used before gets its file as it left it).
     */
    private static Path fresh(Path folder) {
        Path file = folder.resolve("rapport.db");
        if (Files.exists(file)) {
            return file;
        }
        try {
            Files.createDirectories(folder);
            Files.copy(Template.FILE, file);
            try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                    Statement statement = connection.createStatement()) {
                statement.executeUpdate("UPDATE database_identity SET id = lower(hex(randomblob(16)))");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot copy the test database template", e);
        }
        return file;
    }

    /** The template: an empty database migrated by the real migrations, made on first use. */
    private static final class Template {
        static final Path FILE = migrated();

        private static Path migrated() {
            try {
                Path folder = Files.createTempDirectory("rapport-template");
                Path file = folder.resolve("template.db");
                Database.open(file).close();
                for (Path made : new Path[] {file, folder}) {
                    made.toFile().deleteOnExit();
                }
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The database under a store this provider opened. */
    static Database database(OpenStorage store) {
        return ((Opened) store).db;
    }

    private static final class Opened implements OpenStorage {
        private final Path file;
        private final Function<Database, Storage> stores;
        private final Database db;
        private final Storage storage;

        Opened(Path file, Function<Database, Storage> stores) {
            this.file = file;
            this.stores = stores;
            this.db = Database.open(file);
            this.storage = stores.apply(db);
        }

        @Override
        public Storage storage() {
            return storage;
        }

        @Override
        public OpenStorage reopen() {
            db.close();
            return new Opened(file, stores);
        }

        @Override
        public long rows(String table) {
            return db.read(c -> Rows.one(c, "SELECT COUNT(*) FROM " + table, rs -> rs.getLong(1)))
                    .orElseThrow();
        }

        @Override
        public void close() {
            db.close();
        }
    }
}
