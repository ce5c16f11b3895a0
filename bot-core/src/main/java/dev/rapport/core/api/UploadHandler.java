package dev.rapport.core.api;

import dev.rapport.core.reply.Reply;

/** A command that takes a file (e.g. /import). */
public interface UploadHandler {
    /** The command's name without the slash. */
    String name();

    Reply handle(Invocation invocation, Upload upload);
}
