package dev.rapport.core.inbox;

import dev.rapport.core.api.ActionRequest;
import dev.rapport.core.api.CommandRequest;
import dev.rapport.core.api.SharedFile;
import dev.rapport.core.api.Upload;
import dev.rapport.core.reply.FilePrompt;
import dev.rapport.core.reply.Prompt;
import dev.rapport.core.reply.Reply;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * How one platform takes part in the inbox: it completes a stored request with what it learns from its platform
 * when the request runs (names, time zone, channel rights), and carries the reply back through the reply handle it
 * stored with the request (Slack: the response_url; Discord: the application id and interaction token). A handle
 * is opaque to core, may hold secrets, and is never logged; {@link FormFields} encodes one.
 */
public interface InboxChannel {
    /** The platform whose rows this channel answers ("slack", "discord"). */
    String platform();

    default CommandRequest complete(CommandRequest stored) {
        return stored;
    }

    default ActionRequest complete(ActionRequest stored) {
        return stored;
    }

    /**
     * Completes a stored command with what only its arrival could tell and the adapter kept in the reply handle
     * (Discord sends a member's rights with the interaction and cannot be asked later).
     */
    default CommandRequest complete(CommandRequest stored, String replyTo) {
        return complete(stored);
    }

    /** Completes a stored button press or submission; see {@link #complete(CommandRequest, String)}. */
    default ActionRequest complete(ActionRequest stored, String replyTo) {
        return complete(stored);
    }

    /**
     * The file the command was handed, fetched now from where the reply handle says (Discord: an attachment); empty
     * when it had none. Throws {@link UncheckedIOException} when the file cannot be fetched.
     */
    default Optional<Upload> upload(String replyTo) {
        return Optional.empty();
    }

    /**
     * Shows how far a long request has come before its answer (Discord: edits the deferred message; Slack: a line
     * through the response_url); true when the platform took it. The default shows nothing.
     */
    default boolean progress(String replyTo, Reply interim) {
        return false;
    }

    /** Sends the reply; true when the platform took it. */
    boolean answer(String replyTo, Reply reply);

    /** Asks for a button's input (Slack: opens its modal); true when the platform took it. */
    boolean prompt(String replyTo, String actionId, Prompt prompt);

    /**
     * Asks for the file a command typed without one takes (Slack: a modal with a file input); true when the
     * platform took it. False, the default, answers the command as typed: its reply says how to send a file.
     */
    default boolean askForFile(String replyTo, String command, FilePrompt prompt) {
        return false;
    }

    /** At most {@code maxBytes} of a file a user shared on this platform; empty when it cannot be fetched. */
    default Optional<byte[]> fetch(SharedFile file, int maxBytes) {
        return Optional.empty();
    }
}
