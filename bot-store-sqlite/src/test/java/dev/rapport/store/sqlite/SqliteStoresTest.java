package dev.rapport.store.sqlite;

import dev.rapport.core.testing.OpenStorage;
import dev.rapport.core.testing.StorageContract;
import java.nio.file.Path;

/** The storage contract on the bare SQLite stores, without the caches in front. */
class SqliteStoresTest extends StorageContract {
    @Override
    protected OpenStorage open(Path folder) {
        return SqliteTestStorage.open(folder, SqliteStorage::uncached);
    }
}
