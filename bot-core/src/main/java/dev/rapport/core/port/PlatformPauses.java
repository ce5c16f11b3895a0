package dev.rapport.core.port;

import java.time.Instant;
import java.util.Optional;

/**
 * Platforms that asked Rapport to wait (a rate limit with Retry-After): nothing goes to one until its pause ends. A
 * store keeps them in its database, so that one instance's rate limit holds for every instance.
 */
public interface PlatformPauses {
    /** When the platform's pause ends, if it is paused at all. */
    Optional<Instant> pausedUntil(String platform);

    /** Pauses the platform until {@code until}; an earlier end than one already set changes nothing. */
    void pause(String platform, Instant until);
}
