package dev.rapport.core.domain;

import java.time.Instant;

/**
 * A direct message of a round waiting to go out: the pairing, or a week later the check-in. {@code maybeSent}: an
 * earlier attempt was handed to the platform and never came back (a crash between send and mark). {@code claim}: the
 * take that handed it to this instance, under which it is marked.
 */
public record RoundDm(long id, long matchId, Kind kind, Instant dueAt, int attempts, boolean maybeSent, Claim claim) {

    /** Which message. */
    public enum Kind {
        PAIRING,
        CHECK_IN
    }
}
