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
import java.util.regex.Pattern;

/**
 * Slash commands. Each is acknowledged at once with an empty body, so Slack's 3 seconds never depend on core or on
 * Slack's own API; the work runs on the adapter's executor and answers through the command's response_url.
 */
final class SlackCommands {
    /** Every command Rapport registers; the text after it goes to core unchanged. */
    static final List<String> NAMES = List.of(
            "remember", "followup", "contact", "circle", "today", "settings", "intro", "forget", "export", "help");
    /** The /intro subcommands that need channel-manager rights; only these make Rapport look the rights up. */
    private static final Pattern MANAGING = Pattern.compile("(?i)^\\s*rounds\\s+(on|off|now)\\b.*", Pattern.DOTALL);

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
        Requester from = directory.requester(payload.getTeamId(), payload.getUserId(), payload.getUserName());
        CommandRequest request = new CommandRequest(
                from, channel(name, payload), name, text, directory.mentionNames(payload.getTeamId(), text));
        if (name.equals("intro") && MANAGING.matcher(text).matches() && payload.getChannelId() != null) {
            request = request.withChannelRights(
                    channels.canManage(payload.getTeamId(), payload.getChannelId(), payload.getUserId()));
        }
        Reply reply = rapport.handle(request);
        replies.respond(payload.getResponseUrl(), payload.getUserId(), reply);
    }

    /**
     * Where the command was typed. A direct message with Rapport is no team channel: /intro there gets core's "run it
     * in a channel" rather than an intro or pairing rounds nobody else can see.
     */
    private static Optional<String> channel(String name, SlashCommandPayload payload) {
        Optional<String> channel = Optional.ofNullable(payload.getChannelId()).filter(id -> !id.isBlank());
        boolean directMessage = "directmessage".equals(payload.getChannelName())
                || channel.filter(id -> id.startsWith("D")).isPresent();
        return name.equals("intro") && directMessage ? Optional.empty() : channel;
    }
}
