package dev.rapport.store.postgres;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Instants as UTC text with fixed milliseconds, so that comparing the text compares the times. */
final class SortableTime {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private SortableTime() {}

    static String of(Instant instant) {
        return FORMAT.format(instant);
    }
}
