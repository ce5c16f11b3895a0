package dev.rapport.core.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One introduction posted in a channel: who introduced whom and why (all of it public, since it was posted), and
 * the introducer's check-in: due on a date, then answered.
 */
public record Intro(
        long id,
        ChannelKey channel,
        long introducerId,
        String introducerName,
        Person a,
        Person b,
        String why,
        Instant createdAt,
        LocalDate checkInOn,
        CheckIn checkIn) {

    /** The introducer's check-in: still to ask, or answered. */
    public enum CheckIn {
        OPEN,
        CONNECTED,
        DROPPED
    }

    /** The other person of the intro, when {@code platformUserId} is a or b. */
    public Optional<Person> partnerOf(String platformUserId) {
        if (a.platformUserId().equals(platformUserId)) {
            return Optional.of(b);
        }
        if (b.platformUserId().equals(platformUserId)) {
            return Optional.of(a);
        }
        return Optional.empty();
    }
}
