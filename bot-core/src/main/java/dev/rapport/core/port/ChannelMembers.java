package dev.rapport.core.port;

import java.util.List;

/**
 * Who is in a team channel, for pairing rounds. Adapters that can list a channel's members implement it (Slack:
 * conversations.members, without bots); where the platform cannot (Discord without the privileged members intent)
 * it may return an empty list and members opt in with /intro rounds join.
 */
public interface ChannelMembers {
    List<Member> members(String platform, String workspace, String channelId);

    /** A channel member: the platform's user id and the name to show. */
    record Member(String userId, String displayName) {}

    /** For platforms (and tests) where members only opt in. */
    static ChannelMembers none() {
        return (platform, workspace, channelId) -> List.of();
    }
}
