package dev.rapport.core.domain;

import java.util.Objects;

/** Who a user is on their platform: platform, workspace (Slack team, or "" where users are global) and user id. */
public record UserKey(String platform, String workspace, String platformUserId) {
    public UserKey {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(platformUserId, "platformUserId");
    }
}
