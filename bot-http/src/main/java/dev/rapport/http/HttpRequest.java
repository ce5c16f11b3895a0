package dev.rapport.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A request as a route sees it: method, path, raw query, headers (names lower-cased), the raw body (never more
 * than the front's limit) and the peer's address.
 */
public record HttpRequest(
        String method, String path, String query, Map<String, List<String>> headers, byte[] body, String remote) {
    public HttpRequest {
        headers = Map.copyOf(headers);
        query = query == null ? "" : query;
    }

    /** The first value of a header, by any case of its name. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
