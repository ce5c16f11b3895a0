package dev.rapport.core.port;

import dev.rapport.core.domain.Claim;
import java.time.Instant;

/**
 * What an outbox records about delivering one of its messages. The digest outbox and the rounds' outbox keep the
 * same marks, so one delivery mechanism serves both. Every mark names the {@link Claim} it is made under and applies
 * only while the message is still that claim's: an instance that lost its lease (it was slow, and another instance
 * took the message over) changes nothing with a late mark, and is told so by {@code false}.
 */
public interface OutboxMarks {
    /**
     * Records, in its own commit, that the message is about to be handed to the platform: after a crash, a message
     * with this mark may already have arrived, and the platform is asked before it is sent again. The mark is made
     * only while {@code claim} still holds the message (it renews the lease to {@code leaseUntil}); false means
     * another instance took it over, and this one must not send it.
     */
    boolean sending(Claim claim, Instant at, Instant leaseUntil);

    /** Lets go of a message the claim took but did not try (its platform is paused): any instance may take it. */
    void release(Claim claim);

    /**
     * The message reached the platform. This and the marks below also release the message's lease; each is false,
     * changing nothing, when the message is no longer {@code claim}'s.
     */
    boolean sent(Claim claim, Instant at);

    /** One failed attempt; the message is tried again from {@code nextAttempt}, and the sending mark is cleared. */
    boolean retryAt(Claim claim, Instant nextAttempt, String error);

    /** The person cannot be messaged: the message is closed and never tried again. */
    boolean unreachable(Claim claim, String reason, Instant at);
}
