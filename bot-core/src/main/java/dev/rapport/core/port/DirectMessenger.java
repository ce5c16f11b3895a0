package dev.rapport.core.port;

import dev.rapport.core.domain.UserKey;
import dev.rapport.core.reply.Reply;
import java.time.Duration;

/** Sends a direct message that core starts (a digest, a pairing, a check-in). Each platform adapter implements it. */
public interface DirectMessenger {

    /** The platform this messenger delivers to, as in {@link UserKey#platform()}. */
    String platform();

    /**
     * Sends {@code message} privately to the user. {@code dedupeKey} names the message ("digest:42:2026-11-25"); a
     * platform that can detect an earlier send of the same key uses it so a retry after a crash is not a repeat.
     */
    Delivery send(UserKey to, Reply message, String dedupeKey);

    /**
     * Whether a message with this {@code dedupeKey} already reached the user — asked before re-sending something whose
     * earlier attempt may have been cut short by a crash between send and mark. Platforms that drop repeats by
     * themselves (Discord's nonce) need not look; the default answers "not known to be sent".
     */
    default boolean alreadySent(UserKey to, String dedupeKey) {
        return false;
    }

    /** What became of one send. */
    sealed interface Delivery permits Sent, RetryLater, Unreachable, Stopped {}

    /** Delivered. */
    record Sent() implements Delivery {}

    /** A passing failure (rate limit, server error, time-out): try again after the given wait. */
    record RetryLater(Duration after, String reason) implements Delivery {
        /** The reason a messenger gives when the platform said "too many requests" (HTTP 429). */
        public static final String RATE_LIMITED = "ratelimited";

        /** The platform is rate limiting us: sending anything else to it before {@code after} is pointless. */
        public boolean rateLimited() {
            return reason.equals(RATE_LIMITED) || reason.startsWith("rate limited");
        }
    }

    /** This user cannot be messaged (blocked DMs, left, deactivated): stop trying. */
    record Unreachable(String reason) implements Delivery {}

    /**
     * Rapport may no longer send anything to the user's workspace (it was uninstalled there, or its token was revoked
     * or refused): the message is closed with the reason and never tried again. The user is not marked unreachable;
     * it is not they who cannot be messaged.
     */
    record Stopped(String reason) implements Delivery {}
}
