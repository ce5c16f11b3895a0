package dev.rapport.core.exchange;

import dev.rapport.core.domain.User;
import dev.rapport.core.port.CalendarFeedStore;
import dev.rapport.core.port.UserStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Each user's private calendar feed: a random token in a secret URL, stored only as its SHA-256. A request is looked
 * up by the hash (an index lookup whose time does not depend on how much of a token is right), and every request,
 * known token or not, hashes the same way first.
 */
public final class CalendarFeed {
    private static final int TOKEN_BYTES = 32;
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final Clock clock;
    private final UserStore users;
    private final CalendarFeedStore feeds;
    private final Exports exports;
    private final SecureRandom random = new SecureRandom();

    public CalendarFeed(Clock clock, UserStore users, CalendarFeedStore feeds, Exports exports) {
        this.clock = clock;
        this.users = users;
        this.feeds = feeds;
        this.exports = exports;
    }

    /** A new token for the owner, replacing (and so revoking) any earlier one; returned once, never stored. */
    public String newToken(long ownerId, Instant now) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        feeds.put(ownerId, hash(token), now);
        return token;
    }

    public boolean has(long ownerId) {
        return feeds.has(ownerId);
    }

    public boolean revoke(long ownerId) {
        return feeds.delete(ownerId);
    }

    /** The ICS of the token's owner, as of now in their zone; empty for a token that is not (or no longer) anyone's. */
    public Optional<String> ics(String token) {
        String hash = hash(token == null ? "" : token);
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        return feeds.ownerOf(hash).flatMap(users::byId).map(this::calendar);
    }

    private String calendar(User user) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, user.settings().zone());
        return exports.calendar(user.id(), today, now);
    }

    static String hash(String token) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
