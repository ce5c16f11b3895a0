package dev.rapport.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import dev.rapport.core.command.ActionRequest;
import dev.rapport.core.command.Rapport;
import dev.rapport.core.command.Reply;
import dev.rapport.core.command.Requester;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buttons and modals. A click is acknowledged at once; core's answer arrives as a new ephemeral message through the
 * click's response_url (or on the Home tab, which has none). A button that asks for text opens a modal, and the
 * modal's submission runs the button's action with that text.
 */
final class SlackInteractions {
    private static final Logger log = LoggerFactory.getLogger(SlackInteractions.class);

    private final Rapport rapport;
    private final SlackDirectory directory;
    private final SlackReplies replies;
    private final SlackHome home;
    private final MethodsClient methods;
    private final Executor work;

    SlackInteractions(
            Rapport rapport,
            SlackDirectory directory,
            SlackReplies replies,
            SlackHome home,
            MethodsClient methods,
            Executor work) {
        this.rapport = rapport;
        this.directory = directory;
        this.replies = replies;
        this.home = home;
        this.methods = methods;
        this.work = work;
    }

    void register(App app) {
        app.blockAction(ButtonCodec.PLAIN, (request, context) -> {
            BlockActionPayload payload = request.getPayload();
            work.execute(() -> clicked(payload));
            return context.ack();
        });
        app.blockAction(ButtonCodec.PROMPTING, (request, context) -> {
            BlockActionPayload payload = request.getPayload();
            work.execute(() -> openPrompt(payload));
            return context.ack();
        });
        app.viewSubmission(PromptModal.CALLBACK_ID, (request, context) -> {
            ViewSubmissionPayload payload = request.getPayload();
            work.execute(() -> submitted(payload));
            // An empty acknowledgement closes the modal; the outcome follows where the button was.
            return context.ack();
        });
    }

    private void clicked(BlockActionPayload payload) {
        if (payload.getActions() == null || payload.getActions().isEmpty()) {
            return;
        }
        String actionId = payload.getActions().get(0).getValue();
        Requester from = requester(payload);
        Reply reply = rapport.act(new ActionRequest(from, channel(payload), actionId, Optional.empty()));
        answer(from, Optional.ofNullable(payload.getResponseUrl()), fromHome(payload), reply);
    }

    private void openPrompt(BlockActionPayload payload) {
        if (payload.getActions() == null || payload.getActions().isEmpty()) {
            return;
        }
        Optional<ButtonCodec.Asking> asking =
                ButtonCodec.asking(payload.getActions().get(0).getValue());
        if (asking.isEmpty()) {
            log.warn("A prompting button came back without its prompt");
            return;
        }
        PromptModal.Origin origin = new PromptModal.Origin(
                asking.get().actionId(), channel(payload).orElse(null), payload.getResponseUrl(), fromHome(payload));
        try {
            ViewsOpenResponse opened = methods.viewsOpen(
                    r -> r.triggerId(payload.getTriggerId()).view(PromptModal.view(asking.get(), origin)));
            if (!opened.isOk()) {
                log.warn("views.open failed: {}", opened.getError());
            }
        } catch (IOException | SlackApiException e) {
            log.warn("views.open failed: {}", e.toString());
        }
    }

    private void submitted(ViewSubmissionPayload payload) {
        Optional<PromptModal.Origin> origin = PromptModal.origin(payload.getView());
        if (origin.isEmpty()) {
            log.warn("A modal came back without its origin");
            return;
        }
        String teamId = payload.getTeam() != null
                ? payload.getTeam().getId()
                : payload.getUser().getTeamId();
        Requester from = directory.requester(
                teamId, payload.getUser().getId(), payload.getUser().getName());
        Reply reply = rapport.act(new ActionRequest(
                from,
                origin.get().channel(),
                origin.get().actionId(),
                Optional.of(PromptModal.input(payload.getView()))));
        answer(from, origin.get().response(), origin.get().fromHome(), reply);
    }

    private void answer(Requester from, Optional<String> responseUrl, boolean fromHome, Reply reply) {
        String userId = from.key().platformUserId();
        if (fromHome) {
            home.publish(from, Optional.of(reply));
        } else if (responseUrl.isPresent()) {
            replies.respond(responseUrl.get(), userId, reply);
        } else {
            replies.directMessage(userId, reply);
        }
    }

    private Requester requester(BlockActionPayload payload) {
        String teamId = payload.getTeam() != null
                ? payload.getTeam().getId()
                : payload.getUser().getTeamId();
        return directory.requester(
                teamId, payload.getUser().getId(), payload.getUser().getUsername());
    }

    private static Optional<String> channel(BlockActionPayload payload) {
        if (payload.getChannel() != null && payload.getChannel().getId() != null) {
            return Optional.of(payload.getChannel().getId());
        }
        return Optional.ofNullable(payload.getContainer()).map(BlockActionPayload.Container::getChannelId);
    }

    private static boolean fromHome(BlockActionPayload payload) {
        return payload.getView() != null && "home".equals(payload.getView().getType());
    }
}
