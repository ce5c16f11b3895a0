package dev.rapport.core.api;

import dev.rapport.core.reply.FilePrompt;
import dev.rapport.core.reply.Reply;
import java.util.Optional;

/** A command that takes a file (e.g. /import). */
public interface UploadHandler {
    /** The command's name without the slash. */
    String name();

    Reply handle(Invocation invocation, Upload upload);

    /** The largest file the command reads, in bytes; a fetch reads at most one byte more, so the command sees it. */
    default int maxBytes() {
        return Integer.MAX_VALUE - 1;
    }

    /** The refusal of a file its platform says is bigger than {@link #maxBytes()}, before any of it is read. */
    default Reply tooBig(Invocation invocation, String fileName) {
        return Reply.error(fileName + " is too big for /" + name() + ".");
    }

    /**
     * How to ask for the file when the command is typed without one, on a platform that can ask (a Slack modal
     * with a file input); empty when the command's own reply says how to send it.
     */
    default Optional<FilePrompt> filePrompt() {
        return Optional.empty();
    }
}
