package dev.rapport.core.api;

import java.util.List;

/** Files a message, or what one knows, as a note about a person, through a form core words (issue 12). */
public interface CaptureHandler {
    /** The form for a capture, or why there is none. */
    CaptureOpening open(CaptureStart start);

    /** Saves a submitted form, or refuses it with a reason per field; a refusal must change nothing. */
    Captured save(Invocation invocation, Capture capture);

    /**
     * The names a form's name field offers: {@code fitting} (the user's own contacts that fit what is typed), then
     * what is typed itself when it is a name no contact has yet; at most {@code limit}.
     */
    List<String> names(List<String> fitting, String typed, int limit);
}
