package dev.rapport.core.storage;

import dev.rapport.core.port.IntroStorage;

/** Builds the SQLite-backed {@link IntroStorage} over the same database as {@link SqliteStorage}. */
public final class SqliteIntroStorage {
    private SqliteIntroStorage() {}

    public static IntroStorage over(Database db) {
        return new IntroStorage(new SqliteIntroStore(db), new SqliteRoundStore(db), new SqliteRoundOutbox(db));
    }
}
