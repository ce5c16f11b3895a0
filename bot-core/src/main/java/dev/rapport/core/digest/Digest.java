package dev.rapport.core.digest;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * What one user's digest holds on one local date: the people (follow-ups, then lapsed rhythms), the intro check-ins
 * that go between them, together at most the user's maximum, and how many more wait.
 */
public record Digest(
        long userId, LocalDate date, ZoneId zone, List<DigestItem> items, List<IntroCheckIn> checkIns, int more) {
    public Digest {
        items = List.copyOf(items);
        checkIns = List.copyOf(checkIns);
    }

    public boolean isEmpty() {
        return items.isEmpty() && checkIns.isEmpty();
    }

    /** How many things the digest shows. */
    public int shown() {
        return items.size() + checkIns.size();
    }
}
