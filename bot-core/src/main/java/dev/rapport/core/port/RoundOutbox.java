package dev.rapport.core.port;

import dev.rapport.core.intro.RoundDm;
import java.time.Instant;
import java.util.List;

/** Direct messages of pairing rounds waiting to go out: one per person, round and kind, so none goes out twice. */
public interface RoundOutbox {
    /** Schedules the message; scheduling it again changes nothing. */
    void schedule(long matchId, RoundDm.Kind kind, Instant dueAt);

    /** Messages due at or before {@code now} and not yet sent, oldest first. */
    List<RoundDm> due(Instant now, int limit);

    void sent(long dmId, Instant at);

    void retryAt(long dmId, Instant at, String reason);

    /** The person cannot be messaged: give up on this message. */
    void unreachable(long dmId, String reason);
}
