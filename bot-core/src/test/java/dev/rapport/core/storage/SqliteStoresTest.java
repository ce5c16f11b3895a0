package dev.rapport.core.storage;

import dev.rapport.core.port.Storage;

/** The storage contract on the bare SQLite stores. */
class SqliteStoresTest extends StorageContract {
    @Override
    Storage storageOver(Database db) {
        return new Storage(
                new SqliteUserStore(db),
                new SqliteContactStore(db),
                new SqliteNoteStore(db),
                new SqliteFollowUpStore(db),
                db);
    }
}
