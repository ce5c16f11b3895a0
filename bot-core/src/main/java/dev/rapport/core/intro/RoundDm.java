package dev.rapport.core.intro;

import java.time.Instant;

/** A direct message of a round waiting to go out: the pairing, or a week later the check-in. */
public record RoundDm(long id, long matchId, Kind kind, Instant dueAt, int attempts) {

    /** Which message. */
    public enum Kind {
        PAIRING,
        CHECK_IN
    }
}
