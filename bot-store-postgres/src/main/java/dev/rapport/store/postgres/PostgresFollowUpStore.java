package dev.rapport.store.postgres;

import static dev.rapport.store.postgres.Rows.instant;
import static dev.rapport.store.postgres.Rows.optionalString;

import dev.rapport.core.domain.FollowUp;
import dev.rapport.core.domain.FollowUpStatus;
import dev.rapport.core.port.FollowUpStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Follow-ups in PostgreSQL; every statement filters by owner. */
public final class PostgresFollowUpStore implements FollowUpStore {
    static final String COLUMNS = "id, owner_id, contact_id, due_on, reason, status, created_at";

    private final Database db;

    public PostgresFollowUpStore(Database db) {
        this.db = db;
    }

    @Override
    public Optional<FollowUp> open(long ownerId, long contactId) {
        return db.read(c -> Rows.one(
                c,
                "SELECT " + COLUMNS + " FROM follow_ups WHERE owner_id = ? AND contact_id = ? AND status = 'OPEN'",
                PostgresFollowUpStore::map,
                ownerId,
                contactId));
    }

    @Override
    public FollowUp schedule(long ownerId, long contactId, LocalDate dueOn, Optional<String> reason, Instant now) {
        return db.write(c -> {
            int moved = Rows.update(
                    c,
                    "UPDATE follow_ups SET due_on = ?, reason = ? WHERE owner_id = ? AND contact_id = ?"
                            + " AND status = 'OPEN'",
                    dueOn,
                    reason,
                    ownerId,
                    contactId);
            if (moved == 0) {
                Rows.update(
                        c,
                        "INSERT INTO follow_ups (owner_id, contact_id, due_on, reason, status, created_at)"
                                + " SELECT ?, id, ?, ?, 'OPEN', ? FROM contacts WHERE owner_id = ? AND id = ?",
                        ownerId,
                        dueOn,
                        reason,
                        now.toString(),
                        ownerId,
                        contactId);
            }
            return open(ownerId, contactId).orElseThrow();
        });
    }

    @Override
    public void close(long ownerId, long followUpId, FollowUpStatus status, Instant at) {
        db.write(c -> Rows.update(
                c,
                "UPDATE follow_ups SET status = ?, closed_at = ? WHERE owner_id = ? AND id = ? AND status = 'OPEN'",
                status.name(),
                at.toString(),
                ownerId,
                followUpId));
    }

    @Override
    public int moveClosed(long ownerId, long fromContactId, long toContactId) {
        return db.write(c -> Rows.update(
                c,
                "UPDATE follow_ups SET contact_id = ? WHERE owner_id = ? AND contact_id = ? AND status <> 'OPEN'"
                        + " AND EXISTS (SELECT 1 FROM contacts WHERE owner_id = ? AND id = ?)",
                toContactId,
                ownerId,
                fromContactId,
                ownerId,
                toContactId));
    }

    @Override
    public List<FollowUp> openDueBy(long ownerId, LocalDate date) {
        return db.read(c -> Rows.list(
                c,
                "SELECT " + COLUMNS + " FROM follow_ups WHERE owner_id = ? AND status = 'OPEN' AND due_on <= ?"
                        + " ORDER BY due_on, id",
                PostgresFollowUpStore::map,
                ownerId,
                date));
    }

    static FollowUp map(ResultSet rs) throws SQLException {
        return new FollowUp(
                rs.getLong("id"),
                rs.getLong("owner_id"),
                rs.getLong("contact_id"),
                LocalDate.parse(rs.getString("due_on")),
                optionalString(rs, "reason"),
                FollowUpStatus.valueOf(rs.getString("status")),
                instant(rs, "created_at"));
    }
}
