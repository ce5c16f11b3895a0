package dev.rapport.store.sqlite;

import dev.rapport.core.port.Storage;
import dev.rapport.core.testing.OpenStorage;
import dev.rapport.core.testing.TestStorageProvider;
import java.nio.file.Path;
import java.util.function.Function;

/** Core's storage suites on a real SQLite file in the test's folder, with the real migrations. */
public final class SqliteTestStorage implements TestStorageProvider {
    @Override
    public OpenStorage open(Path folder) {
        return new Opened(folder.resolve("rapport.db"), SqliteStorage::over);
    }

    /** The same, through the given way of building the stores (cached, or not). */
    static OpenStorage open(Path folder, Function<Database, Storage> stores) {
        return new Opened(folder.resolve("rapport.db"), stores);
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
