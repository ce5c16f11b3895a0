package dev.rapport.core.port;

import java.time.Instant;

/**
 * The OAuth states of installs under way, known only by their hash: each was handed to one browser, lives until
 * {@code expiresAt}, and is used once. Kept in the database, so any instance may finish an install another began.
 */
public interface InstallStateStore {

    /** Records a state; states whose time ran out by {@code now} are deleted on the way. */
    void issue(String stateHash, Instant expiresAt, Instant now);

    /** Whether the state was issued and has not expired by {@code now} nor been used. */
    boolean valid(String stateHash, Instant now);

    /** Uses the state up; true if it was there. */
    boolean consume(String stateHash);
}
