package dev.rapport.core.command;

import java.util.List;
import java.util.Set;

/** Handles buttons and prompts whose action id starts with one of its verbs ("done:42"). */
public interface ActionHandler {
    Set<String> verbs();

    /** {@code args} are the action id's parts after the verb; {@code invocation.text()} is any text entered. */
    Reply act(String verb, List<String> args, Invocation invocation);
}
