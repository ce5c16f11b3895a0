package dev.rapport.core.domain;

import java.util.Objects;

/** A team channel: platform, workspace (Slack team, or "" where users are global) and the channel's id. */
public record ChannelKey(String platform, String workspace, String channelId) {
    public ChannelKey {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(channelId, "channelId");
    }
}
