package dev.rapport.core.api;

import java.util.Objects;
import java.util.Optional;

/**
 * A button press or modal submission: where it happened, the button's action id and, for prompts, the text entered.
 */
public record ActionRequest(Requester from, Place place, String actionId, Optional<String> input) {
    public ActionRequest {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(place, "place");
        actionId = actionId == null ? "" : actionId;
        Objects.requireNonNull(input, "input");
    }

    public static ActionRequest of(Requester from, String actionId) {
        return new ActionRequest(from, Place.none(), actionId, Optional.empty());
    }

    public static ActionRequest withInput(Requester from, String actionId, String input) {
        return new ActionRequest(from, Place.none(), actionId, Optional.of(input));
    }

    public ActionRequest in(Place newPlace) {
        return new ActionRequest(from, newPlace, actionId, input);
    }
}
