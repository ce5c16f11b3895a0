package dev.rapport.discord;

import dev.rapport.core.domain.UserKey;
import dev.rapport.core.port.DirectMessenger;
import dev.rapport.core.reply.Reply;
import dev.rapport.discord.command.Requesters;
import dev.rapport.discord.render.DiscordReplyRenderer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Core's direct messages on Discord, through the user's private channel. Each message carries a nonce made from its
 * dedupe key; JDA always asks Discord to enforce nonces, so a resend after a crash is dropped by Discord (within
 * the few minutes Discord remembers nonces). Rate limits are JDA's business: it waits and retries on its own.
 */
public final class DiscordMessenger implements DirectMessenger {
    static final Duration RETRY_AFTER = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(DiscordMessenger.class);
    private static final Set<ErrorResponse> UNREACHABLE =
            EnumSet.of(ErrorResponse.CANNOT_SEND_TO_USER, ErrorResponse.UNKNOWN_USER);
    private static final String POINTER = "— more: /followup list";

    private final Supplier<JDA> jda;
    private final DiscordReplyRenderer renderer;
    private final Duration timeout;

    public DiscordMessenger(JDA jda, DiscordReplyRenderer renderer, Duration timeout) {
        this(() -> jda, renderer, timeout);
    }

    /** Over whichever connection {@code jda} gives at send time: with shards, any shard can open a DM over REST. */
    public DiscordMessenger(Supplier<JDA> jda, DiscordReplyRenderer renderer, Duration timeout) {
        this.jda = jda;
        this.renderer = renderer;
        this.timeout = timeout;
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
        try {
            jda.get()
                    .openPrivateChannelById(userId)
                    .flatMap(channel -> channel.sendMessage(data).setNonce(nonce(dedupeKey)))
                    .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .complete();
            return new Sent();
        } catch (ErrorResponseException e) {
            if (UNREACHABLE.contains(e.getErrorResponse())) {
                return new Unreachable(e.getMeaning());
            }
            log.warn("Discord refused a direct message ({} {})", e.getErrorCode(), e.getMeaning());
            return new RetryLater(RETRY_AFTER, "Discord error " + e.getErrorCode() + ": " + e.getMeaning());
        } catch (RuntimeException e) {
            log.warn("A direct message could not be sent", e);
            return new RetryLater(RETRY_AFTER, e.getClass().getSimpleName());
        }
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
