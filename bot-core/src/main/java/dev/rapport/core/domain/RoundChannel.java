package dev.rapport.core.domain;

import java.time.Instant;
import java.util.Optional;

/** A channel's pairing rounds: on or off, how often, revisit mode, and when the next round starts. */
public record RoundChannel(
        long id, ChannelKey key, boolean on, int everyWeeks, boolean revisit, Optional<Instant> nextRoundAt) {
    public static final int DEFAULT_WEEKS = 2;
    public static final int MAX_WEEKS = 12;
}
