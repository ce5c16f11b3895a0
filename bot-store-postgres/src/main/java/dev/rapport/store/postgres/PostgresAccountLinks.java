package dev.rapport.store.postgres;

import static dev.rapport.store.postgres.Rows.optionalString;

import dev.rapport.core.port.AccountLinks;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Account links, link codes (by hash) and refused tries in PostgreSQL. */
public final class PostgresAccountLinks implements AccountLinks {
    /** How long a code is kept after it expired, so that a late try hears "expired" rather than "not right". */
    private static final Duration KEEP_EXPIRED = Duration.ofDays(1);

    private final Database db;

    public PostgresAccountLinks(Database db) {
        this.db = db;
    }

    @Override
    public Optional<Long> primaryOf(long accountId) {
        return db.read(c -> Rows.one(
                c, "SELECT primary_id FROM account_links WHERE account_id = ?", rs -> rs.getLong(1), accountId));
    }

    @Override
    public List<Linked> linkedTo(long primaryId) {
        return db.read(c -> Rows.list(
                c,
                "SELECT account_id, digest_here, linked_at FROM account_links WHERE primary_id = ?"
                        + " ORDER BY linked_at, account_id",
                rs -> new Linked(
                        rs.getLong("account_id"), rs.getInt("digest_here") == 1, Rows.instant(rs, "linked_at")),
                primaryId));
    }

    @Override
    public void link(long accountId, long primaryId, Instant at) {
        db.write(c -> Rows.update(
                c,
                "INSERT INTO account_links (account_id, primary_id, digest_here, linked_at) VALUES (?, ?, 0, ?)",
                accountId,
                primaryId,
                at.toString()));
    }

    @Override
    public boolean unlink(long accountId) {
        return db.write(c -> Rows.update(c, "DELETE FROM account_links WHERE account_id = ?", accountId)) > 0;
    }

    @Override
    public void digestTo(long primaryId, Optional<Long> accountId) {
        db.write(c -> {
            Rows.update(
                    c, "UPDATE account_links SET digest_here = 0 WHERE primary_id = ? AND digest_here = 1", primaryId);
            return accountId.isEmpty()
                    ? 0
                    : Rows.update(
                            c,
                            "UPDATE account_links SET digest_here = 1 WHERE primary_id = ? AND account_id = ?",
                            primaryId,
                            accountId.get());
        });
    }

    @Override
    public void saveCode(String codeHash, long userId, Instant expiresAt, Instant at) {
        db.write(c -> {
            Rows.update(
                    c,
                    "DELETE FROM link_codes WHERE user_id = ? OR expires_at < ?",
                    userId,
                    SortableTime.of(at.minus(KEEP_EXPIRED)));
            return Rows.update(
                    c,
                    "INSERT INTO link_codes (code_hash, user_id, expires_at, created_at) VALUES (?, ?, ?, ?)",
                    codeHash,
                    userId,
                    SortableTime.of(expiresAt),
                    SortableTime.of(at));
        });
    }

    @Override
    public Optional<Code> code(String codeHash) {
        return db.read(c -> Rows.one(
                c,
                "SELECT user_id, expires_at, used_at FROM link_codes WHERE code_hash = ?",
                rs -> new Code(
                        rs.getLong("user_id"),
                        Rows.instant(rs, "expires_at"),
                        optionalString(rs, "used_at").map(Instant::parse)),
                codeHash));
    }

    @Override
    public boolean useCode(String codeHash, Instant at) {
        return db.write(c -> Rows.update(
                        c,
                        "UPDATE link_codes SET used_at = ? WHERE code_hash = ? AND used_at IS NULL",
                        SortableTime.of(at),
                        codeHash))
                == 1;
    }

    @Override
    public void failedAttempt(long accountId, Instant at, Instant forgetBefore) {
        db.write(c -> {
            Rows.update(
                    c,
                    "DELETE FROM link_attempts WHERE account_id = ? AND attempted_at < ?",
                    accountId,
                    SortableTime.of(forgetBefore));
            return Rows.update(
                    c,
                    "INSERT INTO link_attempts (account_id, attempted_at) VALUES (?, ?)",
                    accountId,
                    SortableTime.of(at));
        });
    }

    @Override
    public List<Instant> failedAttempts(long accountId, Instant since) {
        return db.read(c -> Rows.list(
                c,
                "SELECT attempted_at FROM link_attempts WHERE account_id = ? AND attempted_at > ?"
                        + " ORDER BY attempted_at",
                rs -> Rows.instant(rs, "attempted_at"),
                accountId,
                SortableTime.of(since)));
    }
}
