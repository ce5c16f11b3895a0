package dev.rapport.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a route answers: status, content type, body and extra headers. A refusal carries a short reason that the
 * front logs on one line (rate-limited); the request's body is never logged.
 */
public record HttpAnswer(
        int status, String contentType, byte[] body, Map<String, List<String>> headers, Optional<String> refusal) {
    private static final String TEXT = "text/plain; charset=utf-8";

    public HttpAnswer {
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    public static HttpAnswer of(int status, String contentType, String body) {
        return new HttpAnswer(
                status,
                contentType,
                body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8),
                Map.of(),
                Optional.empty());
    }

    public static HttpAnswer text(int status, String body) {
        return of(status, TEXT, body);
    }

    /** A 4xx (or 5xx) with a short body, and a reason for the log line. */
    public static HttpAnswer refused(int status, String reason) {
        return new HttpAnswer(status, TEXT, reason.getBytes(StandardCharsets.UTF_8), Map.of(), Optional.of(reason));
    }

    public HttpAnswer withHeaders(Map<String, List<String>> extra) {
        return new HttpAnswer(status, contentType, body, extra, refusal);
    }
}
