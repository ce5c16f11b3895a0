package dev.rapport.core.api;

import dev.rapport.core.action.Action;
import dev.rapport.core.reply.Prompt;
import dev.rapport.core.reply.Reply;
import java.util.Optional;
import java.util.Set;

/** Answers buttons and prompts of some kinds of {@link Action}. */
public interface ActionHandler {
    /** The kinds of action this handler answers. */
    Set<Class<? extends Action>> actions();

    /** {@code invocation.text()} is the text entered into the action's prompt, if it has one. */
    Reply act(Action action, Invocation invocation);

    /**
     * The text input the action asks for before it runs (a modal), worded for the presser's own data; empty for an
     * action that runs at once, or whose data the presser does not have.
     */
    default Optional<Prompt> prompt(Action action, Invocation invocation) {
        return Optional.empty();
    }
}
