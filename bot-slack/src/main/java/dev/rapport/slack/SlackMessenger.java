package dev.rapport.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import com.slack.api.model.Message;
import dev.rapport.core.delivery.Pacer;
import dev.rapport.core.domain.UserKey;
import dev.rapport.core.port.DirectMessenger;
import dev.rapport.core.port.DmChannels;
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
    /** Slack's own trouble (5xx, a network error): the pacer bounds how often any retry goes out. */
    private static final Duration SERVER_TROUBLE_WAIT = Duration.ofSeconds(5);
    /** The reason of a message that waits for its own DM's limit: not a rate limit of the platform. */
    static final String CHANNEL_RATE_LIMITED = "channel_ratelimited";

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
    // A user's DM channel with Rapport does not change: opening it once saves a call on every later digest. The
    // database keeps it across restarts and instances; this cache saves reading it there.
    private final Cache<String, String> imChannels =
            Caffeine.newBuilder().maximumSize(100_000).build();
    private final Optional<DmChannels> stored;
    private final Optional<Pacer> pacer;
    private final SlackPacing pacing;

    /** A messenger that keeps DM channels in this process only and does not pace its calls (tests, tools). */
    SlackMessenger(SlackClients clients, SlackReplyRenderer renderer) {
        this(clients, renderer, Optional.empty(), Optional.empty(), SlackPacing.tiers());
    }

    /** The messenger that ships: DM channels kept in the database, every call paced to Slack's limits. */
    SlackMessenger(
            SlackClients clients,
            SlackReplyRenderer renderer,
            Optional<DmChannels> stored,
            Optional<Pacer> pacer,
            SlackPacing pacing) {
        this.clients = clients;
        this.renderer = renderer;
        this.stored = stored;
        this.pacer = pacer;
        this.pacing = pacing;
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
        Optional<String> cached = knownChannel(to);
        String calling = "conversations.open";
        try {
            String channel;
            if (cached.isPresent()) {
                channel = cached.get();
            } else {
                pace(team, calling);
                Optional<ConversationsOpenResponse> opened =
                        clients.call(team, m -> m.conversationsOpen(r -> r.users(List.of(to.platformUserId()))));
                if (opened.isEmpty()) {
                    return new Stopped(NOT_INSTALLED);
                }
                ConversationsOpenResponse open = opened.get();
                if (!open.isOk() || open.getChannel() == null) {
                    return failed(team, calling, open);
                }
                channel = open.getChannel().getId();
                rememberChannel(to, channel);
            }
            String target = channel;
            calling = "chat.postMessage";
            pace(team, calling);
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
            if (!posted.isOk() && cached.isPresent() && STALE_CHANNEL.contains(posted.getError())) {
                // The remembered DM channel is gone: open it afresh once before concluding anything.
                forgetChannel(to);
                return send(to, message, dedupeKey);
            }
            return posted.isOk() ? new Sent() : failed(team, calling, posted);
        } catch (SlackApiException e) {
            return httpFailure(team, calling, e);
        } catch (IOException e) {
            return new RetryLater(
                    SERVER_TROUBLE_WAIT, "network: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            // Stopping: nothing was sent on this call, so the message simply stays due.
            Thread.currentThread().interrupt();
            return new RetryLater(Duration.ZERO, "stopping");
        }
    }

    private Optional<String> knownChannel(UserKey to) {
        String dm = to.workspace() + ":" + to.platformUserId();
        String cached = imChannels.getIfPresent(dm);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<String> kept = stored.flatMap(channels -> channels.find(to));
        kept.ifPresent(channel -> imChannels.put(dm, channel));
        return kept;
    }

    private void rememberChannel(UserKey to, String channel) {
        imChannels.put(to.workspace() + ":" + to.platformUserId(), channel);
        stored.ifPresent(channels -> channels.remember(to, channel));
    }

    private void forgetChannel(UserKey to) {
        imChannels.invalidate(to.workspace() + ":" + to.platformUserId());
        stored.ifPresent(channels -> channels.forget(to));
    }

    /** Waits for the method's turn on the workspace, so that Slack is never sent a call it would refuse. */
    private void pace(String team, String method) throws InterruptedException {
        if (pacer.isPresent()) {
            pacer.get().acquire(pacing.lane(team, method));
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
        try {
            Optional<String> known = knownChannel(to);
            String channel;
            if (known.isPresent()) {
                channel = known.get();
            } else {
                pace(team, "conversations.open");
                Optional<ConversationsOpenResponse> open =
                        clients.call(team, m -> m.conversationsOpen(r -> r.users(List.of(to.platformUserId()))));
                if (open.isEmpty() || !open.get().isOk() || open.get().getChannel() == null) {
                    return false;
                }
                channel = open.get().getChannel().getId();
                rememberChannel(to, channel);
            }
            String target = channel;
            pace(team, "conversations.history");
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
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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

    private Delivery failed(String team, String method, SlackApiTextResponse response) {
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
            pacer.ifPresent(p -> p.pauseFor(pacing.lane(team, method), DEFAULT_RATE_LIMIT_WAIT));
            return new RetryLater(DEFAULT_RATE_LIMIT_WAIT, RetryLater.RATE_LIMITED);
        }
        if (SETUP.contains(error)) {
            log.error("Slack refused {} ({}): check the bot token and its scopes", method, error);
            return new RetryLater(SETUP_TROUBLE_WAIT, error);
        }
        log.warn("Slack refused {} ({})", method, error);
        return new RetryLater(SERVER_TROUBLE_WAIT, error);
    }

    private Delivery httpFailure(String team, String method, SlackApiException e) {
        int status = e.getResponse() == null ? 0 : e.getResponse().code();
        if (status == 429) {
            Duration wait = retryAfter(e).orElse(DEFAULT_RATE_LIMIT_WAIT);
            if (method.equals("chat.postMessage") && pacer.isPresent()) {
                // chat.postMessage is limited per channel (a message a second to one DM) under a workspace budget
                // that the pacer already keeps to: this refusal is this DM's, so only this message waits, exactly
                // as long as Slack said, and the other DMs go on.
                return new RetryLater(wait, CHANNEL_RATE_LIMITED);
            }
            // Exactly Slack's wait, on the lane of the method it refused (and, through the outbox, for the platform).
            pacer.ifPresent(p -> p.pauseFor(pacing.lane(team, method), wait));
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
