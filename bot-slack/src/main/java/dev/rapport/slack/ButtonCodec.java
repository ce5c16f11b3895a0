package dev.rapport.slack;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import dev.rapport.core.command.Button;
import dev.rapport.core.command.Prompt;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a core {@link Button} travels through Slack. Slack wants action ids unique within a message, so the action id
 * is "rapport.&lt;n&gt;.&lt;core id&gt;"; the button's value carries the core action id, and for a button that asks
 * for text first, the prompt as well (Slack hands the value back on the click, so no state is kept here).
 */
final class ButtonCodec {
    static final Pattern PLAIN = Pattern.compile("^rapport\\.\\d+\\..*$");
    static final Pattern PROMPTING = Pattern.compile("^rapport-ask\\.\\d+\\..*$");
    private static final int MAX_SLACK_ACTION_ID = 255;
    private static final Gson GSON = new Gson();

    private ButtonCodec() {}

    static String actionId(int index, Button button) {
        String prefix = button.prompt().isPresent() ? "rapport-ask." : "rapport.";
        String id = prefix + index + "." + button.actionId();
        return id.length() <= MAX_SLACK_ACTION_ID ? id : id.substring(0, MAX_SLACK_ACTION_ID);
    }

    static String value(Button button) {
        if (button.prompt().isEmpty()) {
            return button.actionId();
        }
        Prompt prompt = button.prompt().get();
        return GSON.toJson(new Asking(
                button.actionId(),
                prompt.title(),
                Limits.clip(prompt.label(), Limits.INPUT_LABEL),
                Limits.clip(prompt.placeholder(), Limits.PLACEHOLDER),
                prompt.maxLength(),
                prompt.optional()));
    }

    /** The prompt a clicked button asks for, read back from its value. */
    static Optional<Asking> asking(String value) {
        try {
            return Optional.ofNullable(GSON.fromJson(value, Asking.class)).filter(a -> a.actionId() != null);
        } catch (JsonParseException e) {
            return Optional.empty();
        }
    }

    /** A clicked button's core action id and the text input it asks for. */
    record Asking(String actionId, String title, String label, String placeholder, int maxLength, boolean optional) {
        Prompt prompt() {
            return new Prompt(
                    title == null ? "" : title,
                    label == null ? "" : label,
                    placeholder == null ? "" : placeholder,
                    maxLength,
                    optional);
        }
    }
}
