package dev.rapport.core.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One person's accounts on several platforms joined into one: each linked account points at the primary account,
 * whose id owns the circle, the settings and the digest. Also the one-time codes that join them, known only by
 * their hash, and the wrong attempts that limit how often an account may try one.
 */
public interface AccountLinks {
    /** The primary account this account is linked to, if it is linked. */
    Optional<Long> primaryOf(long accountId);

    /** The accounts linked to a primary, oldest link first. */
    List<Linked> linkedTo(long primaryId);

    /** Links an account (linked to nothing, with nothing linked to it) to a primary. */
    void link(long accountId, long primaryId, Instant at);

    /** Unlinks an account from its primary; true if it was linked. */
    boolean unlink(long accountId);

    /** Sends the primary's digest to one of its linked accounts, or (empty) to the primary itself. */
    void digestTo(long primaryId, Optional<Long> accountId);

    /** Keeps a new code for its user, replacing any code the user made before. */
    void saveCode(String codeHash, long userId, Instant expiresAt, Instant at);

    /** The code with this hash, used or not, expired or not. */
    Optional<Code> code(String codeHash);

    /** Uses the code up; false if it was used already. */
    boolean useCode(String codeHash, Instant at);

    /** Records a refused code entered by an account; its attempts before {@code forgetBefore} are dropped. */
    void failedAttempt(long accountId, Instant at, Instant forgetBefore);

    /** When the account entered refused codes after {@code since}, oldest first. */
    List<Instant> failedAttempts(long accountId, Instant since);

    /** An account linked to a primary, and whether the primary's digest goes to it. */
    record Linked(long accountId, boolean digestHere, Instant linkedAt) {}

    /** A one-time code: whose it is, until when it holds, and when it was used. */
    record Code(long userId, Instant expiresAt, Optional<Instant> usedAt) {}
}
