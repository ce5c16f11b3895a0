package dev.rapport.store.postgres;

import static dev.rapport.store.postgres.Rows.instant;

import dev.rapport.core.domain.RoundDm;
import dev.rapport.core.port.Lease;
import dev.rapport.core.port.RoundOutbox;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The rounds' direct messages in PostgreSQL, one row per (match, kind). */
public final class PostgresRoundOutbox implements RoundOutbox {
    private static final int MAX_ERROR = 300;
    private static final String RELEASE = " claimed_by = NULL, lease_until = NULL";

    private final Database db;

    public PostgresRoundOutbox(Database db) {
        this.db = db;
    }

    @Override
    public void schedule(long matchId, RoundDm.Kind kind, Instant dueAt) {
        db.write(c -> Rows.update(
                c,
                "INSERT INTO round_dms (match_id, kind, due_at) VALUES (?, ?, ?)"
                        + " ON CONFLICT (match_id, kind) DO NOTHING",
                matchId,
                kind.name(),
                SortableTime.of(dueAt)));
    }

    @Override
    public List<RoundDm> due(Instant now, Lease lease, int limit) {
        return db.write(c -> {
            List<RoundDm> taken = Rows.list(
                    c,
                    "SELECT id, match_id, kind, due_at, attempts, send_started_at FROM round_dms"
                            + " WHERE status = 'PENDING' AND due_at <= ?"
                            + " AND (lease_until IS NULL OR lease_until < ? OR claimed_by = ?)"
                            + " ORDER BY due_at, id LIMIT ? FOR UPDATE SKIP LOCKED",
                    rs -> new RoundDm(
                            rs.getLong("id"),
                            rs.getLong("match_id"),
                            RoundDm.Kind.valueOf(rs.getString("kind")),
                            instant(rs, "due_at"),
                            rs.getInt("attempts"),
                            rs.getString("send_started_at") != null),
                    SortableTime.of(now),
                    SortableTime.of(now),
                    lease.holder(),
                    limit);
            if (!taken.isEmpty()) {
                List<Object> args =
                        new ArrayList<>(List.of(lease.holder(), lease.holder(), SortableTime.of(lease.until())));
                taken.forEach(dm -> args.add(dm.id()));
                Rows.update(
                        c,
                        "UPDATE round_dms SET takeovers = takeovers"
                                + " + CASE WHEN claimed_by IS NOT NULL AND claimed_by <> ? THEN 1 ELSE 0 END,"
                                + " claimed_by = ?, lease_until = ? WHERE id IN ("
                                + taken.stream().map(dm -> "?").collect(Collectors.joining(", ")) + ")",
                        args.toArray());
            }
            return taken;
        });
    }

    @Override
    public boolean sending(long dmId, Instant at, Lease lease) {
        return db.write(c -> Rows.update(
                        c,
                        "UPDATE round_dms SET send_started_at = ?, lease_until = ?"
                                + " WHERE id = ? AND status = 'PENDING' AND claimed_by = ?",
                        SortableTime.of(at),
                        SortableTime.of(lease.until()),
                        dmId,
                        lease.holder()))
                == 1;
    }

    @Override
    public void release(long entryId, String holder) {
        db.write(c ->
                Rows.update(c, "UPDATE round_dms SET" + RELEASE + " WHERE id = ? AND claimed_by = ?", entryId, holder));
    }

    @Override
    public void sent(long dmId, Instant at) {
        db.write(c -> Rows.update(
                c,
                "UPDATE round_dms SET status = 'SENT', sent_at = ?, attempts = attempts + 1," + RELEASE
                        + " WHERE id = ?" + " AND status = 'PENDING'",
                SortableTime.of(at),
                dmId));
    }

    @Override
    public void retryAt(long dmId, Instant at, String reason) {
        db.write(c -> Rows.update(
                c,
                "UPDATE round_dms SET due_at = ?, attempts = attempts + 1, last_error = ?, send_started_at = NULL,"
                        + RELEASE + " WHERE id = ? AND status = 'PENDING'",
                SortableTime.of(at),
                clip(reason),
                dmId));
    }

    @Override
    public void unreachable(long dmId, String reason, Instant at) {
        db.write(c -> Rows.update(
                c,
                "UPDATE round_dms SET status = 'UNREACHABLE', attempts = attempts + 1, last_error = ?," + RELEASE
                        + " WHERE id = ?",
                clip(reason),
                dmId));
    }

    private static String clip(String reason) {
        String text = reason == null ? "" : reason;
        return text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR);
    }
}
