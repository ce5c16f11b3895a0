package dev.rapport.store.postgres;

import static dev.rapport.store.postgres.Rows.instant;

import dev.rapport.core.domain.Claim;
import dev.rapport.core.domain.RoundDm;
import dev.rapport.core.port.Lease;
import dev.rapport.core.port.RoundOutbox;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The rounds' direct messages in PostgreSQL, one row per (match, kind). */
public final class PostgresRoundOutbox implements RoundOutbox {
    private static final int MAX_ERROR = 300;
    private static final String RELEASE = " claimed_by = NULL, lease_until = NULL";
    /** The message a claim still holds: no later take (another instance's, or this one's again) counted a claim since. */
    private static final String HELD = " WHERE id = ? AND status = 'PENDING' AND claimed_by = ? AND claims = ?";

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
                    "SELECT id, match_id, kind, due_at, attempts, send_started_at, claims FROM round_dms"
                            + " WHERE status = 'PENDING' AND due_at <= ?"
                            + " AND (lease_until IS NULL OR lease_until < ? OR claimed_by = ?)"
                            + " ORDER BY due_at, id LIMIT ? FOR UPDATE SKIP LOCKED",
                    rs -> new RoundDm(
                            rs.getLong("id"),
                            rs.getLong("match_id"),
                            RoundDm.Kind.valueOf(rs.getString("kind")),
                            instant(rs, "due_at"),
                            rs.getInt("attempts"),
                            rs.getString("send_started_at") != null,
                            // The take below counts one more claim: this one.
                            new Claim(rs.getLong("id"), lease.holder(), rs.getInt("claims") + 1)),
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
                                + " claimed_by = ?, lease_until = ?, claims = claims + 1 WHERE id IN ("
                                + taken.stream().map(dm -> "?").collect(Collectors.joining(", ")) + ")",
                        args.toArray());
            }
            return taken;
        });
    }

    @Override
    public boolean sending(Claim claim, Instant at, Instant leaseUntil) {
        return held(
                "UPDATE round_dms SET send_started_at = ?, lease_until = ?" + HELD,
                claim,
                SortableTime.of(at),
                SortableTime.of(leaseUntil));
    }

    @Override
    public void release(Claim claim) {
        held("UPDATE round_dms SET" + RELEASE + HELD, claim);
    }

    @Override
    public boolean sent(Claim claim, Instant at) {
        return held(
                "UPDATE round_dms SET status = 'SENT', sent_at = ?, attempts = attempts + 1," + RELEASE + HELD,
                claim,
                SortableTime.of(at));
    }

    @Override
    public boolean retryAt(Claim claim, Instant at, String reason) {
        return held(
                "UPDATE round_dms SET due_at = ?, attempts = attempts + 1, last_error = ?, send_started_at = NULL,"
                        + RELEASE + HELD,
                claim,
                SortableTime.of(at),
                clip(reason));
    }

    @Override
    public boolean unreachable(Claim claim, String reason, Instant at) {
        return held(
                "UPDATE round_dms SET status = 'UNREACHABLE', attempts = attempts + 1, last_error = ?," + RELEASE
                        + HELD,
                claim,
                clip(reason));
    }

    /** Runs an update of a claimed message: {@code sql}'s own arguments first, then the claim's; true when it applied. */
    private boolean held(String sql, Claim claim, Object... values) {
        Object[] args = Arrays.copyOf(values, values.length + 3);
        args[values.length] = claim.entryId();
        args[values.length + 1] = claim.holder();
        args[values.length + 2] = claim.number();
        return db.write(c -> Rows.update(c, sql, args)) == 1;
    }

    private static String clip(String reason) {
        String text = reason == null ? "" : reason;
        return text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR);
    }
}
