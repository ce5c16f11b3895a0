package dev.rapport.slack;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import dev.rapport.core.api.CommandRequest;
import dev.rapport.core.api.Requester;
import dev.rapport.core.domain.UserKey;
import dev.rapport.core.inbox.InboxWorkers;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Slash commands. Each is written to core's inbox (one small insert) and then acknowledged with an empty body, so
 * Slack's 3 seconds never depend on core or on Slack's own API, and nothing acknowledged is lost in a crash. The
 * key is the command's trigger_id, so a replay or a retry of the same request is recognised and not run twice. The
 * inbox's workers run it and answer through its response_url.
 */
final class SlackCommands {
    /** Every command Rapport registers; the text after it goes to core unchanged. */
    static final List<String> NAMES = List.of(
            "remember",
            "followup",
            "contact",
            "circle",
            "today",
            "settings",
            "intro",
            "forget",
            "import",
            "export",
            "help");

    /** How long Slack takes answers at a command's response_url. */
    static final Duration RESPONSE_URL_LIFETIME = Duration.ofMinutes(30);

    private final InboxWorkers inbox;

    SlackCommands(InboxWorkers inbox) {
        this.inbox = inbox;
    }

    void register(App app) {
        for (String name : NAMES) {
            app.command("/" + name, (request, context) -> {
                SlashCommandPayload payload = request.getPayload();
                String team = payload.getTeamId();
                Requester from = new Requester(
                        new UserKey(SlackDirectory.PLATFORM, team, payload.getUserId()),
                        payload.getUserName() == null ? payload.getUserId() : payload.getUserName(),
                        Optional.empty());
                CommandRequest stored = CommandRequest.of(from, name, SlackCommandText.decode(payload.getText()))
                        .in(SlackPlaces.of(payload.getChannelId(), payload.getChannelName()));
                SlackReplyTo replyTo = new SlackReplyTo(
                        Optional.ofNullable(payload.getResponseUrl()),
                        // Stripped as the key is: /import opens its modal with it.
                        Optional.ofNullable(payload.getTriggerId()).map(String::strip),
                        false,
                        team,
                        payload.getUserId(),
                        stored.place());
                inbox.accept(key(payload.getTriggerId(), request), stored, replyTo.encode(), RESPONSE_URL_LIFETIME);
                return context.ack();
            });
        }
    }

    /** The request's own id: its trigger_id, or its signature when Slack sent none. */
    static String key(String id, Request<?> request) {
        if (id != null && !id.isBlank()) {
            // Stripped: a form's last field may carry the body's trailing line break.
            return id.strip();
        }
        return "sig:"
                + Optional.ofNullable(request.getHeaders().getFirstValue("X-Slack-Signature"))
                        .orElse(request.getRequestBodyAsString());
    }
}
