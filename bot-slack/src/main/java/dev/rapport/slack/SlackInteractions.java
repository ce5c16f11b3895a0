package dev.rapport.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import dev.rapport.core.api.ActionRequest;
import dev.rapport.core.api.Place;
import dev.rapport.core.api.Rapport;
import dev.rapport.core.api.Requester;
import dev.rapport.core.reply.Prompt;
import dev.rapport.core.reply.Reply;
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
        app.blockAction(ButtonCodec.RAPPORT, (request, context) -> {
            BlockActionPayload payload = request.getPayload();
            work.execute(() -> clicked(payload));
            return context.ack();
        });
        app.viewSubmission(PromptModal.CALLBACK_ID, (request, context) -> {
            ViewSubmissionPayload payload = request.getPayload();
            work.execute(() -> submitted(payload));
            // An empty acknowledgement closes the modal; the outcome follows where the button was.
            return context.ack();
        });
    }

    /** A click: core says whether the button asks for text first (a modal) or acts at once. */
    private void clicked(BlockActionPayload payload) {
        if (payload.getActions() == null || payload.getActions().isEmpty()) {
            return;
        }
        Optional<String> actionId =
                ButtonCodec.coreActionId(payload.getActions().get(0).getValue());
        if (actionId.isEmpty()) {
            log.warn("A Rapport button came back without its action");
            return;
        }
        Requester from = requester(payload);
        Optional<Prompt> prompt = rapport.promptFor(from, actionId.get());
        if (prompt.isPresent()) {
            openPrompt(payload, actionId.get(), prompt.get());
            return;
        }
        Reply reply = rapport.act(new ActionRequest(from, place(payload), actionId.get(), Optional.empty()));
        answer(from, Optional.ofNullable(payload.getResponseUrl()), fromHome(payload), reply);
    }

    private void openPrompt(BlockActionPayload payload, String actionId, Prompt prompt) {
        PromptModal.Origin origin =
                PromptModal.Origin.of(actionId, place(payload), payload.getResponseUrl(), fromHome(payload));
        try {
            ViewsOpenResponse opened =
                    methods.viewsOpen(r -> r.triggerId(payload.getTriggerId()).view(PromptModal.view(prompt, origin)));
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
                origin.get().place(),
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

    private static Place place(BlockActionPayload payload) {
        if (payload.getChannel() != null && payload.getChannel().getId() != null) {
            return SlackPlaces.of(
                    payload.getChannel().getId(), payload.getChannel().getName());
        }
        return Optional.ofNullable(payload.getContainer())
                .map(BlockActionPayload.Container::getChannelId)
                .map(id -> SlackPlaces.of(id, null))
                .orElse(Place.none());
    }

    private static boolean fromHome(BlockActionPayload payload) {
        return payload.getView() != null && "home".equals(payload.getView().getType());
    }
}
