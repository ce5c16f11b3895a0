package dev.rapport.core.digest;

import java.time.LocalDate;
import java.util.List;

/** What one user's digest holds on one local date: at most their maximum of items, and how many more wait. */
public record Digest(long userId, LocalDate date, List<DigestItem> items, int more) {
    public Digest {
        items = List.copyOf(items);
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }
}
