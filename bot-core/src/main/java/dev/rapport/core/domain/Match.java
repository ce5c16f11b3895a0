package dev.rapport.core.domain;

import java.time.Instant;
import java.util.Optional;

/** One person's place in a round: their group (pair or trio) and their answer to "Did you meet?". */
public record Match(
        long id, long roundId, ChannelKey channel, Instant ranAt, int group, Person person, Optional<Answer> answer) {

    /** The answer to "Did you meet?". */
    public enum Answer {
        MET,
        NOT_YET,
        SKIPPED
    }
}
