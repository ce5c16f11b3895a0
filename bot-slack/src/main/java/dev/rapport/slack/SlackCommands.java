package dev.rapport.slack;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.App;
import dev.rapport.core.command.CommandRequest;
import dev.rapport.core.command.Rapport;
import dev.rapport.core.command.Reply;
import dev.rapport.core.command.Requester;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * Slash commands. Each is acknowledged at once with an empty body, so Slack's 3 seconds never depend on core or on
 * Slack's own API; the work runs on the adapter's executor and answers through the command's response_url.
 */
final class SlackCommands {
    /** Every command Rapport registers; the text after it goes to core unchanged. */
    static final List<String> NAMES =
            List.of("remember", "followup", "contact", "circle", "today", "settings", "forget", "export", "help");

    private final Rapport rapport;
    private final SlackDirectory directory;
    private final SlackReplies replies;
    private final Executor work;

    SlackCommands(Rapport rapport, SlackDirectory directory, SlackReplies replies, Executor work) {
        this.rapport = rapport;
        this.directory = directory;
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
        Requester from = directory.requester(payload.getTeamId(), payload.getUserId(), payload.getUserName());
        CommandRequest request = new CommandRequest(
                from,
                Optional.ofNullable(payload.getChannelId()),
                name,
                text,
                directory.mentionNames(payload.getTeamId(), text));
        Reply reply = rapport.handle(request);
        replies.respond(payload.getResponseUrl(), payload.getUserId(), reply);
    }
}
