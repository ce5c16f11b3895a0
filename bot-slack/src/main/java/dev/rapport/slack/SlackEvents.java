package dev.rapport.slack;

import com.google.gson.JsonParser;
import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.QueryStringParser;
import com.slack.api.bolt.util.SlackRequestParser;
import dev.rapport.http.HttpAnswer;
import dev.rapport.http.HttpRequest;
import dev.rapport.http.Route;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code POST /slack/events} on the HTTP front. Slack's v0 signature (an HMAC of the raw body) and its timestamp
 * (within five minutes either way) are checked before anything reads the body; only then is it parsed (a malformed
 * {@code payload=} is a 400) and handed to Bolt. A refusal says why in one short line and never shows the body.
 */
final class SlackEvents implements Route {
    static final String PATH = "/slack/events";
    static final Duration SKEW = Duration.ofMinutes(5);

    private final App app;
    private final SlackRequestParser parser;
    private final byte[] secret;
    private final Clock clock;

    SlackEvents(App app, String signingSecret, Clock clock) {
        this.app = app;
        this.parser = new SlackRequestParser(app.config());
        this.secret = signingSecret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    @Override
    public HttpAnswer serve(HttpRequest request) throws Exception {
        if (!"POST".equals(request.method())) {
            return HttpAnswer.refused(405, "POST only");
        }
        Optional<String> refusal = unsigned(request);
        if (refusal.isPresent()) {
            return HttpAnswer.refused(401, refusal.get());
        }
        String body = request.bodyText();
        if (!wellFormed(request, body)) {
            return HttpAnswer.refused(400, "malformed payload");
        }
        Map<String, List<String>> headers = new HashMap<>(request.headers());
        Request<?> parsed;
        try {
            parsed = parser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri(request.path())
                    .queryString(QueryStringParser.toMap(request.query()))
                    .headers(new RequestHeaders(headers))
                    .requestBody(body)
                    .remoteAddress(request.remote())
                    .build());
        } catch (RuntimeException e) {
            return HttpAnswer.refused(400, "malformed payload");
        }
        if (parsed == null) {
            return HttpAnswer.refused(400, "not a Slack request");
        }
        Response response = app.run(parsed);
        return HttpAnswer.of(response.getStatusCode(), response.getContentType(), response.getBody())
                .withHeaders(response.getHeaders());
    }

    /** Why the request is not Slack's, or empty when its signature and timestamp hold. */
    Optional<String> unsigned(HttpRequest request) {
        Optional<String> timestamp = request.header("X-Slack-Request-Timestamp");
        Optional<String> signature = request.header("X-Slack-Signature");
        if (timestamp.isEmpty() || signature.isEmpty()) {
            return Optional.of("unsigned");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.get().strip());
        } catch (NumberFormatException e) {
            return Optional.of("bad timestamp");
        }
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - seconds) > SKEW.toSeconds()) {
            return Optional.of("timestamp outside 5 minutes");
        }
        byte[] expected = ("v0=" + hmac(timestamp.get().strip(), request.body())).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signature.get().strip().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? Optional.empty() : Optional.of("bad signature");
    }

    private String hmac(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is missing", e);
        }
    }

    /** A form's {@code payload=} must be JSON, and a JSON body must parse; Bolt is never handed anything else. */
    private static boolean wellFormed(HttpRequest request, String body) {
        String type = request.header("Content-Type").orElse("");
        try {
            if (type.startsWith("application/json")) {
                JsonParser.parseString(body).getAsJsonObject();
            } else if (body.startsWith("payload=")) {
                String payload = URLDecoder.decode(body.substring("payload=".length()), StandardCharsets.UTF_8);
                JsonParser.parseString(payload).getAsJsonObject();
            } else {
                for (String pair : body.split("&")) {
                    URLDecoder.decode(pair, StandardCharsets.UTF_8);
                }
            }
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
