package dev.rapport.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockSuggestionPayload;
import com.slack.api.app_backend.interactive_components.payload.GlobalShortcutPayload;
import com.slack.api.app_backend.interactive_components.payload.MessageShortcutPayload;
import com.slack.api.app_backend.interactive_components.response.Option;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatGetPermalinkResponse;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.model.Message;
import com.slack.api.model.view.View;
import dev.rapport.core.api.Capture;
import dev.rapport.core.api.CaptureOpening;
import dev.rapport.core.api.CaptureStart;
import dev.rapport.core.api.Captured;
import dev.rapport.core.api.Place;
import dev.rapport.core.api.PlatformUser;
import dev.rapport.core.api.Rapport;
import dev.rapport.core.api.Requester;
import dev.rapport.core.people.Mentions;
import dev.rapport.core.reply.Reply;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Remember this" (a message shortcut) and "Remember someone" (a global shortcut): each is acknowledged at once,
 * then Slack is asked what core needs (the author from users.info, the message's permalink) and core's form is
 * opened with the shortcut's trigger; a message core will not file (a bot's, Rapport's own, a deleted account's)
 * gets core's reason instead, only to the person who asked. The free name's options are the asker's own contacts,
 * and the submission is saved by core at once, so that a reason can be shown beside its field.
 */
final class SlackCaptures {
    static final String MESSAGE_CALLBACK = "remember_message";
    static final String GLOBAL_CALLBACK = "remember_someone";
    private static final Logger log = LoggerFactory.getLogger(SlackCaptures.class);

    private final Rapport rapport;
    private final SlackDirectory directory;
    private final SlackClients clients;
    private final SlackReplies replies;
    private final SlackReplyRenderer renderer;
    private final Executor workers;

    SlackCaptures(
            Rapport rapport,
            SlackDirectory directory,
            SlackClients clients,
            SlackReplies replies,
            SlackReplyRenderer renderer,
            Executor workers) {
        this.rapport = rapport;
        this.directory = directory;
        this.clients = clients;
        this.replies = replies;
        this.renderer = renderer;
        this.workers = workers;
    }

    void register(App app) {
        app.messageShortcut(MESSAGE_CALLBACK, (request, context) -> {
            MessageShortcutPayload payload = request.getPayload();
            String rapportId = context.getBotUserId();
            // The trigger lives three seconds: the ack goes first, the look-ups and views.open right after.
            workers.execute(() -> openOnMessage(payload, rapportId));
            return context.ack();
        });
        app.globalShortcut(GLOBAL_CALLBACK, (request, context) -> {
            GlobalShortcutPayload payload = request.getPayload();
            workers.execute(() -> openForSomeone(payload));
            return context.ack();
        });
        app.blockSuggestion(CaptureModal.NAME_INPUT, (request, context) -> {
            List<Option> options = names(request.getPayload());
            return context.ack(r -> r.options(options));
        });
        app.viewSubmission(CaptureModal.CALLBACK_ID, (request, context) -> {
            ViewSubmissionPayload payload = request.getPayload();
            Captured captured = submitted(payload, context.getBotUserId());
            if (!captured.problems().isEmpty()) {
                return context.ackWithErrors(CaptureModal.errors(captured.problems(), payload.getView()));
            }
            if (captured.reply().isError()) {
                return context.ackWithErrors(Map.of(CaptureModal.NOTE_BLOCK, renderer.fallbackText(captured.reply())));
            }
            String title = payload.getView().getTitle() == null
                    ? "Rapport"
                    : payload.getView().getTitle().getText();
            return context.ackWithUpdate(
                    CaptureModal.saved(title, renderer.blocks(captured.reply(), Limits.VIEW_BLOCKS)));
        });
    }

    private void openOnMessage(MessageShortcutPayload payload, String rapportId) {
        String team = payload.getTeam() != null
                ? payload.getTeam().getId()
                : payload.getUser().getTeamId();
        String userId = payload.getUser().getId();
        Requester from = directory.requester(team, userId, payload.getUser().getName());
        Message message = payload.getMessage() == null ? new Message() : payload.getMessage();
        PlatformUser author = author(team, message, rapportId);
        String channel =
                payload.getChannel() == null ? null : payload.getChannel().getId();
        Optional<String> link =
                permalink(team, channel, message.getTs() != null ? message.getTs() : payload.getMessageTs());
        CaptureOpening opening = rapport.openCapture(from, CaptureStart.message(author, text(team, message), link));
        if (opening instanceof CaptureOpening.Refused refused) {
            tell(team, userId, Optional.ofNullable(payload.getResponseUrl()), refused.reply());
            return;
        }
        CaptureOpening.Open open = (CaptureOpening.Open) opening;
        open(
                team,
                payload.getTriggerId(),
                CaptureModal.view(open.form(), CaptureModal.Origin.of(open.form(), Optional.of(author))));
    }

    private void openForSomeone(GlobalShortcutPayload payload) {
        String team = payload.getTeam() != null
                ? payload.getTeam().getId()
                : payload.getUser().getTeamId();
        String userId = payload.getUser().getId();
        Requester from = directory.requester(team, userId, payload.getUser().getUsername());
        CaptureOpening opening = rapport.openCapture(from, CaptureStart.someone());
        if (opening instanceof CaptureOpening.Refused refused) {
            tell(team, userId, Optional.empty(), refused.reply());
            return;
        }
        CaptureOpening.Open open = (CaptureOpening.Open) opening;
        open(
                team,
                payload.getTriggerId(),
                CaptureModal.view(open.form(), CaptureModal.Origin.of(open.form(), Optional.empty())));
    }

    /** Who wrote the message, as Slack describes them: a person, a bot or app, Rapport itself, a deleted account. */
    private PlatformUser author(String team, Message message, String rapportId) {
        String user = message.getUser();
        if (user != null && user.equals(rapportId)) {
            return new PlatformUser(user, "Rapport", PlatformUser.Standing.RAPPORT);
        }
        if (message.getBotId() != null || "bot_message".equals(message.getSubtype()) || user == null) {
            String id = user != null ? user : (message.getBotId() != null ? message.getBotId() : "unknown");
            return new PlatformUser(id, nameOr(message.getUsername(), id), PlatformUser.Standing.BOT);
        }
        return member(team, user, rapportId);
    }

    /** A workspace member as users.info describes them. */
    private PlatformUser member(String team, String userId, String rapportId) {
        if (userId.equals(rapportId)) {
            return new PlatformUser(userId, "Rapport", PlatformUser.Standing.RAPPORT);
        }
        return directory
                .member(team, userId)
                .map(member -> new PlatformUser(
                        userId,
                        member.personName(),
                        member.bot()
                                ? PlatformUser.Standing.BOT
                                : member.deleted() ? PlatformUser.Standing.DELETED : PlatformUser.Standing.PERSON))
                // Slack could not say: the contact is named by the id until it can.
                .orElse(PlatformUser.person(userId, userId));
    }

    /** The message's text as a person reads it: Slack's markup undone, mentions as @names. */
    private String text(String team, Message message) {
        String raw = message.getText() == null ? "" : message.getText();
        Map<String, String> names = new LinkedHashMap<>();
        directory.mentions(team, raw).forEach((id, mentioned) -> names.put(id, mentioned.name()));
        return Mentions.readable(SlackCommandText.decode(raw), names);
    }

    private Optional<String> permalink(String team, String channel, String ts) {
        if (channel == null || ts == null) {
            return Optional.empty();
        }
        try {
            Optional<ChatGetPermalinkResponse> answered = clients.call(
                    team, m -> m.chatGetPermalink(r -> r.channel(channel).messageTs(ts)));
            if (answered.isEmpty() || !answered.get().isOk()) {
                answered.ifPresent(a -> log.warn("chat.getPermalink failed: {}", a.getError()));
                return Optional.empty();
            }
            return Optional.ofNullable(answered.get().getPermalink());
        } catch (IOException | SlackApiException e) {
            log.warn("chat.getPermalink failed: {}", e.toString());
            return Optional.empty();
        }
    }

    private void open(String team, String triggerId, View view) {
        try {
            Optional<ViewsOpenResponse> opened = clients.call(
                    team, m -> m.viewsOpen(r -> r.triggerId(triggerId).view(view)));
            opened.filter(o -> !o.isOk()).ifPresent(o -> log.warn("views.open of a capture failed: {}", o.getError()));
        } catch (IOException | SlackApiException e) {
            log.warn("views.open of a capture failed: {}", e.toString());
        }
    }

    private void tell(String team, String userId, Optional<String> responseUrl, Reply reply) {
        if (responseUrl.isPresent() && !responseUrl.get().isBlank()) {
            replies.respond(team, responseUrl.get(), userId, reply);
        } else {
            replies.directMessage(team, userId, reply);
        }
    }

    /** The free name's options: the asker's own contacts that fit what they typed, then the typed name. */
    private List<Option> names(BlockSuggestionPayload payload) {
        String team = payload.getTeam() != null
                ? payload.getTeam().getId()
                : payload.getUser().getTeamId();
        Requester from = Requester.of(
                SlackDirectory.PLATFORM,
                team,
                payload.getUser().getId(),
                payload.getUser().getName());
        return rapport.captureNames(from, payload.getValue(), Limits.OPTIONS).stream()
                .map(name -> Option.builder()
                        .text(SlackReplyRenderer.plain(Limits.clip(name, Limits.OPTION_TEXT)))
                        .value(Limits.clip(name, Limits.OPTION_VALUE))
                        .build())
                .toList();
    }

    private Captured submitted(ViewSubmissionPayload payload, String rapportId) {
        View view = payload.getView();
        String team = payload.getTeam() != null
                ? payload.getTeam().getId()
                : payload.getUser().getTeamId();
        Requester from = directory.requester(
                team, payload.getUser().getId(), payload.getUser().getName());
        Optional<CaptureModal.Origin> origin = CaptureModal.origin(view);
        Optional<PlatformUser> person = CaptureModal.person(view)
                .map(id -> origin.flatMap(o -> o.author(id)).orElseGet(() -> member(team, id, rapportId)));
        Capture capture = new Capture(
                person,
                CaptureModal.name(view),
                CaptureModal.note(view),
                CaptureModal.ask(view),
                CaptureModal.followUp(view),
                origin.flatMap(CaptureModal.Origin::link),
                // One modal is one submission: sent again (a replay), it is not saved twice.
                Optional.ofNullable(view.getId()).filter(id -> !id.isBlank()).map(id -> "slack:view:" + id));
        return rapport.capture(from, Place.none(), capture);
    }

    private static String nameOr(String name, String fallback) {
        return name == null || name.isBlank() ? fallback : name;
    }
}
