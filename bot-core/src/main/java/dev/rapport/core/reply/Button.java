package dev.rapport.core.reply;

import dev.rapport.core.api.ActionRequest;
import java.util.Objects;
import java.util.Optional;

/**
 * A choice offered with a reply. {@code actionId} comes back in an {@link ActionRequest} (at most 100 characters,
 * Discord's limit); {@code command} is the same choice as a typed command, for text-only adapters.
 */
public record Button(String label, String actionId, String command, Style style, Optional<Prompt> prompt) {
    public static final int MAX_ACTION_ID = 100;

    public Button {
        Objects.requireNonNull(label);
        Objects.requireNonNull(command);
        if (actionId.length() > MAX_ACTION_ID) {
            throw new IllegalArgumentException("action id longer than " + MAX_ACTION_ID + ": " + actionId);
        }
    }

    public static Button of(String label, String actionId, String command) {
        return new Button(label, actionId, command, Style.DEFAULT, Optional.empty());
    }

    public Button styled(Style newStyle) {
        return new Button(label, actionId, command, newStyle, prompt);
    }

    public Button prompting(Prompt newPrompt) {
        return new Button(label, actionId, command, style, Optional.of(newPrompt));
    }

    /** How prominent a button is. */
    public enum Style {
        DEFAULT,
        PRIMARY,
        DANGER
    }
}
