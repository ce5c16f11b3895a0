package dev.rapport.core.delivery;

import dev.rapport.core.domain.RoundDm;
import java.time.LocalDate;

/**
 * The one naming scheme for the messages Rapport starts. A key names the message, not its content, so a resend after
 * a crash is recognisable as the same message: the platform drops it, or {@code alreadySent} finds it.
 */
public final class DedupeKey {
    private DedupeKey() {}

    /** A user's digest of one local date: "digest:42:2026-11-25". */
    public static String digest(long userId, LocalDate date) {
        return "digest:" + userId + ":" + date;
    }

    /** One person's message of a pairing round: "round:7:U123:pair" or "round:7:U123:checkin". */
    public static String roundMessage(long roundId, String platformUserId, RoundDm.Kind kind) {
        return "round:" + roundId + ":" + platformUserId + ":" + (kind == RoundDm.Kind.PAIRING ? "pair" : "checkin");
    }

    /** The kind of message a key names: "digest" or "round" (the part before the first colon). */
    public static String kind(String key) {
        int colon = key.indexOf(':');
        return colon < 0 ? "other" : key.substring(0, colon);
    }
}
