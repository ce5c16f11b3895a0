package dev.rapport.store.postgres;

import dev.rapport.core.port.InstallStateStore;
import java.time.Instant;

/** OAuth states in PostgreSQL, by hash. */
public final class PostgresInstallStateStore implements InstallStateStore {
    private final Database db;

    public PostgresInstallStateStore(Database db) {
        this.db = db;
    }

    @Override
    public void issue(String stateHash, Instant expiresAt, Instant now) {
        db.write(c -> {
            Rows.update(c, "DELETE FROM install_states WHERE expires_at <= ?", SortableTime.of(now));
            return Rows.update(
                    c,
                    "INSERT INTO install_states (state_hash, expires_at) VALUES (?, ?)",
                    stateHash,
                    SortableTime.of(expiresAt));
        });
    }

    @Override
    public boolean valid(String stateHash, Instant now) {
        return db.read(c -> Rows.one(
                        c,
                        "SELECT 1 FROM install_states WHERE state_hash = ? AND expires_at > ?",
                        rs -> 1,
                        stateHash,
                        SortableTime.of(now)))
                .isPresent();
    }

    @Override
    public boolean consume(String stateHash) {
        return db.write(c -> Rows.update(c, "DELETE FROM install_states WHERE state_hash = ?", stateHash)) > 0;
    }
}
