package dev.rapport.store.postgres;

import dev.rapport.core.port.CalendarFeedStore;
import java.time.Instant;
import java.util.Optional;

/** Private calendar feeds in PostgreSQL, by token hash; the token itself is never stored. */
public final class PostgresCalendarFeedStore implements CalendarFeedStore {
    private final Database db;

    public PostgresCalendarFeedStore(Database db) {
        this.db = db;
    }

    @Override
    public void put(long ownerId, String tokenHash, Instant at) {
        db.write(c -> Rows.update(
                c,
                "INSERT INTO calendar_feeds (owner_id, token_hash, created_at) VALUES (?, ?, ?)"
                        + " ON CONFLICT (owner_id) DO UPDATE SET token_hash = excluded.token_hash,"
                        + " created_at = excluded.created_at",
                ownerId,
                tokenHash,
                at.toString()));
    }

    @Override
    public Optional<Long> ownerOf(String tokenHash) {
        return db.read(c -> Rows.one(
                c, "SELECT owner_id FROM calendar_feeds WHERE token_hash = ?", rs -> rs.getLong(1), tokenHash));
    }

    @Override
    public boolean has(long ownerId) {
        return db.read(c -> Rows.one(c, "SELECT 1 FROM calendar_feeds WHERE owner_id = ?", rs -> 1, ownerId))
                .isPresent();
    }

    @Override
    public boolean delete(long ownerId) {
        return db.write(c -> Rows.update(c, "DELETE FROM calendar_feeds WHERE owner_id = ?", ownerId)) > 0;
    }
}
