package dev.rapport.slack;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import dev.rapport.core.api.ActionRequest;
import dev.rapport.core.api.CommandRequest;
import dev.rapport.core.api.Requester;
import dev.rapport.core.api.SharedFile;
import dev.rapport.core.inbox.InboxChannel;
import dev.rapport.core.reply.FilePrompt;
import dev.rapport.core.reply.Prompt;
import dev.rapport.core.reply.Reply;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack's side of the inbox: a stored request is completed with what Slack knows of its user (name, time zone,
 * mentions, channel rights) when it runs, and its answer goes back through the response_url it came with (the Home
 * tab when it came from there, a direct message when it had neither). It opens the modals core asks for, and fetches
 * the files chosen in them.
 */
final class SlackInbox implements InboxChannel {
    private static final Logger log = LoggerFactory.getLogger(SlackInbox.class);

    private final SlackDirectory directory;
    private final SlackChannels channels;
    private final SlackReplies replies;
    private final SlackHome home;
    private final SlackClients clients;
    private final SlackFiles files;

    SlackInbox(
            SlackDirectory directory,
            SlackChannels channels,
            SlackReplies replies,
            SlackHome home,
            SlackClients clients,
            SlackFiles files) {
        this.directory = directory;
        this.channels = channels;
        this.replies = replies;
        this.home = home;
        this.clients = clients;
        this.files = files;
    }

    @Override
    public String platform() {
        return SlackDirectory.PLATFORM;
    }

    @Override
    public CommandRequest complete(CommandRequest stored) {
        Requester from = known(stored.from());
        String team = from.key().workspace();
        String user = from.key().platformUserId();
        Optional<String> channel = stored.place().channelId();
        return new CommandRequest(
                from,
                stored.place(),
                stored.command(),
                stored.text(),
                directory.mentions(team, stored.text()),
                // Asked by core only when a command needs it (turning pairing rounds on, say).
                () -> channel.isPresent() && channels.canManage(team, channel.get(), user));
    }

    @Override
    public ActionRequest complete(ActionRequest stored) {
        return new ActionRequest(known(stored.from()), stored.place(), stored.actionId(), stored.input());
    }

    private Requester known(Requester stored) {
        return directory.requester(stored.key().workspace(), stored.key().platformUserId(), stored.displayName());
    }

    @Override
    public boolean answer(String replyTo, Reply reply) {
        SlackReplyTo to = SlackReplyTo.decode(replyTo);
        if (to.fromHome()) {
            return home.publish(directory.requester(to.teamId(), to.userId(), ""), Optional.of(reply));
        }
        if (to.responseUrl().isPresent()) {
            return replies.respond(to.teamId(), to.responseUrl().get(), to.userId(), reply);
        }
        return replies.directMessage(to.teamId(), to.userId(), reply);
    }

    /** Through the response_url, in place of the message the request came from; nothing on the Home tab. */
    @Override
    public boolean progress(String replyTo, Reply interim) {
        SlackReplyTo to = SlackReplyTo.decode(replyTo);
        return !to.fromHome()
                && to.responseUrl().isPresent()
                && replies.progress(to.responseUrl().get(), interim);
    }

    @Override
    public boolean prompt(String replyTo, String actionId, Prompt prompt) {
        SlackReplyTo to = SlackReplyTo.decode(replyTo);
        if (to.triggerId().isEmpty()) {
            return answer(replyTo, Reply.error("That button needs a moment longer than Slack allows. Press it again."));
        }
        PromptModal.Origin origin =
                PromptModal.Origin.of(actionId, to.place(), to.responseUrl().orElse(null), to.fromHome());
        try {
            Optional<ViewsOpenResponse> answered = clients.call(
                    to.teamId(),
                    m -> m.viewsOpen(r -> r.triggerId(to.triggerId().get()).view(PromptModal.view(prompt, origin))));
            if (answered.isEmpty()) {
                return false;
            }
            ViewsOpenResponse opened = answered.get();
            if (!opened.isOk()) {
                // A trigger lives three seconds: after a restart it is gone, and the user is asked to press again.
                log.warn("views.open failed: {}", opened.getError());
                return answer(replyTo, Reply.error("That took too long to open. Press the button again."));
            }
            return true;
        } catch (IOException | SlackApiException e) {
            log.warn("views.open failed: {}", e.toString());
            return false;
        }
    }

    /** Opens the command's file modal for its trigger; false (the command is answered as typed) when Slack says no. */
    @Override
    public boolean askForFile(String replyTo, String command, FilePrompt prompt) {
        SlackReplyTo to = SlackReplyTo.decode(replyTo);
        if (to.triggerId().isEmpty()) {
            return false;
        }
        FileModal.Origin origin =
                FileModal.Origin.of(command, to.place(), to.responseUrl().orElse(null));
        try {
            Optional<ViewsOpenResponse> answered = clients.call(
                    to.teamId(),
                    m -> m.viewsOpen(r -> r.triggerId(to.triggerId().get()).view(FileModal.view(prompt, origin))));
            if (answered.isEmpty()) {
                return false;
            }
            ViewsOpenResponse opened = answered.get();
            if (!opened.isOk()) {
                log.warn("views.open of a file modal failed: {}", opened.getError());
            }
            return opened.isOk();
        } catch (IOException | SlackApiException e) {
            log.warn("views.open of a file modal failed: {}", e.toString());
            return false;
        }
    }

    @Override
    public Optional<byte[]> fetch(SharedFile file, int maxBytes) {
        return files.fetch(file, maxBytes);
    }
}
