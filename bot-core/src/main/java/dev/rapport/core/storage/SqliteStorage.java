package dev.rapport.core.storage;

import dev.rapport.core.port.Storage;

/** Builds the SQLite-backed {@link Storage}, with Caffeine in front of the hot lookups. */
public final class SqliteStorage {
    private static final long CACHED_USERS = 50_000;

    private SqliteStorage() {}

    public static Storage over(Database db) {
        return new Storage(
                new CachingUserStore(new SqliteUserStore(db), db, CACHED_USERS),
                new CachingContactStore(new SqliteContactStore(db), db, CACHED_USERS),
                new SqliteNoteStore(db),
                new SqliteFollowUpStore(db),
                db);
    }
}
