package dev.rapport.discord;

import dev.rapport.core.domain.UserKey;
import dev.rapport.core.port.DirectMessenger;
import dev.rapport.core.port.DmChannels;
import dev.rapport.core.reply.Reply;
import dev.rapport.discord.command.Requesters;
import dev.rapport.discord.render.DiscordReplyRenderer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.PrivateChannel;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.RateLimitedException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.internal.entities.channel.concrete.PrivateChannelImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Core's direct messages on Discord, through the user's private channel. Each message carries a nonce made from its
 * dedupe key; JDA always asks Discord to enforce nonces, so a resend after a crash is dropped by Discord (within
 * the few minutes Discord remembers nonces). JDA keeps to each route's limit and {@link DiscordPacing} to the global
 * one; a route's 429 that comes anyway is handed to the outbox to retry, rather than waited out on this thread. The private channel, once opened, is kept in the database
 * (when given {@link DmChannels}), so that neither a later digest nor a restart pays the open again; a kept channel
 * Discord no longer knows is forgotten and opened afresh.
 */
public final class DiscordMessenger implements DirectMessenger {
    static final Duration RETRY_AFTER = Duration.ofMinutes(1);
    /** Discord's own trouble (5xx that JDA did not retry itself): soon again, the pacer bounds how often. */
    static final Duration SERVER_TROUBLE_WAIT = Duration.ofSeconds(5);
    /**
     * The reason of a message that waits for one route's limit: not a rate limit of the whole platform, so other
     * messages are not held.
     */
    static final String ROUTE_RATE_LIMITED = "route_ratelimited";

    private static final Logger log = LoggerFactory.getLogger(DiscordMessenger.class);
    private static final Set<ErrorResponse> UNREACHABLE =
            EnumSet.of(ErrorResponse.CANNOT_SEND_TO_USER, ErrorResponse.UNKNOWN_USER);
    private static final String POINTER = "— more: /followup list";

    private final Supplier<JDA> jda;
    private final DiscordReplyRenderer renderer;
    private final Duration timeout;
    private final Optional<DmChannels> channels;

    /** A messenger that opens the private channel for every message (tests, tools). */
    public DiscordMessenger(JDA jda, DiscordReplyRenderer renderer, Duration timeout) {
        this(() -> jda, renderer, timeout, Optional.empty());
    }

    /** Over whichever connection {@code jda} gives at send time: with shards, any shard can open a DM over REST. */
    public DiscordMessenger(Supplier<JDA> jda, DiscordReplyRenderer renderer, Duration timeout) {
        this(jda, renderer, timeout, Optional.empty());
    }

    /** The messenger that ships: private channels kept in {@code channels} once opened. */
    public DiscordMessenger(
            Supplier<JDA> jda, DiscordReplyRenderer renderer, Duration timeout, Optional<DmChannels> channels) {
        this.jda = jda;
        this.renderer = renderer;
        this.timeout = timeout;
        this.channels = channels;
    }

    @Override
    public String platform() {
        return Requesters.PLATFORM;
    }

    /** Blocks until Discord answers or the time-out passes; call it off JDA's own threads. */
    @Override
    public Delivery send(UserKey to, Reply message, String dedupeKey) {
        if (!to.platform().equals(platform())) {
            throw new IllegalArgumentException("Not a Discord user: " + to.platform());
        }
        long userId;
        try {
            userId = Long.parseUnsignedLong(to.platformUserId());
        } catch (NumberFormatException e) {
            return new Unreachable("not a Discord user id");
        }
        MessageCreateData data = renderer.render(message, POINTER);
        JDA connection = jda.get();
        try {
            Optional<String> kept = channels.flatMap(stored -> stored.find(to));
            if (kept.isPresent()) {
                try {
                    post(kept(connection, kept.get()), data, dedupeKey);
                    return new Sent();
                } catch (ErrorResponseException e) {
                    if (e.getErrorResponse() != ErrorResponse.UNKNOWN_CHANNEL) {
                        throw e;
                    }
                    // The kept channel is gone: forget it and open the person's channel afresh.
                    channels.get().forget(to);
                }
            }
            PrivateChannel opened = connection
                    .openPrivateChannelById(userId)
                    .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .complete(false);
            channels.ifPresent(stored -> stored.remember(to, opened.getId()));
            post(opened, data, dedupeKey);
            return new Sent();
        } catch (RateLimitedException e) {
            // A route's limit (this DM channel's, say): JDA would hold this thread until it resets; the outbox waits
            // instead, and other people's messages go on. JDA itself keeps to a global limit it was told of.
            return new RetryLater(Duration.ofMillis(Math.max(0, e.getRetryAfter())), ROUTE_RATE_LIMITED);
        } catch (ErrorResponseException e) {
            if (UNREACHABLE.contains(e.getErrorResponse())) {
                return new Unreachable(e.getMeaning());
            }
            log.warn("Discord refused a direct message ({} {})", e.getErrorCode(), e.getMeaning());
            return new RetryLater(
                    e.isServerError() ? SERVER_TROUBLE_WAIT : RETRY_AFTER,
                    "Discord error " + e.getErrorCode() + ": " + e.getMeaning());
        } catch (RuntimeException e) {
            log.warn("A direct message could not be sent", e);
            return new RetryLater(RETRY_AFTER, e.getClass().getSimpleName());
        }
    }

    private void post(MessageChannel channel, MessageCreateData data, String dedupeKey) throws RateLimitedException {
        channel.sendMessage(data)
                .setNonce(nonce(dedupeKey))
                .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .complete(false);
    }

    /**
     * A private channel known by its id alone. JDA has no public way to name a channel it has not cached, so its own
     * entity is made here, with no recipient (which only its bot-to-bot check reads).
     */
    private static MessageChannel kept(JDA connection, String channelId) {
        return new PrivateChannelImpl(connection, Long.parseUnsignedLong(channelId), null);
    }

    /** Discord nonces hold at most 25 characters, so the key is hashed (base 36 of SHA-256, cut to 25). */
    static String nonce(String dedupeKey) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(dedupeKey.getBytes(StandardCharsets.UTF_8));
            String text = new BigInteger(1, hash).toString(36);
            return text.substring(0, Math.min(text.length(), Message.MAX_NONCE_LENGTH));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
