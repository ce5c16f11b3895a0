package dev.rapport.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.User;
import dev.rapport.core.api.Mentioned;
import dev.rapport.core.api.Requester;
import dev.rapport.core.domain.UserKey;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Workspace members as Rapport needs them: display name and time zone from {@code users.info}, cached. */
final class SlackDirectory {
    static final String PLATFORM = "slack";
    private static final Logger log = LoggerFactory.getLogger(SlackDirectory.class);
    private static final Pattern MENTION = Pattern.compile("<@([UW][A-Z0-9]+)(?:\\|[^>]*)?>");

    private final SlackClients clients;
    private final Cache<String, Member> members = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofHours(1))
            .build();

    SlackDirectory(SlackClients clients) {
        this.clients = clients;
    }

    /**
     * A member's name and zone as far as Slack told us, and what kind of account it is: a bot, a workspace admin or
     * owner, a deactivated account.
     */
    record Member(
            String displayName, String personName, Optional<ZoneId> zone, boolean bot, boolean admin, boolean deleted) {
        Member(String displayName, Optional<ZoneId> zone) {
            this(displayName, displayName, zone, false, false, false);
        }
    }

    /** Who is asking, with their Slack time zone so core can use it on first contact. */
    Requester requester(String teamId, String userId, String fallbackName) {
        Member member = member(teamId, userId).orElse(new Member(nameOr(fallbackName, userId), Optional.empty()));
        return new Requester(new UserKey(PLATFORM, teamId, userId), member.displayName(), member.zone());
    }

    /**
     * The users mentioned ({@code <@U…>}) in a command's text: the names a contact made from them gets (their real
     * name, else their display name, never the handle the mention carries), and which of them are bots.
     */
    Map<String, Mentioned> mentions(String teamId, String text) {
        Map<String, Mentioned> mentioned = new LinkedHashMap<>();
        Matcher mention = MENTION.matcher(text == null ? "" : text);
        while (mention.find()) {
            String id = mention.group(1);
            member(teamId, id).ifPresent(member -> mentioned.put(id, new Mentioned(member.personName(), member.bot())));
        }
        return mentioned;
    }

    /** What users.info says about a member (cached), empty when Slack cannot tell. */
    Optional<Member> member(String teamId, String userId) {
        try {
            return lookUp(teamId, userId);
        } catch (Unavailable e) {
            log.warn("users.info for {} failed: {}", userId, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * What users.info says about a member (cached): empty when Slack says there is no such user, and
     * {@link Unavailable} when Slack could not be asked just now (rate limit, network), so a caller that must not
     * leave anyone out can wait and try again.
     */
    Optional<Member> lookUp(String teamId, String userId) {
        String key = teamId + ":" + userId;
        Member cached = members.getIfPresent(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Member> fetched = fetch(teamId, userId);
        fetched.ifPresent(member -> members.put(key, member));
        return fetched;
    }

    /** Slack could not be asked just now. */
    static final class Unavailable extends RuntimeException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private Optional<Member> fetch(String teamId, String userId) {
        try {
            Optional<UsersInfoResponse> answered = clients.call(teamId, m -> m.usersInfo(r -> r.user(userId)));
            if (answered.isEmpty()) {
                // Rapport is not installed there (any more): nobody to ask.
                return Optional.empty();
            }
            UsersInfoResponse info = answered.get();
            if (!info.isOk() || info.getUser() == null) {
                if ("ratelimited".equals(info.getError())) {
                    throw new Unavailable("ratelimited", null);
                }
                log.warn("users.info for {} failed: {}", userId, info.getError());
                return Optional.empty();
            }
            User user = info.getUser();
            String name = firstPresent(
                    user.getProfile() == null ? null : user.getProfile().getDisplayName(),
                    user.getRealName(),
                    user.getName(),
                    userId);
            String personName = firstPresent(
                    user.getRealName(),
                    user.getProfile() == null ? null : user.getProfile().getRealName(),
                    user.getProfile() == null ? null : user.getProfile().getDisplayName(),
                    name);
            boolean bot = user.isBot() || "USLACKBOT".equals(userId);
            return Optional.of(new Member(
                    name, personName, zone(user.getTz()), bot, user.isAdmin() || user.isOwner(), user.isDeleted()));
        } catch (IOException | SlackApiException e) {
            throw new Unavailable(e.toString(), e);
        }
    }

    private static Optional<ZoneId> zone(String tz) {
        if (tz == null || tz.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(tz));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static String nameOr(String name, String fallback) {
        return name == null || name.isBlank() ? fallback : name;
    }

    private static String firstPresent(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return "";
    }
}
