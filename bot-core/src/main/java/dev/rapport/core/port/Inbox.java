package dev.rapport.core.port;

import dev.rapport.core.domain.UserKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Every command, button press and modal submission, written down before the platform is told it arrived, so that
 * nothing acknowledged is lost and nothing is run twice. A row is keyed by the platform's own id of the request
 * (a replay or a platform retry of it is the same key); rows of one user run one at a time, oldest first, while
 * different users run in parallel.
 */
public interface Inbox {

    /** Writes the request down unless one with the same key is there; true when it is new. */
    boolean append(Request request);

    /**
     * Leases up to {@code limit} pending rows until {@code now + lease}, oldest first, and at most one per user: a
     * row is taken only when nobody holds it and no older row of its user is pending or still being answered (ran,
     * under a live lease), so one user's requests run and are answered in the order they came.
     */
    List<Row> claim(Instant now, Duration lease, int limit);

    /** The row's request ran; called in the request's own transaction, so a crash never runs it twice. */
    void ran(long id, Instant at);

    /** The reply reached the user. */
    void answered(long id, Instant at);

    /** The row cannot run any more (its reply channel expired before it could): its user is told instead. */
    void expired(long id, Instant at);

    /**
     * Voids every lease: called once at start by the only process that works this inbox, so that rows a crashed
     * process held run at once rather than when their lease runs out. Returns how many were released.
     */
    int releaseLeases();

    /**
     * Rows of a user they have not been told about and should be: expired ones, and ones that ran but whose answer
     * was lost (ran, not answered, and nobody holds them any more).
     */
    List<Row> untold(UserKey user, Instant now);

    /** The user was told about the row. */
    void told(long id, Instant at);

    /** Rows not run yet, oldest first, for operators and the crash harness. */
    List<Row> pending();

    /** The row with this key, if any. */
    Optional<Row> find(String key);

    /** Where a row is in its life. */
    enum State {
        PENDING,
        RAN,
        ANSWERED,
        EXPIRED
    }

    /**
     * What arrived: its key (platform + the platform's id), whose it is, the request serialised by core, and the
     * channel its answer goes back through (opaque to core) with the time that channel stops working.
     */
    record Request(String key, UserKey user, String payload, String replyTo, Instant replyUntil, Instant receivedAt) {}

    /** One row of the inbox. */
    record Row(
            long id,
            String key,
            UserKey user,
            String payload,
            String replyTo,
            Instant replyUntil,
            Instant receivedAt,
            State state,
            int attempts) {}
}
