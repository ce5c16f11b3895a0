package dev.rapport.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.methods.response.conversations.ConversationsInfoResponse;
import com.slack.api.methods.response.conversations.ConversationsMembersResponse;
import dev.rapport.core.port.ChannelMembers;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Rapport needs to know about a Slack channel for intros: who is in it (for pairing rounds, without bots and
 * without Rapport itself), and who may manage its rounds (a workspace admin or owner, or the channel's creator).
 */
final class SlackChannels implements ChannelMembers {
    private static final Logger log = LoggerFactory.getLogger(SlackChannels.class);
    private static final int PAGE = 200;
    private static final int MAX_PAGES = 100;

    private final SlackClients clients;
    private final SlackDirectory directory;
    private final Cache<String, String> creators = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofHours(1))
            .build();
    // Rapport's own bot user on each workspace, by the workspace the token was asked for.
    private final ConcurrentMap<String, Identity> selves = new ConcurrentHashMap<>();

    SlackChannels(SlackClients clients, SlackDirectory directory) {
        this.clients = clients;
        this.directory = directory;
    }

    /** Rapport's own bot user on this workspace, from auth.test. */
    private record Identity(String teamId, String userId) {}

    /**
     * The channel's human members with their display names. A failure to list them throws, so that a round waits for
     * Slack instead of running with nobody in it.
     */
    @Override
    public List<Member> members(String platform, String workspace, String channelId) {
        if (!SlackDirectory.PLATFORM.equals(platform)) {
            return List.of();
        }
        if (!clients.installed(workspace)) {
            log.info("Channel {} has no round: Rapport is not installed on workspace {}", channelId, workspace);
            return List.of();
        }
        Optional<Identity> me = identity(workspace);
        if (me.isPresent() && !me.get().teamId().equals(workspace)) {
            log.warn(
                    "Asked for the members of a channel on workspace {}, but Rapport is installed on {}",
                    workspace,
                    me.get().teamId());
            return List.of();
        }
        List<Member> members = new ArrayList<>();
        for (String userId : memberIds(workspace, channelId)) {
            if (me.isPresent() && me.get().userId().equals(userId)) {
                continue;
            }
            Optional<SlackDirectory.Member> member;
            try {
                member = directory.lookUp(workspace, userId);
            } catch (SlackDirectory.Unavailable e) {
                // Those looked up so far stay cached: the next try goes further, and nobody is silently left out.
                throw new IllegalStateException(
                        "users.info for " + userId + " in " + channelId + " failed: " + e.getMessage(), e);
            }
            if (member.isEmpty()) {
                log.warn("Leaving {} out of channel {}'s round: Slack does not know them", userId, channelId);
                continue;
            }
            if (member.get().bot() || member.get().deleted()) {
                continue;
            }
            members.add(new Member(userId, member.get().displayName()));
        }
        return members;
    }

    private Set<String> memberIds(String teamId, String channelId) {
        Set<String> ids = new LinkedHashSet<>();
        String cursor = "";
        for (int page = 0; page < MAX_PAGES; page++) {
            String from = cursor;
            ConversationsMembersResponse listed;
            try {
                listed = clients.call(
                                teamId,
                                m -> m.conversationsMembers(
                                        r -> r.channel(channelId).limit(PAGE).cursor(from.isEmpty() ? null : from)))
                        .orElseThrow(() -> new IllegalStateException("Rapport is not installed on " + teamId));
            } catch (IOException | SlackApiException e) {
                throw new IllegalStateException("conversations.members for " + channelId + " failed: " + e, e);
            }
            if (!listed.isOk()) {
                throw new IllegalStateException(
                        "conversations.members for " + channelId + " failed: " + listed.getError());
            }
            if (listed.getMembers() != null) {
                ids.addAll(listed.getMembers());
            }
            cursor = listed.getResponseMetadata() == null
                    ? ""
                    : Optional.ofNullable(listed.getResponseMetadata().getNextCursor())
                            .orElse("");
            if (cursor.isBlank()) {
                return ids;
            }
        }
        log.warn("Channel {} has more members than Rapport lists ({} pages); the rest wait", channelId, MAX_PAGES);
        return ids;
    }

    /** Whether the user may turn a channel's rounds on or off: a workspace admin or owner, or the channel's creator. */
    boolean canManage(String teamId, String channelId, String userId) {
        boolean admin = directory
                .member(teamId, userId)
                .map(SlackDirectory.Member::admin)
                .orElse(false);
        return admin || creator(teamId, channelId).filter(userId::equals).isPresent();
    }

    private Optional<String> creator(String teamId, String channelId) {
        if (channelId == null || channelId.isBlank()) {
            return Optional.empty();
        }
        String key = teamId + ":" + channelId;
        String cached = creators.getIfPresent(key);
        if (cached != null) {
            return Optional.of(cached).filter(c -> !c.isEmpty());
        }
        try {
            Optional<ConversationsInfoResponse> answered =
                    clients.call(teamId, m -> m.conversationsInfo(r -> r.channel(channelId)));
            if (answered.isEmpty()) {
                return Optional.empty();
            }
            ConversationsInfoResponse info = answered.get();
            if (!info.isOk() || info.getChannel() == null) {
                // A private channel Rapport is not in answers channel_not_found: only admins manage its rounds.
                log.info("conversations.info for {} failed: {}", channelId, info.getError());
                return Optional.empty();
            }
            String creator = Optional.ofNullable(info.getChannel().getCreator()).orElse("");
            creators.put(key, creator);
            return Optional.of(creator).filter(c -> !c.isEmpty());
        } catch (IOException | SlackApiException e) {
            log.warn("conversations.info for {} failed: {}", channelId, e.toString());
            return Optional.empty();
        }
    }

    private Optional<Identity> identity(String teamId) {
        Identity known = selves.get(teamId);
        if (known != null) {
            return Optional.of(known);
        }
        try {
            Optional<AuthTestResponse> answered = clients.call(teamId, m -> m.authTest(r -> r));
            if (answered.isEmpty()) {
                return Optional.empty();
            }
            AuthTestResponse auth = answered.get();
            if (!auth.isOk() || auth.getUserId() == null) {
                log.warn("auth.test failed: {}", auth.getError());
                return Optional.empty();
            }
            Identity found = new Identity(auth.getTeamId(), auth.getUserId());
            selves.put(teamId, found);
            return Optional.of(found);
        } catch (IOException | SlackApiException e) {
            log.warn("auth.test failed: {}", e.toString());
            return Optional.empty();
        }
    }
}
