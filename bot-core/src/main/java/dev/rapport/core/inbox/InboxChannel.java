package dev.rapport.core.inbox;

import dev.rapport.core.api.ActionRequest;
import dev.rapport.core.api.CommandRequest;
import dev.rapport.core.reply.Prompt;
import dev.rapport.core.reply.Reply;

/**
 * How one platform takes part in the inbox: it completes a stored request with what it learns from its platform
 * when the request runs (names, time zone, channel rights), and carries the reply back through the channel it
 * stored with the request (Slack: the response_url; Discord: the interaction token).
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

    /** Sends the reply; true when the platform took it. */
    boolean answer(String replyTo, Reply reply);

    /** Asks for a button's input (Slack: opens its modal); true when the platform took it. */
    boolean prompt(String replyTo, String actionId, Prompt prompt);
}
