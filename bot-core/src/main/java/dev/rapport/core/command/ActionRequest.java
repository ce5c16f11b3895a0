package dev.rapport.core.command;

import java.util.Optional;

/** A button press or modal submission: the action id of a {@link Button} and, for prompts, the text entered. */
public record ActionRequest(Requester from, Optional<String> channelId, String actionId, Optional<String> input) {
    public static ActionRequest of(Requester from, String actionId) {
        return new ActionRequest(from, Optional.empty(), actionId, Optional.empty());
    }

    public static ActionRequest withInput(Requester from, String actionId, String input) {
        return new ActionRequest(from, Optional.empty(), actionId, Optional.of(input));
    }
}
