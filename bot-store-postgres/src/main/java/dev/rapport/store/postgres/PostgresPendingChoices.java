package dev.rapport.store.postgres;

import dev.rapport.core.port.PendingChoices;
import java.time.Instant;
import java.util.Optional;

/** Pending "did you mean" choices in PostgreSQL; every statement filters by owner. */
public final class PostgresPendingChoices implements PendingChoices {
    private static final int KEPT = 50;

    private final Database db;

    public PostgresPendingChoices(Database db) {
        this.db = db;
    }

    @Override
    public long keep(long ownerId, String command, String rest, Instant at) {
        return db.write(c -> {
            long id = Rows.insert(
                    c,
                    "INSERT INTO pending_choices (owner_id, command, rest, created_at) VALUES (?, ?, ?, ?)"
                            + " RETURNING id",
                    ownerId,
                    command,
                    rest,
                    at.toString());
            // Only the newest choices can still be pressed; older ones (and the text they hold) go.
            Rows.update(
                    c,
                    "DELETE FROM pending_choices WHERE owner_id = ? AND id NOT IN"
                            + " (SELECT id FROM pending_choices WHERE owner_id = ? ORDER BY id DESC LIMIT ?)",
                    ownerId,
                    ownerId,
                    KEPT);
            return id;
        });
    }

    @Override
    public Optional<Pending> take(long ownerId, long id) {
        return db.write(c -> Rows.one(
                c,
                "DELETE FROM pending_choices WHERE owner_id = ? AND id = ? RETURNING id, command, rest",
                rs -> new Pending(rs.getLong("id"), rs.getString("command"), rs.getString("rest")),
                ownerId,
                id));
    }
}
