package dev.rapport.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.QueryStringParser;
import com.slack.api.bolt.util.SlackRequestParser;
import dev.rapport.http.HttpAnswer;
import dev.rapport.http.HttpRequest;
import dev.rapport.http.Route;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /slack/install} and {@code GET /slack/oauth_redirect} on the HTTP front: a browser's request, handed to
 * Bolt's own OAuth processing (install page and state cookie; state check, {@code oauth.v2.access}, success or
 * failure page). The answers are never cached, never framed, and send no referrer onwards (the redirect's address
 * carries the code).
 */
final class SlackOAuthRoute implements Route {
    private static final Map<String, List<String>> PAGE_HEADERS = Map.of(
            "Cache-Control", List.of("no-store"),
            "Referrer-Policy", List.of("no-referrer"),
            "X-Content-Type-Options", List.of("nosniff"),
            "Content-Security-Policy",
                    List.of("default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'"));

    private final App app;
    private final SlackRequestParser parser;

    SlackOAuthRoute(App app) {
        this.app = app;
        this.parser = new SlackRequestParser(app.config());
    }

    @Override
    public HttpAnswer serve(HttpRequest request) throws Exception {
        if (!"GET".equals(request.method())) {
            return HttpAnswer.refused(405, "GET only");
        }
        Request<?> parsed = parser.parse(SlackRequestParser.HttpRequest.builder()
                .requestUri(request.path())
                .queryString(QueryStringParser.toMap(request.query()))
                .headers(new RequestHeaders(new HashMap<>(request.headers())))
                .requestBody("")
                .remoteAddress(request.remote())
                .build());
        if (parsed == null) {
            return HttpAnswer.refused(404, "no such page");
        }
        Response response = app.run(parsed);
        Map<String, List<String>> headers = new LinkedHashMap<>(PAGE_HEADERS);
        if (response.getHeaders() != null) {
            headers.putAll(response.getHeaders());
        }
        return HttpAnswer.of(response.getStatusCode(), response.getContentType(), response.getBody())
                .withHeaders(headers);
    }
}
