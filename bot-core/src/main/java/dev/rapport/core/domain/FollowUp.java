package dev.rapport.core.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** A dated reminder to get back in touch with a contact. At most one is open per contact. */
public record FollowUp(
        long id,
        long ownerId,
        long contactId,
        LocalDate dueOn,
        Optional<String> reason,
        FollowUpStatus status,
        Instant createdAt) {

    public boolean overdueOn(LocalDate date) {
        return dueOn.isBefore(date);
    }
}
