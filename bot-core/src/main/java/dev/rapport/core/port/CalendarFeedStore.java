package dev.rapport.core.port;

import java.time.Instant;
import java.util.Optional;

/** Each user's private calendar feed, known only by the hash of its secret token. */
public interface CalendarFeedStore {
    /** Sets (or replaces) the owner's token hash. */
    void put(long ownerId, String tokenHash, Instant at);

    /** The owner whose token has this hash. */
    Optional<Long> ownerOf(String tokenHash);

    boolean has(long ownerId);

    /** Revokes the owner's feed; true if there was one. */
    boolean delete(long ownerId);
}
