package dev.rapport.slack;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.App;
import dev.rapport.core.api.CommandRequest;
import dev.rapport.core.api.Rapport;
import dev.rapport.core.api.Requester;
import dev.rapport.core.reply.Reply;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Slash commands. Each is acknowledged at once with an empty body, so Slack's 3 seconds never depend on core or on
 * Slack's own API; the work runs on the adapter's executor and answers through the command's response_url.
 */
final class SlackCommands {
    /** Every command Rapport registers; the text after it goes to core unchanged. */
    static final List<String> NAMES = List.of(
            "remember", "followup", "contact", "circle", "today", "settings", "intro", "forget", "export", "help");

    private final Rapport rapport;
    private final SlackDirectory directory;
    private final SlackChannels channels;
    private final SlackReplies replies;
    private final Executor work;

    SlackCommands(
            Rapport rapport, SlackDirectory directory, SlackChannels channels, SlackReplies replies, Executor work) {
        this.rapport = rapport;
        this.directory = directory;
        this.channels = channels;
        this.replies = replies;
        this.work = work;
    }

    void register(App app) {
        for (String name : NAMES) {
            app.command("/" + name, (request, context) -> {
                SlashCommandPayload payload = request.getPayload();
                work.execute(() -> run(name, payload));
                return context.ack();
            });
        }
    }

    private void run(String name, SlashCommandPayload payload) {
        String text = SlackCommandText.decode(payload.getText());
        String team = payload.getTeamId();
        Requester from = directory.requester(team, payload.getUserId(), payload.getUserName());
        CommandRequest request = CommandRequest.of(from, name, text)
                .in(SlackPlaces.of(payload.getChannelId(), payload.getChannelName()))
                .withMentions(directory.mentions(team, text))
                // Asked by core only when a command needs it (turning pairing rounds on, say).
                .withRights(() -> payload.getChannelId() != null
                        && channels.canManage(team, payload.getChannelId(), payload.getUserId()));
        Reply reply = rapport.handle(request);
        replies.respond(payload.getResponseUrl(), payload.getUserId(), reply);
    }
}
