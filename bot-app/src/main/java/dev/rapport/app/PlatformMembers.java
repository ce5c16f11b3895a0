package dev.rapport.app;

import dev.rapport.core.port.ChannelMembers;
import java.util.List;
import java.util.Map;

/** Routes a channel-members question to the adapter of the channel's platform. */
record PlatformMembers(Map<String, ChannelMembers> byPlatform) implements ChannelMembers {
    @Override
    public List<Member> members(String platform, String workspace, String channelId) {
        ChannelMembers members = byPlatform.get(platform);
        return members == null ? List.of() : members.members(platform, workspace, channelId);
    }
}
