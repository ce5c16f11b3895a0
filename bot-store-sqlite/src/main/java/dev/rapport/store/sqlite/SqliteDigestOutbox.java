package dev.rapport.store.sqlite;

import static dev.rapport.store.sqlite.Rows.optionalInstant;
import static dev.rapport.store.sqlite.Rows.optionalString;

import dev.rapport.core.domain.Claim;
import dev.rapport.core.domain.DigestDays;
import dev.rapport.core.domain.User;
import dev.rapport.core.domain.UserKey;
import dev.rapport.core.port.DigestOutbox;
import dev.rapport.core.port.Lease;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The digest outbox in SQLite; the unique (user_id, local_date) key is what keeps a digest to once a day. */
public final class SqliteDigestOutbox implements DigestOutbox {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final String USER_COLUMNS = Arrays.stream(SqliteUserStore.COLUMNS.split(","))
            .map(column -> "u." + column.strip())
            .collect(Collectors.joining(", "));
    private static final String ENTRY_COLUMNS =
            "id, user_id, local_date, state, attempts, last_error, next_attempt_at, sent_at";

    /**
     * The platform a user's digest goes to: that of the linked account they chose for it (issue 12), else their own.
     * Accounts linked to another are never claimed: their primary's digest is theirs.
     */
    private static final String DIGEST_PLATFORM = "COALESCE((SELECT d.platform FROM account_links l"
            + " JOIN users d ON d.id = l.account_id WHERE l.primary_id = u.id AND l.digest_here = 1), u.platform)";

    private static final String NOT_LINKED =
            " AND NOT EXISTS (SELECT 1 FROM account_links s WHERE s.account_id = u.id)";

    /** The account a taken entry's digest goes to, when it is a linked one. */
    private static final String TO_ACCOUNT = " LEFT JOIN account_links l ON l.primary_id = u.id AND l.digest_here = 1"
            + " LEFT JOIN users d ON d.id = l.account_id";

    private static final String RELEASE = " claimed_by = NULL, lease_until = NULL";
    /** The row a claim still holds: no later take (another instance's, or this one's again) counted a claim since. */
    private static final String HELD = " WHERE id = ? AND state = 'CLAIMED' AND claimed_by = ? AND claims = ?";

    private final Database db;

    public SqliteDigestOutbox(Database db) {
        this.db = db;
    }

    @Override
    public List<ZoneId> zones() {
        List<String> ids = db.read(c -> Rows.list(c, "SELECT DISTINCT time_zone FROM users", rs -> rs.getString(1)));
        return ids.stream().map(ZoneId::of).toList();
    }

    @Override
    public int claim(ZoneId zone, LocalDate date, LocalTime time, Set<String> platforms, Instant now) {
        List<String> days = DigestDays.codesIncluding(date);
        if (platforms.isEmpty()) {
            return 0;
        }
        // Stored digest times are LocalTime text ("09:00", "09:00:30"); "HH:mm:ss" compares correctly against both.
        // The NOT EXISTS covers later dates too: a user who moves west after today's digest gets no second one.
        String due = " u.time_zone = ? AND u.digest_time <= ?"
                + " AND " + DIGEST_PLATFORM + " IN (" + marks(platforms) + ")"
                + " AND u.digest_days IN (" + marks(days) + ")"
                + " AND (u.paused_until IS NULL OR u.paused_until < ?)"
                + " AND u.unreachable_reason IS NULL" + NOT_LINKED;
        List<Object> dueArgs = new ArrayList<>();
        dueArgs.add(zone.getId());
        dueArgs.add(time.format(TIME));
        dueArgs.addAll(platforms);
        dueArgs.addAll(days);
        dueArgs.add(date);
        String insert = "INSERT INTO digest_outbox"
                + " (user_id, local_date, state, attempts, next_attempt_at, claimed_at, digest_time)"
                + " SELECT u.id, ?, 'CLAIMED', 0, ?, ?, u.digest_time FROM users u WHERE" + due
                + " AND NOT EXISTS (SELECT 1 FROM digest_outbox o WHERE o.user_id = u.id AND o.local_date >= ?)"
                + " ON CONFLICT (user_id, local_date) DO NOTHING";
        List<Object> insertArgs = new ArrayList<>(List.of(date, text(now), text(now)));
        insertArgs.addAll(dueArgs);
        insertArgs.add(date);
        // Only a sent digest ends the day. One closed unsent (nothing was due, or paused) is owed again when the user
        // moves their digest to a later time the same date: they may have set things up since (a new user is claimed
        // at once with the default time, before they have added anyone).
        String reopen = "UPDATE digest_outbox SET state = 'CLAIMED', next_attempt_at = ?, claimed_at = ?,"
                + " closed_at = NULL, digest_time = (SELECT u.digest_time FROM users u WHERE u.id = digest_outbox.user_id)"
                + " WHERE id IN (SELECT o.id FROM users u JOIN digest_outbox o ON o.user_id = u.id AND o.local_date = ?"
                + " WHERE" + due
                + " AND o.state IN ('NOTHING_DUE', 'SKIPPED') AND o.digest_time < u.digest_time"
                + " AND NOT EXISTS (SELECT 1 FROM digest_outbox l WHERE l.user_id = u.id AND l.local_date > ?))";
        List<Object> reopenArgs = new ArrayList<>(List.of(text(now), text(now), date));
        reopenArgs.addAll(dueArgs);
        reopenArgs.add(date);
        return db.write(
                c -> Rows.update(c, reopen, reopenArgs.toArray()) + Rows.update(c, insert, insertArgs.toArray()));
    }

    @Override
    public List<Pending> due(Set<String> platforms, Instant now, Lease lease, int limit) {
        if (platforms.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>(platforms);
        args.add(text(now));
        args.add(text(now));
        args.add(lease.holder());
        args.add(limit);
        // One writer: selecting and leasing in one write transaction is atomic against every other instance.
        return db.write(c -> {
            List<Pending> taken = Rows.list(
                    c,
                    "SELECT o.id AS entry_id, o.local_date AS entry_date, o.attempts AS entry_attempts,"
                            + " o.send_started_at AS entry_send_started, o.claims AS entry_claims, " + USER_COLUMNS
                            // CROSS JOIN keeps SQLite from starting at users: the claimed rows are few, the users many.
                            + ", d.platform AS to_platform, d.workspace AS to_workspace,"
                            + " d.platform_user_id AS to_user"
                            + " FROM digest_outbox o INDEXED BY digest_outbox_pending CROSS JOIN users u ON u.id = o.user_id"
                            + TO_ACCOUNT
                            + " WHERE o.state = 'CLAIMED' AND COALESCE(d.platform, u.platform) IN (" + marks(platforms)
                            + ")"
                            + " AND o.next_attempt_at <= ?"
                            + " AND (o.lease_until IS NULL OR o.lease_until < ? OR o.claimed_by = ?)"
                            + " ORDER BY o.next_attempt_at, o.id LIMIT ?",
                    rs -> pending(
                            rs,
                            // The take below counts one more claim: this one.
                            new Claim(rs.getLong("entry_id"), lease.holder(), rs.getInt("entry_claims") + 1),
                            SqliteUserStore.map(rs),
                            LocalDate.parse(rs.getString("entry_date")),
                            rs.getInt("entry_attempts"),
                            rs.getString("entry_send_started") != null),
                    args.toArray());
            if (!taken.isEmpty()) {
                List<Object> leaseArgs = new ArrayList<>(List.of(lease.holder(), lease.holder(), text(lease.until())));
                taken.forEach(p -> leaseArgs.add(p.entryId()));
                Rows.update(
                        c,
                        "UPDATE digest_outbox SET takeovers = takeovers"
                                + " + CASE WHEN claimed_by IS NOT NULL AND claimed_by <> ? THEN 1 ELSE 0 END,"
                                + " claimed_by = ?, lease_until = ?, claims = claims + 1"
                                + " WHERE id IN (" + marks(taken) + ")",
                        leaseArgs.toArray());
            }
            return taken;
        });
    }

    private static Pending pending(
            ResultSet rs, Claim claim, User user, LocalDate date, int attempts, boolean maybeSent) throws SQLException {
        String platform = rs.getString("to_platform");
        UserKey to = platform == null
                ? user.key()
                : new UserKey(platform, rs.getString("to_workspace"), rs.getString("to_user"));
        return new Pending(claim, user, to, date, attempts, maybeSent);
    }

    @Override
    public Optional<Instant> nextAttempt(Set<String> platforms, String holder) {
        if (platforms.isEmpty()) {
            return Optional.empty();
        }
        List<Object> args = new ArrayList<>();
        args.add(holder);
        args.addAll(platforms);
        return db.read(c -> Rows.one(
                        c,
                        "SELECT MIN(CASE WHEN o.lease_until > o.next_attempt_at AND o.claimed_by <> ?"
                                + " THEN o.lease_until ELSE o.next_attempt_at END)"
                                + " FROM digest_outbox o JOIN users u ON u.id = o.user_id" + TO_ACCOUNT
                                + " WHERE o.state = 'CLAIMED' AND COALESCE(d.platform, u.platform) IN ("
                                + marks(platforms) + ")",
                        rs -> Optional.ofNullable(rs.getString(1)).map(Instant::parse),
                        args.toArray()))
                .flatMap(found -> found);
    }

    @Override
    public Backlog backlog() {
        return db.read(c -> Rows.one(
                        c,
                        "SELECT COUNT(*), MIN(claimed_at) FROM digest_outbox WHERE state = 'CLAIMED'",
                        rs -> new Backlog(
                                rs.getInt(1),
                                Optional.ofNullable(rs.getString(2)).map(Instant::parse))))
                .orElse(Backlog.EMPTY);
    }

    @Override
    public boolean sending(Claim claim, Instant at, Instant leaseUntil) {
        return held(
                "UPDATE digest_outbox SET send_started_at = ?, lease_until = ?" + HELD,
                claim,
                text(at),
                text(leaseUntil));
    }

    @Override
    public void release(Claim claim) {
        held("UPDATE digest_outbox SET" + RELEASE + HELD, claim);
    }

    @Override
    public boolean sent(Claim claim, Instant at) {
        return held(
                "UPDATE digest_outbox SET state = 'SENT', attempts = attempts + 1, sent_at = ?, next_attempt_at = NULL,"
                        + RELEASE + HELD,
                claim,
                text(at));
    }

    @Override
    public boolean retryAt(Claim claim, Instant nextAttempt, String error) {
        return held(
                "UPDATE digest_outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?,"
                        + " send_started_at = NULL," + RELEASE + HELD,
                claim,
                error,
                text(nextAttempt));
    }

    @Override
    public boolean close(Claim claim, State state, Optional<String> error, Instant at) {
        if (state == State.CLAIMED || state == State.SENT) {
            throw new IllegalArgumentException("Closing an outbox entry needs a closing state, not " + state);
        }
        // Only an unreachable user counts as an attempt; the other closings never called the platform.
        return held(
                "UPDATE digest_outbox SET state = ?, attempts = attempts + ?, last_error = COALESCE(?, last_error),"
                        + " next_attempt_at = NULL, closed_at = ?," + RELEASE + HELD,
                claim,
                state.name(),
                state == State.UNREACHABLE ? 1 : 0,
                error.orElse(null),
                text(at));
    }

    /** Runs an update of a claimed row: {@code sql}'s own arguments first, then the claim's; true when it applied. */
    private boolean held(String sql, Claim claim, Object... values) {
        Object[] args = Arrays.copyOf(values, values.length + 3);
        args[values.length] = claim.entryId();
        args[values.length + 1] = claim.holder();
        args[values.length + 2] = claim.number();
        return db.write(c -> Rows.update(c, sql, args)) == 1;
    }

    @Override
    public Optional<Entry> find(long userId, LocalDate date) {
        return db.read(c -> Rows.one(
                c,
                "SELECT " + ENTRY_COLUMNS + " FROM digest_outbox WHERE user_id = ? AND local_date = ?",
                SqliteDigestOutbox::entry,
                userId,
                date));
    }

    @Override
    public long takeovers() {
        return db.read(c -> Rows.one(c, "SELECT COALESCE(SUM(takeovers), 0) FROM digest_outbox", rs -> rs.getLong(1)))
                .orElse(0L);
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        return new Entry(
                rs.getLong("id"),
                rs.getLong("user_id"),
                LocalDate.parse(rs.getString("local_date")),
                State.valueOf(rs.getString("state")),
                rs.getInt("attempts"),
                optionalString(rs, "last_error"),
                optionalInstant(rs, "next_attempt_at"),
                optionalInstant(rs, "sent_at"));
    }

    /** To the second, so that every stored instant has the same length and text order is time order. */
    private static String text(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String marks(Collection<?> values) {
        return values.stream().map(v -> "?").collect(Collectors.joining(", "));
    }
}
