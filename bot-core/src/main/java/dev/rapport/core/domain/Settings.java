package dev.rapport.core.domain;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

/** A user's preferences: time zone, when the digest comes, pauses, how many items, "ask me about" topics. */
public record Settings(
        ZoneId zone,
        boolean zoneChosen,
        LocalTime digestTime,
        DigestDays digestDays,
        Optional<LocalDate> pausedUntil,
        int maxItems,
        String aboutTopics) {

    public static final LocalTime DEFAULT_DIGEST_TIME = LocalTime.of(9, 0);
    public static final int DEFAULT_MAX_ITEMS = 5;
    public static final int MAX_ITEMS_LIMIT = 20;

    public static Settings defaults(ZoneId zone, boolean zoneChosen) {
        return new Settings(
                zone, zoneChosen, DEFAULT_DIGEST_TIME, DigestDays.EVERYDAY, Optional.empty(), DEFAULT_MAX_ITEMS, "");
    }

    /** Paused through the given local date, inclusive. */
    public boolean pausedOn(LocalDate date) {
        return pausedUntil.map(until -> !date.isAfter(until)).orElse(false);
    }

    public Settings withZone(ZoneId newZone) {
        return new Settings(newZone, true, digestTime, digestDays, pausedUntil, maxItems, aboutTopics);
    }

    public Settings withDigestTime(LocalTime time) {
        return new Settings(zone, zoneChosen, time, digestDays, pausedUntil, maxItems, aboutTopics);
    }

    public Settings withDigestDays(DigestDays days) {
        return new Settings(zone, zoneChosen, digestTime, days, pausedUntil, maxItems, aboutTopics);
    }

    public Settings withPausedUntil(Optional<LocalDate> until) {
        return new Settings(zone, zoneChosen, digestTime, digestDays, until, maxItems, aboutTopics);
    }

    public Settings withMaxItems(int max) {
        return new Settings(zone, zoneChosen, digestTime, digestDays, pausedUntil, max, aboutTopics);
    }

    public Settings withAboutTopics(String topics) {
        return new Settings(zone, zoneChosen, digestTime, digestDays, pausedUntil, maxItems, topics);
    }
}
