package dev.rapport.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import dev.rapport.core.api.ActionRequest;
import dev.rapport.core.api.CommandRequest;
import dev.rapport.core.api.Place;
import dev.rapport.core.api.Requester;
import dev.rapport.core.api.SharedFile;
import dev.rapport.core.domain.UserKey;
import dev.rapport.core.inbox.InboxWorkers;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buttons and modals. A click or a submission is written to core's inbox (keyed by the click's action_ts, the
 * modal's view id) and then acknowledged; the inbox's workers run it: a button that asks for text opens its modal
 * (the click's trigger lives three seconds), others act and answer through the click's response_url (or on the Home
 * tab, which has none). A modal's submission runs the button's action with that text; a file modal's submission
 * runs its command with the chosen file.
 */
final class SlackInteractions {
    private static final Logger log = LoggerFactory.getLogger(SlackInteractions.class);

    private final InboxWorkers inbox;

    SlackInteractions(InboxWorkers inbox) {
        this.inbox = inbox;
    }

    void register(App app) {
        app.blockAction(ButtonCodec.RAPPORT, (request, context) -> {
            clicked(request.getPayload(), request);
            return context.ack();
        });
        app.viewSubmission(PromptModal.CALLBACK_ID, (request, context) -> {
            submitted(request.getPayload(), request);
            // An empty acknowledgement closes the modal; the outcome follows where the button was.
            return context.ack();
        });
        app.viewSubmission(FileModal.CALLBACK_ID, (request, context) -> {
            chose(request.getPayload(), request);
            // The file is fetched when the inbox runs the command; the preview follows where it was typed.
            return context.ack();
        });
    }

    private void clicked(BlockActionPayload payload, com.slack.api.bolt.request.Request<?> request) {
        if (payload.getActions() == null || payload.getActions().isEmpty()) {
            return;
        }
        BlockActionPayload.Action action = payload.getActions().get(0);
        Optional<String> actionId = ButtonCodec.coreActionId(action.getValue());
        if (actionId.isEmpty()) {
            log.warn("A Rapport button came back without its action");
            return;
        }
        Requester from = requester(payload);
        Place place = place(payload);
        SlackReplyTo replyTo = new SlackReplyTo(
                Optional.ofNullable(payload.getResponseUrl()),
                Optional.ofNullable(payload.getTriggerId()),
                fromHome(payload),
                from.key().workspace(),
                from.key().platformUserId(),
                place);
        String key = action.getActionTs() == null
                ? SlackCommands.key(payload.getTriggerId(), request)
                : "click:" + from.key().platformUserId() + ":" + action.getActionTs();
        inbox.accept(
                key,
                new ActionRequest(from, place, actionId.get(), Optional.empty()),
                replyTo.encode(),
                SlackCommands.RESPONSE_URL_LIFETIME);
    }

    private void submitted(ViewSubmissionPayload payload, com.slack.api.bolt.request.Request<?> request) {
        Optional<PromptModal.Origin> origin = PromptModal.origin(payload.getView());
        if (origin.isEmpty()) {
            log.warn("A modal came back without its origin");
            return;
        }
        Requester from = submitter(payload);
        String teamId = from.key().workspace();
        SlackReplyTo replyTo = new SlackReplyTo(
                origin.get().response(),
                Optional.empty(),
                origin.get().fromHome(),
                teamId,
                payload.getUser().getId(),
                origin.get().place());
        String viewId = payload.getView().getId();
        inbox.accept(
                viewId == null ? SlackCommands.key(null, request) : "view:" + viewId,
                new ActionRequest(
                        from,
                        origin.get().place(),
                        origin.get().actionId(),
                        Optional.of(PromptModal.input(payload.getView()))),
                replyTo.encode(),
                SlackCommands.RESPONSE_URL_LIFETIME);
    }

    /** A file chosen in a command's file modal: the command, with where Slack keeps the file, goes to the inbox. */
    private void chose(ViewSubmissionPayload payload, com.slack.api.bolt.request.Request<?> request) {
        Optional<FileModal.Origin> origin = FileModal.origin(payload.getView());
        Optional<SharedFile> file = FileModal.file(payload.getView());
        if (origin.isEmpty() || file.isEmpty()) {
            log.warn("A file modal came back without its origin or a file");
            return;
        }
        Requester from = submitter(payload);
        Place place = origin.get().place();
        SlackReplyTo replyTo = new SlackReplyTo(
                origin.get().response(),
                Optional.empty(),
                false,
                from.key().workspace(),
                from.key().platformUserId(),
                place);
        String viewId = payload.getView().getId();
        inbox.accept(
                viewId == null ? SlackCommands.key(null, request) : "view:" + viewId,
                CommandRequest.of(from, origin.get().command(), "").in(place),
                file.get(),
                replyTo.encode(),
                SlackCommands.RESPONSE_URL_LIFETIME);
    }

    private static Requester submitter(ViewSubmissionPayload payload) {
        String teamId = payload.getTeam() != null
                ? payload.getTeam().getId()
                : payload.getUser().getTeamId();
        return new Requester(
                new UserKey(SlackDirectory.PLATFORM, teamId, payload.getUser().getId()),
                nameOr(payload.getUser().getName(), payload.getUser().getId()),
                Optional.empty());
    }

    private static Requester requester(BlockActionPayload payload) {
        String teamId = payload.getTeam() != null
                ? payload.getTeam().getId()
                : payload.getUser().getTeamId();
        return new Requester(
                new UserKey(SlackDirectory.PLATFORM, teamId, payload.getUser().getId()),
                nameOr(payload.getUser().getUsername(), payload.getUser().getId()),
                Optional.empty());
    }

    private static String nameOr(String name, String id) {
        return name == null || name.isBlank() ? id : name;
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
