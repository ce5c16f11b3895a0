package dev.rapport.core.port;

import java.time.Duration;

/**
 * What core tells an operator's metrics about its work: commands by name and outcome with their latency, and what
 * became of each outbox message. It carries names and counts only, never a user's text or a platform id. The
 * default does nothing, so tests and the console need none.
 */
public interface Telemetry {
    Telemetry NONE = new Telemetry() {};

    /** How a command or button ended. */
    enum Outcome {
        /** Answered normally. */
        OK,
        /** Answered with a reason (bad input, unknown name): nothing was changed. */
        REFUSED,
        /** Failed inside Rapport: the user saw "something went wrong". */
        FAILED
    }

    /** A command ({@code "/remember"}) or {@code "button"} was handled. */
    default void handled(String command, Outcome outcome, Duration took) {}

    /** An outbox message of a kind ({@code "digest"}, {@code "round"}) was sent, retried or found unreachable. */
    default void delivered(String kind, String platform, String outcome) {}

    /** A platform answered with a rate limit and asked to wait. */
    default void rateLimited(String platform, Duration wait) {}
}
