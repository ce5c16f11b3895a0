package dev.rapport.core.port;

import java.time.Instant;

/**
 * A hold on outbox rows or a job by one Rapport instance ({@code holder}) until {@code until}. Several instances on one
 * database each take their own rows; a row whose lease ran out (its holder died) may be taken by another instance,
 * which then asks the platform whether the message already arrived before sending it again.
 */
public record Lease(String holder, Instant until) {
    public Lease {
        if (holder == null || holder.isBlank()) {
            throw new IllegalArgumentException("A lease needs a holder");
        }
        if (until == null) {
            throw new IllegalArgumentException("A lease needs an end");
        }
    }
}
