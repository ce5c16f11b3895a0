package dev.rapport.app;

import dev.rapport.core.exchange.CalendarFeed;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP route of private calendar feeds, {@code GET /calendar/<token>.ics}, free of any HTTP server: the front
 * that mounts it passes the method and path and writes back the status, type and body. Every miss is the same 404.
 */
public final class CalendarRoute {
    public static final String PREFIX = "/calendar/";
    private static final Pattern PATH = Pattern.compile("/calendar/([^/]{1,100})\\.ics");

    private final CalendarFeed feed;

    public CalendarRoute(CalendarFeed feed) {
        this.feed = feed;
    }

    /** What to answer. */
    public record Response(int status, String contentType, String body) {}

    public Response handle(String method, String path) {
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return new Response(405, "text/plain; charset=utf-8", "Method not allowed\n");
        }
        Matcher m = PATH.matcher(path == null ? "" : path);
        Optional<String> ics = m.matches() ? feed.ics(m.group(1)) : Optional.empty();
        return ics.map(body -> new Response(200, "text/calendar; charset=utf-8", body))
                .orElseGet(() -> new Response(404, "text/plain; charset=utf-8", "Not found\n"));
    }
}
