package dev.rapport.store.postgres;

import static dev.rapport.store.postgres.Rows.instant;

import dev.rapport.core.domain.UserKey;
import dev.rapport.core.port.Inbox;
import dev.rapport.core.port.Lease;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The inbox in PostgreSQL: one row per request key; a user's rows run one at a time, oldest first. */
public final class PostgresInbox implements Inbox {
    private static final String COLUMNS = "id, dedupe_key, platform, workspace, user_id, payload, reply_to,"
            + " reply_until, received_at, state, attempts, claimed_by";
    /** The claim a worker holds: its row, while no later claim (another instance's or worker's) counted an attempt. */
    private static final String HELD = " WHERE id = ? AND claimed_by = ? AND attempts = ?";

    private final Database db;

    public PostgresInbox(Database db) {
        this.db = db;
    }

    @Override
    public boolean append(Request request) {
        return db.write(c -> Rows.update(
                        c,
                        "INSERT INTO inbox (dedupe_key, lane, platform, workspace, user_id, payload, reply_to,"
                                + " reply_until, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                                + " ON CONFLICT (dedupe_key) DO NOTHING",
                        request.key(),
                        lane(request.user()),
                        request.user().platform(),
                        request.user().workspace(),
                        request.user().platformUserId(),
                        request.payload(),
                        request.replyTo(),
                        SortableTime.of(request.replyUntil()),
                        SortableTime.of(request.receivedAt())))
                == 1;
    }

    /** The advisory lock's key that inbox claims take turns on ("rapinbo" in ASCII, as a number). */
    private static final long CLAIM_LOCK = 0x72_61_70_69_6e_62_6fL;

    @Override
    public List<Row> claim(Instant now, Lease lease, int limit) {
        String at = SortableTime.of(now);
        return db.write(c -> {
            // Claims take turns across every worker and instance (a lock held until this transaction ends): the next
            // claimer then sees these leases, so no row is taken twice and a user's rows keep their order.
            try (var lock = c.prepareStatement("SELECT pg_advisory_xact_lock(" + CLAIM_LOCK + ")")) {
                lock.execute();
            }
            // A row is free when nobody holds it, no older row of its lane is pending, and no older row of its lane
            // is still being answered: one user's requests run, and are answered, in the order they came.
            List<Row> free = Rows.list(
                    c,
                    "SELECT " + COLUMNS + " FROM inbox i WHERE state = 'PENDING'"
                            + " AND (lease_until IS NULL OR lease_until <= ?)"
                            + " AND NOT EXISTS (SELECT 1 FROM inbox e WHERE e.lane = i.lane AND e.id < i.id"
                            + " AND (e.state = 'PENDING' OR (e.state = 'RAN' AND e.lease_until > ?)))"
                            + " ORDER BY id LIMIT ?",
                    PostgresInbox::row,
                    at,
                    at,
                    limit);
            List<Row> claimed = new ArrayList<>();
            for (Row row : free) {
                int taken = Rows.update(
                        c,
                        "UPDATE inbox SET claimed_by = ?, lease_until = ?, attempts = attempts + 1 WHERE id = ?"
                                + " AND state = 'PENDING' AND (lease_until IS NULL OR lease_until <= ?)",
                        lease.holder(),
                        SortableTime.of(lease.until()),
                        row.id(),
                        at);
                if (taken == 0) {
                    continue;
                }
                claimed.add(new Row(
                        row.id(),
                        row.key(),
                        row.user(),
                        row.payload(),
                        row.replyTo(),
                        row.replyUntil(),
                        row.receivedAt(),
                        row.state(),
                        row.attempts() + 1,
                        Optional.of(lease.holder())));
            }
            return claimed;
        });
    }

    @Override
    public boolean renew(Row claimed, Instant until) {
        return held(
                "UPDATE inbox SET lease_until = ?" + HELD + " AND state = 'PENDING'", claimed, SortableTime.of(until));
    }

    @Override
    public boolean ran(Row claimed, Instant at) {
        return held(
                "UPDATE inbox SET state = 'RAN', ran_at = COALESCE(ran_at, ?)" + HELD
                        + " AND state IN ('PENDING', 'RAN')",
                claimed,
                SortableTime.of(at));
    }

    @Override
    public boolean answered(Row claimed, Instant at) {
        return held(
                "UPDATE inbox SET state = 'ANSWERED', answered_at = ?, lease_until = NULL" + HELD
                        + " AND state IN ('PENDING', 'RAN')",
                claimed,
                SortableTime.of(at));
    }

    @Override
    public boolean expired(Row claimed, Instant at) {
        return held(
                "UPDATE inbox SET state = 'EXPIRED', lease_until = NULL" + HELD + " AND state = 'PENDING'", claimed);
    }

    /** Runs an update of a claimed row: {@code sql}'s own arguments first, then the claim's. */
    private boolean held(String sql, Row claimed, Object... values) {
        if (claimed.holder().isEmpty()) {
            return false;
        }
        Object[] args = Arrays.copyOf(values, values.length + 3);
        args[values.length] = claimed.id();
        args[values.length + 1] = claimed.holder().get();
        args[values.length + 2] = claimed.attempts();
        return db.write(c -> Rows.update(c, sql, args)) == 1;
    }

    @Override
    public int releaseLeases(String holder) {
        return db.write(c -> Rows.update(
                c,
                "UPDATE inbox SET claimed_by = NULL, lease_until = NULL WHERE claimed_by = ? AND lease_until IS NOT NULL"
                        + " AND state IN ('PENDING', 'RAN')",
                holder));
    }

    @Override
    public List<Row> untold(UserKey user, Instant now) {
        return db.read(c -> Rows.list(
                c,
                "SELECT " + COLUMNS + " FROM inbox WHERE lane = ? AND told_at IS NULL AND (state = 'EXPIRED'"
                        + " OR (state = 'RAN' AND (lease_until IS NULL OR lease_until <= ?))) ORDER BY id",
                PostgresInbox::row,
                lane(user),
                SortableTime.of(now)));
    }

    @Override
    public void told(long id, Instant at) {
        db.write(c -> Rows.update(c, "UPDATE inbox SET told_at = ? WHERE id = ?", SortableTime.of(at), id));
    }

    @Override
    public List<Row> pending() {
        return db.read(c -> Rows.list(
                c, "SELECT " + COLUMNS + " FROM inbox WHERE state = 'PENDING' ORDER BY id", PostgresInbox::row));
    }

    @Override
    public Optional<Row> find(String key) {
        return db.read(
                c -> Rows.one(c, "SELECT " + COLUMNS + " FROM inbox WHERE dedupe_key = ?", PostgresInbox::row, key));
    }

    private static String lane(UserKey user) {
        return user.platform() + "\u0000" + user.workspace() + "\u0000" + user.platformUserId();
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(
                rs.getLong("id"),
                rs.getString("dedupe_key"),
                new UserKey(rs.getString("platform"), rs.getString("workspace"), rs.getString("user_id")),
                rs.getString("payload"),
                rs.getString("reply_to"),
                instant(rs, "reply_until"),
                instant(rs, "received_at"),
                State.valueOf(rs.getString("state")),
                rs.getInt("attempts"),
                Optional.ofNullable(rs.getString("claimed_by")));
    }
}
