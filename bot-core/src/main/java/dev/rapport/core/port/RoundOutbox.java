package dev.rapport.core.port;

import dev.rapport.core.domain.RoundDm;
import java.time.Instant;
import java.util.List;

/** Direct messages of pairing rounds waiting to go out: one per person, round and kind, so none goes out twice. */
public interface RoundOutbox extends OutboxMarks {
    /** Schedules the message; scheduling it again changes nothing. */
    void schedule(long matchId, RoundDm.Kind kind, Instant dueAt);

    /**
     * Takes messages due at or before {@code now} and not yet sent or closed, oldest first, under {@code lease}:
     * messages another holder leases beyond {@code now} are left to it, those whose lease ran out are taken over.
     */
    List<RoundDm> due(Instant now, Lease lease, int limit);
}
