package dev.rapport.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One short line per refused request, at most {@code perMinute} a minute (the rest are counted and reported with
 * the next line), with every value cut short and stripped of anything but plain characters, so a flood of bad
 * requests can neither grow the log nor write a line of its own.
 */
public final class RefusalLog {
    private static final Logger log = LoggerFactory.getLogger(RefusalLog.class);
    private static final int MAX_VALUE = 80;

    private final Clock clock;
    private final int perMinute;
    private Instant windowStart = Instant.EPOCH;
    private int inWindow;
    private long suppressed;

    public RefusalLog(Clock clock, int perMinute) {
        this.clock = clock;
        this.perMinute = perMinute;
    }

    /** Logs the refusal unless the minute's lines are used up; returns whether a line was written. */
    public synchronized boolean refused(String method, String path, String remote, int status, String reason) {
        Instant now = clock.instant();
        if (Duration.between(windowStart, now).compareTo(Duration.ofMinutes(1)) >= 0) {
            windowStart = now;
            inWindow = 0;
        }
        if (inWindow >= perMinute) {
            suppressed++;
            return false;
        }
        inWindow++;
        String more = suppressed > 0 ? " (" + suppressed + " more not logged)" : "";
        suppressed = 0;
        log.warn(
                "Refused {} {} from {}: {} {}{}",
                clean(method),
                clean(path),
                clean(remote),
                status,
                clean(reason),
                more);
        return true;
    }

    /** Plain printable ASCII only, cut to a short length. */
    static String clean(String value) {
        if (value == null) {
            return "-";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length() && out.length() < MAX_VALUE; i++) {
            char c = value.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return value.length() > MAX_VALUE ? out + "…" : out.toString();
    }
}
