package dev.rapport.core.api;

import dev.rapport.core.reply.Reply;

/** One slash command's behaviour. */
public interface CommandHandler {
    /** The command's name without the slash, e.g. "remember". */
    String name();

    Reply handle(Invocation invocation);
}
