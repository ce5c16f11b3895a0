package dev.rapport.slack;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import dev.rapport.core.reply.Button;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a core {@link Button} travels through Slack. Slack wants action ids unique within a message, so the Slack
 * action id is "rapport.&lt;n&gt;"; the button's value carries core's action id unchanged. Whether a click opens a
 * modal first is core's answer ({@code promptFor}) when it comes back, so nothing about the button is kept here.
 */
final class ButtonCodec {
    /** Every Rapport button; "rapport-ask." is how buttons that asked for text were written before. */
    static final Pattern RAPPORT = Pattern.compile("^rapport(-ask)?\\.\\d+(\\..*)?$");

    private static final Gson GSON = new Gson();

    private ButtonCodec() {}

    static String actionId(int index, Button button) {
        return "rapport." + index;
    }

    static String value(Button button) {
        return button.actionId();
    }

    /** Core's action id from a clicked button's value (older buttons carried it inside a JSON object). */
    static Optional<String> coreActionId(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        if (!value.startsWith("{")) {
            return Optional.of(value);
        }
        try {
            JsonObject object = GSON.fromJson(value, JsonObject.class);
            return object != null
                            && object.has("actionId")
                            && object.get("actionId").isJsonPrimitive()
                    ? Optional.of(object.get("actionId").getAsString())
                    : Optional.empty();
        } catch (JsonParseException | IllegalStateException e) {
            return Optional.empty();
        }
    }
}
