package dev.rapport.store.postgres;

import dev.rapport.core.port.PendingImportStore;
import java.time.Instant;
import java.util.Optional;

/** Files waiting for an import's confirmation, in PostgreSQL; every statement filters by owner. */
public final class PostgresPendingImportStore implements PendingImportStore {
    private final Database db;

    public PostgresPendingImportStore(Database db) {
        this.db = db;
    }

    @Override
    public long put(long ownerId, String fileName, String content, Instant at) {
        return db.write(c -> Rows.insert(
                c,
                "INSERT INTO pending_imports (owner_id, file_name, content, created_at) VALUES (?, ?, ?, ?)"
                        + " RETURNING id",
                ownerId,
                fileName,
                content,
                at.toString()));
    }

    @Override
    public Optional<Pending> find(long ownerId, long id) {
        return db.read(c -> Rows.one(
                c,
                "SELECT id, owner_id, file_name, content, created_at FROM pending_imports"
                        + " WHERE owner_id = ? AND id = ?",
                rs -> new Pending(
                        rs.getLong("id"),
                        rs.getLong("owner_id"),
                        rs.getString("file_name"),
                        rs.getString("content"),
                        Rows.instant(rs, "created_at")),
                ownerId,
                id));
    }

    @Override
    public boolean delete(long ownerId, long id) {
        return db.write(c -> Rows.update(c, "DELETE FROM pending_imports WHERE owner_id = ? AND id = ?", ownerId, id))
                > 0;
    }

    @Override
    public int deleteBefore(long ownerId, Instant before) {
        // ISO-8601 instants from Instant.toString() sort as text only at the same precision; compare parsed.
        return db.write(c -> {
            int deleted = 0;
            for (Pending pending : Rows.list(
                    c,
                    "SELECT id, owner_id, file_name, '' AS content, created_at FROM pending_imports WHERE owner_id = ?",
                    rs -> new Pending(rs.getLong("id"), rs.getLong("owner_id"), "", "", Rows.instant(rs, "created_at")),
                    ownerId)) {
                if (pending.createdAt().isBefore(before)) {
                    deleted += Rows.update(
                            c, "DELETE FROM pending_imports WHERE owner_id = ? AND id = ?", ownerId, pending.id());
                }
            }
            return deleted;
        });
    }
}
