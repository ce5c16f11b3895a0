package dev.rapport.core.install;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Rapport installed on one workspace, as an adapter needs it: the workspace key (the Slack team id, or the
 * enterprise id of an organisation-wide install), both ids as the platform gave them, the bot's ids and scopes, who
 * installed it, and the bot token in the clear. {@link #toString()} never shows the token.
 */
public record Installation(
        String platform,
        String workspace,
        Optional<String> enterpriseId,
        Optional<String> teamId,
        String botUserId,
        String botId,
        String scopes,
        String installerUserId,
        String botToken,
        Instant installedAt) {
    public Installation {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(botToken, "botToken");
        if (workspace.isBlank() || botToken.isBlank()) {
            throw new IllegalArgumentException("An installation needs its workspace and bot token");
        }
        botUserId = Objects.requireNonNullElse(botUserId, "");
        botId = Objects.requireNonNullElse(botId, "");
        scopes = Objects.requireNonNullElse(scopes, "");
        installerUserId = Objects.requireNonNullElse(installerUserId, "");
    }

    @Override
    public String toString() {
        return "Installation[" + platform + ":" + workspace + ", bot user " + botUserId + ", installer "
                + installerUserId + ", token (hidden)]";
    }
}
