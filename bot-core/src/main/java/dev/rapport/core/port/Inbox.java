package dev.rapport.core.port;

import dev.rapport.core.domain.UserKey;
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
     * Leases up to {@code limit} pending rows to {@code lease}'s holder until {@code lease.until()}, oldest first, and
     * at most one per user: a row is taken only when nobody holds it at {@code now} (never held, released, or its
     * lease ran out: its holder died or stalled, and it is taken over) and no older row of its user is pending or
     * still being answered (ran, under a live lease), so one user's requests run and are answered in the order they
     * came. Each claim counts one more attempt; the returned rows carry their holder and that count.
     */
    List<Row> claim(Instant now, Lease lease, int limit);

    /**
     * Extends the claim on a row to {@code until}, so a request that takes long is not taken over while it runs; true
     * while this claim holds the row, false (changing nothing) when it was taken over, and the request must not run.
     */
    boolean renew(Row claimed, Instant until);

    /**
     * The row's request ran; called in the request's own transaction, so a crash never runs it twice. True while this
     * claim holds the row (marking it again under the same claim is harmless); false, changing nothing, when it was
     * taken over or finished by another claim: the caller then rolls its request back and does not answer it.
     */
    boolean ran(Row claimed, Instant at);

    /** The reply reached the user; false, changing nothing, when this claim no longer holds the row. */
    boolean answered(Row claimed, Instant at);

    /**
     * The row cannot run any more (its reply channel expired before it could): its user is told instead. False,
     * changing nothing, when this claim no longer holds the row.
     */
    boolean expired(Row claimed, Instant at);

    /**
     * Voids the leases {@code holder} took: called once at start by an instance that keeps its name across restarts,
     * so that rows its earlier process held run at once rather than when their lease runs out. Rows other instances
     * hold are left to them (until their lease runs out). Returns how many were released.
     */
    int releaseLeases(String holder);

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

    /**
     * One row of the inbox. {@code holder} is the instance that claimed it last, if any; with {@code attempts} it names
     * one claim, since every later claim counts another attempt, so a worker whose row was taken over (by another
     * instance, or by another worker of its own after its lease ran out) can no longer mark it.
     */
    record Row(
            long id,
            String key,
            UserKey user,
            String payload,
            String replyTo,
            Instant replyUntil,
            Instant receivedAt,
            State state,
            int attempts,
            Optional<String> holder) {}
}
