package dev.rapport.core.port;

import dev.rapport.core.domain.FollowUp;
import dev.rapport.core.domain.FollowUpStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Follow-ups. Every method is scoped by the owner's id; at most one follow-up per contact is open. */
public interface FollowUpStore {
    Optional<FollowUp> open(long ownerId, long contactId);

    /** Schedules the contact's open follow-up, moving it if one is already open. */
    FollowUp schedule(long ownerId, long contactId, LocalDate dueOn, Optional<String> reason, Instant now);

    void close(long ownerId, long followUpId, FollowUpStatus status, Instant at);

    /** Moves every closed follow-up of one contact to another (a merge); an open one must be closed first. */
    int moveClosed(long ownerId, long fromContactId, long toContactId);

    /** Open follow-ups due on or before the date, oldest due first. */
    List<FollowUp> openDueBy(long ownerId, LocalDate date);
}
