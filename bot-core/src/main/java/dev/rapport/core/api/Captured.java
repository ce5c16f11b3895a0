package dev.rapport.core.api;

import dev.rapport.core.reply.CaptureForm;
import dev.rapport.core.reply.Reply;
import java.util.Map;

/**
 * The outcome of a capture: the reply, and, when it was refused, a reason per part of the form (for the platform to
 * show beside it). A refused capture changed nothing.
 */
public record Captured(Reply reply, Map<CaptureForm.Field, String> problems) {
    public Captured {
        problems = Map.copyOf(problems);
    }

    public static Captured saved(Reply reply) {
        return new Captured(reply, Map.of());
    }

    /** Refused, with one reason beside one part of the form. */
    public static Captured refused(CaptureForm.Field field, String reason) {
        return new Captured(Reply.error(reason), Map.of(field, reason));
    }

    public boolean isSaved() {
        return problems.isEmpty() && !reply.isError();
    }
}
