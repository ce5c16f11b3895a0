package dev.rapport.core.port;

import java.time.Instant;

/**
 * What an outbox records about delivering one of its messages. The digest outbox and the rounds' outbox keep the
 * same marks, so one delivery mechanism serves both.
 */
public interface OutboxMarks {
    /**
     * Records, in its own commit, that the message is about to be handed to the platform: after a crash, a message
     * with this mark may already have arrived, and the platform is asked before it is sent again. The mark is made
     * only while {@code lease}'s holder still holds the message (it renews the lease to {@code lease.until()});
     * false means another instance took it over, and this one must not send it.
     */
    boolean sending(long entryId, Instant at, Lease lease);

    /** Lets go of a message {@code holder} took but did not try (its platform is paused): any instance may take it. */
    void release(long entryId, String holder);

    /** The message reached the platform. This and the marks below also release the message's lease. */
    void sent(long entryId, Instant at);

    /** One failed attempt; the message is tried again from {@code nextAttempt}, and the sending mark is cleared. */
    void retryAt(long entryId, Instant nextAttempt, String error);

    /** The person cannot be messaged: the message is closed and never tried again. */
    void unreachable(long entryId, String reason, Instant at);
}
