package dev.rapport.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import com.slack.api.model.Message;
import dev.rapport.core.domain.UserKey;
import dev.rapport.core.port.DirectMessenger;
import dev.rapport.core.reply.Reply;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Core's direct messages on Slack: {@code conversations.open} then {@code chat.postMessage} with the token of the
 * user's own workspace, the dedupe key in the message metadata, where {@link #alreadySent} finds it again. Rate limits
 * and server trouble say when to retry; a user Slack will not let us message is unreachable; a workspace Rapport is
 * not installed on (any more), or whose token Slack refuses, gets nothing more.
 */
public final class SlackMessenger implements DirectMessenger {
    /** The metadata event type of every message Rapport starts; its payload holds {@code key}. */
    public static final String METADATA_EVENT = "rapport_message";

    private static final Logger log = LoggerFactory.getLogger(SlackMessenger.class);
    /** How many of the DM's latest messages {@link #alreadySent} reads: a crash cuts short only the last sends. */
    static final int HISTORY_LOOKBACK = 20;

    private static final Duration DEFAULT_RATE_LIMIT_WAIT = Duration.ofSeconds(30);
    private static final Duration SERVER_TROUBLE_WAIT = Duration.ofMinutes(1);
    private static final Duration SETUP_TROUBLE_WAIT = Duration.ofHours(1);
    private static final Set<String> UNREACHABLE = Set.of(
            "user_not_found",
            "users_not_found",
            "cannot_dm_bot",
            "account_inactive",
            "user_disabled",
            "user_is_restricted",
            "user_is_ultra_restricted",
            "channel_not_found",
            "is_archived",
            "not_in_channel",
            "messages_tab_disabled",
            "restricted_action",
            "cannot_dm_user",
            "cannot_message_user");
    private static final Set<String> SETUP = Set.of(
            "invalid_auth",
            "not_authed",
            "token_revoked",
            "token_expired",
            "account_inactive_token",
            "missing_scope",
            "not_allowed_token_type");

    private static final Set<String> STALE_CHANNEL = Set.of("channel_not_found", "is_archived", "not_in_channel");

    /** Why nothing is sent to a workspace that has no installation. */
    static final String NOT_INSTALLED = "not_installed";

    private final SlackClients clients;
    private final SlackReplyRenderer renderer;
    // A user's DM channel with Rapport does not change: opening it once saves a call on every later digest.
    private final Cache<String, String> imChannels =
            Caffeine.newBuilder().maximumSize(100_000).build();

    SlackMessenger(SlackClients clients, SlackReplyRenderer renderer) {
        this.clients = clients;
        this.renderer = renderer;
    }

    @Override
    public String platform() {
        return SlackDirectory.PLATFORM;
    }

    @Override
    public Delivery send(UserKey to, Reply message, String dedupeKey) {
        if (!SlackDirectory.PLATFORM.equals(to.platform())) {
            throw new IllegalArgumentException("Not a Slack user: platform " + to.platform());
        }
        String team = to.workspace();
        String dm = team + ":" + to.platformUserId();
        String cached = imChannels.getIfPresent(dm);
        try {
            String channel = cached;
            if (channel == null) {
                Optional<ConversationsOpenResponse> opened =
                        clients.call(team, m -> m.conversationsOpen(r -> r.users(List.of(to.platformUserId()))));
                if (opened.isEmpty()) {
                    return new Stopped(NOT_INSTALLED);
                }
                ConversationsOpenResponse open = opened.get();
                if (!open.isOk() || open.getChannel() == null) {
                    return failed("conversations.open", open);
                }
                channel = open.getChannel().getId();
                imChannels.put(dm, channel);
            }
            String target = channel;
            Optional<ChatPostMessageResponse> answered = clients.call(
                    team,
                    m -> m.chatPostMessage(r -> r.channel(target)
                            .text(renderer.fallbackText(message))
                            .blocks(renderer.message(message))
                            .metadata(new Message.Metadata(METADATA_EVENT, Map.of("key", dedupeKey)))
                            .unfurlLinks(false)
                            .unfurlMedia(false)));
            if (answered.isEmpty()) {
                return new Stopped(NOT_INSTALLED);
            }
            ChatPostMessageResponse posted = answered.get();
            if (!posted.isOk() && cached != null && STALE_CHANNEL.contains(posted.getError())) {
                // The remembered DM channel is gone: open it afresh once before concluding anything.
                imChannels.invalidate(dm);
                return send(to, message, dedupeKey);
            }
            return posted.isOk() ? new Sent() : failed("chat.postMessage", posted);
        } catch (SlackApiException e) {
            return httpFailure(e);
        } catch (IOException e) {
            return new RetryLater(
                    SERVER_TROUBLE_WAIT, "network: " + e.getClass().getSimpleName());
        }
    }

    /**
     * Looks in the user's DM with Rapport for a recent message of ours whose metadata carries this key: a send cut
     * short by a crash after Slack accepted it. Any trouble answers false, and the message is sent (again).
     */
    @Override
    public boolean alreadySent(UserKey to, String dedupeKey) {
        if (!SlackDirectory.PLATFORM.equals(to.platform())) {
            return false;
        }
        String team = to.workspace();
        String dm = team + ":" + to.platformUserId();
        try {
            String channel = imChannels.getIfPresent(dm);
            if (channel == null) {
                Optional<ConversationsOpenResponse> open =
                        clients.call(team, m -> m.conversationsOpen(r -> r.users(List.of(to.platformUserId()))));
                if (open.isEmpty() || !open.get().isOk() || open.get().getChannel() == null) {
                    return false;
                }
                channel = open.get().getChannel().getId();
                imChannels.put(dm, channel);
            }
            String target = channel;
            Optional<ConversationsHistoryResponse> answered = clients.call(
                    team,
                    m -> m.conversationsHistory(
                            r -> r.channel(target).limit(HISTORY_LOOKBACK).includeAllMetadata(true)));
            if (answered.isEmpty()) {
                return false;
            }
            ConversationsHistoryResponse history = answered.get();
            if (!history.isOk() || history.getMessages() == null) {
                log.warn("conversations.history failed: {}", history.getError());
                return false;
            }
            return history.getMessages().stream().anyMatch(m -> ours(m, dedupeKey));
        } catch (IOException | SlackApiException | RuntimeException e) {
            log.warn("Could not look for an earlier send of {}: {}", dedupeKey, e.toString());
            return false;
        }
    }

    private static boolean ours(Message message, String dedupeKey) {
        Message.Metadata metadata = message.getMetadata();
        return message.getBotId() != null
                && metadata != null
                && METADATA_EVENT.equals(metadata.getEventType())
                && metadata.getEventPayload() != null
                && dedupeKey.equals(String.valueOf(metadata.getEventPayload().get("key")));
    }

    private Delivery failed(String method, SlackApiTextResponse response) {
        String error =
                Optional.ofNullable(response.getError()).orElse("unknown_error").toLowerCase(Locale.ROOT);
        if (clients.tokens().stopsOn(error)) {
            // The installation is marked broken already (SlackClients saw the answer): nothing more goes there.
            return new Stopped(error);
        }
        if (UNREACHABLE.contains(error)) {
            return new Unreachable(error);
        }
        if (error.equals("ratelimited")) {
            return new RetryLater(DEFAULT_RATE_LIMIT_WAIT, RetryLater.RATE_LIMITED);
        }
        if (SETUP.contains(error)) {
            log.error("Slack refused {} ({}): check the bot token and its scopes", method, error);
            return new RetryLater(SETUP_TROUBLE_WAIT, error);
        }
        log.warn("Slack refused {} ({})", method, error);
        return new RetryLater(SERVER_TROUBLE_WAIT, error);
    }

    private static Delivery httpFailure(SlackApiException e) {
        int status = e.getResponse() == null ? 0 : e.getResponse().code();
        if (status == 429) {
            Duration wait = retryAfter(e).orElse(DEFAULT_RATE_LIMIT_WAIT);
            return new RetryLater(wait, RetryLater.RATE_LIMITED);
        }
        if (e.getError() != null && e.getError().getError() != null) {
            String error = e.getError().getError();
            if (UNREACHABLE.contains(error)) {
                return new Unreachable(error);
            }
        }
        return new RetryLater(SERVER_TROUBLE_WAIT, "slack http " + status);
    }

    private static Optional<Duration> retryAfter(SlackApiException e) {
        String header = e.getResponse().header("Retry-After");
        if (header == null) {
            return Optional.empty();
        }
        try {
            long seconds = Long.parseLong(header.strip());
            return seconds >= 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
        } catch (NumberFormatException ignored) {
            return Optional.empty();
        }
    }
}
