package dev.rapport.core.port;

import dev.rapport.core.domain.Intro;
import dev.rapport.core.domain.UserKey;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Introductions posted in channels and the introducers' check-ins. Check-ins are scoped by the introducer. */
public interface IntroStore {
    /** Stores a new intro and returns it with its id. */
    Intro create(Intro intro);

    Optional<Intro> byId(long introId);

    /** Intros naming this person that have not yet become a contact in their own list. */
    List<Intro> waitingFor(UserKey person);

    /** Marks that the person has found the intro's other person as a contact. */
    void markFound(long introId, String platformUserId, Instant at);

    /** The introducer's open check-ins due on or before the date, oldest first. */
    List<Intro> checkInsDue(long introducerId, LocalDate date);

    /** Answers (or moves) one of the introducer's check-ins. */
    void updateCheckIn(long introducerId, long introId, Intro.CheckIn state, LocalDate on);
}
