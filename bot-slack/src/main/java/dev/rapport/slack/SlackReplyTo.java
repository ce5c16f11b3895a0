package dev.rapport.slack;

import dev.rapport.core.api.Place;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where a Slack request's answer goes, as the inbox keeps it: the response_url (none on the Home tab), the trigger
 * that may open a modal, whether it came from the Home tab, and who and where it was.
 */
record SlackReplyTo(
        Optional<String> responseUrl,
        Optional<String> triggerId,
        boolean fromHome,
        String teamId,
        String userId,
        Place place) {

    String encode() {
        Map<String, String> fields = new LinkedHashMap<>();
        responseUrl.ifPresent(url -> fields.put("r", url));
        triggerId.ifPresent(trigger -> fields.put("t", trigger));
        fields.put("h", fromHome ? "1" : "0");
        fields.put("team", teamId);
        fields.put("user", userId);
        fields.put("pk", place.kind().name());
        place.channelId().ifPresent(id -> fields.put("c", id));
        StringBuilder out = new StringBuilder();
        fields.forEach((name, value) -> out.append(out.length() == 0 ? "" : "&")
                .append(name)
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return out.toString();
    }

    static SlackReplyTo decode(String encoded) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return new SlackReplyTo(
                Optional.ofNullable(fields.get("r")),
                Optional.ofNullable(fields.get("t")),
                "1".equals(fields.get("h")),
                fields.getOrDefault("team", ""),
                fields.getOrDefault("user", ""),
                new Place(
                        Place.Kind.valueOf(fields.getOrDefault("pk", Place.Kind.NONE.name())),
                        Optional.ofNullable(fields.get("c"))));
    }
}
