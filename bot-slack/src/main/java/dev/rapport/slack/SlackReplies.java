package dev.rapport.slack;

import com.slack.api.Slack;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.bolt.util.Responder;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackFilesUploadV2Exception;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import com.slack.api.methods.response.files.FilesUploadV2Response;
import com.slack.api.webhook.WebhookResponse;
import dev.rapport.core.reply.Attachment;
import dev.rapport.core.reply.Reply;
import dev.rapport.core.reply.Section;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers a reply to the person who asked: through a response_url (ephemeral unless core says the channel may see
 * it), or as a direct message when there is none. A file (the /export JSON) is uploaded into the user's DM, never
 * into the channel the command was typed in.
 */
final class SlackReplies {
    private static final Logger log = LoggerFactory.getLogger(SlackReplies.class);

    private final Slack slack;
    private final SlackClients clients;
    private final SlackReplyRenderer renderer;

    SlackReplies(SlackClients clients, SlackReplyRenderer renderer) {
        this.slack = clients.slack();
        this.clients = clients;
        this.renderer = renderer;
    }

    /** Answers through a response_url; files go to the user's DM first. True when Slack took the answer. */
    boolean respond(String teamId, String responseUrl, String userId, Reply reply) {
        return respond(responseUrl, withFile(teamId, userId, reply), false);
    }

    /**
     * Shows how far a request has come in place of the message whose button started it (the preview, whose buttons
     * then go, so it is not pressed twice), each step replacing the one before. True when Slack took it.
     */
    boolean progress(String responseUrl, Reply interim) {
        return respond(responseUrl, interim, true);
    }

    private boolean respond(String responseUrl, Reply shown, boolean replaceOriginal) {
        ActionResponse response = ActionResponse.builder()
                .responseType(shown.visibility() == Reply.Visibility.CHANNEL ? "in_channel" : "ephemeral")
                .replaceOriginal(replaceOriginal)
                .text(renderer.fallbackText(shown))
                .blocks(renderer.message(shown))
                .build();
        try {
            WebhookResponse sent = new Responder(slack, responseUrl).send(response);
            if (sent.getCode() != 200) {
                log.warn("Slack refused a response_url answer: HTTP {}", sent.getCode());
                return false;
            }
            return true;
        } catch (IOException e) {
            log.warn("Posting to a response_url failed: {}", e.toString());
            return false;
        }
    }

    /** Answers in a direct message, for interactions that came without a response_url. */
    boolean directMessage(String teamId, String userId, Reply reply) {
        Reply shown = withFile(teamId, userId, reply);
        try {
            Optional<String> channel = openDm(teamId, userId);
            if (channel.isEmpty()) {
                return false;
            }
            Optional<ChatPostMessageResponse> answered = clients.call(
                    teamId,
                    m -> m.chatPostMessage(r -> r.channel(channel.get())
                            .text(renderer.fallbackText(shown))
                            .blocks(renderer.message(shown))
                            .unfurlLinks(false)
                            .unfurlMedia(false)));
            if (answered.isEmpty()) {
                return false;
            }
            ChatPostMessageResponse posted = answered.get();
            if (!posted.isOk()) {
                log.warn("chat.postMessage failed: {}", posted.getError());
            }
            return posted.isOk();
        } catch (IOException | SlackApiException e) {
            log.warn("chat.postMessage failed: {}", e.toString());
            return false;
        }
    }

    private Reply withFile(String teamId, String userId, Reply reply) {
        if (reply.attachment().isEmpty()) {
            return reply;
        }
        boolean uploaded = upload(teamId, userId, reply.attachment().get());
        List<Section> sections = new ArrayList<>(reply.sections());
        sections.add(Section.of(
                uploaded
                        ? "The file is in your direct messages with Rapport."
                        : "I could not upload the file to your direct messages. Please try again later."));
        return new Reply(sections, reply.buttons(), reply.visibility(), Optional.empty(), reply.isError());
    }

    private boolean upload(String teamId, String userId, Attachment file) {
        try {
            Optional<String> channel = openDm(teamId, userId);
            Optional<String> token = clients.tokens().botToken(teamId);
            if (channel.isEmpty() || token.isEmpty()) {
                return false;
            }
            // filesUploadV2 is several calls the SDK makes itself, so it is not one that clients.call can check.
            FilesUploadV2Response uploaded = slack.methods(token.get())
                    .filesUploadV2(r -> r.channel(channel.get())
                            .filename(file.fileName())
                            .title(file.fileName())
                            .content(file.content())
                            .initialComment("Your Rapport export"));
            if (!uploaded.isOk()) {
                log.warn("File upload failed: {}", uploaded.getError());
            }
            return uploaded.isOk();
        } catch (IOException | SlackApiException | SlackFilesUploadV2Exception e) {
            log.warn("File upload failed: {}", e.toString());
            return false;
        }
    }

    private Optional<String> openDm(String teamId, String userId) throws IOException, SlackApiException {
        Optional<ConversationsOpenResponse> answered =
                clients.call(teamId, m -> m.conversationsOpen(r -> r.users(List.of(userId))));
        if (answered.isEmpty()) {
            log.info("No direct message on workspace {}: Rapport is not installed there", teamId);
            return Optional.empty();
        }
        ConversationsOpenResponse open = answered.get();
        if (!open.isOk() || open.getChannel() == null) {
            log.warn("conversations.open failed: {}", open.getError());
            return Optional.empty();
        }
        return Optional.of(open.getChannel().getId());
    }
}
