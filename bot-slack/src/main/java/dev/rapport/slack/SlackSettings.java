package dev.rapport.slack;

import java.util.Objects;
import java.util.Optional;

/**
 * How to reach Slack: the bot token, and either an app-level token (Socket Mode) or a signing secret (HTTP mode on
 * {@code port}). {@code apiUrl} overrides the Web API base. Never printed: {@link #toString()} hides every secret.
 */
public record SlackSettings(
        String botToken, Optional<String> appToken, Optional<String> signingSecret, int port, Optional<String> apiUrl) {
    public static final int DEFAULT_PORT = 3000;

    public SlackSettings {
        Objects.requireNonNull(botToken, "botToken");
        if (botToken.isBlank()) {
            throw new IllegalArgumentException("SLACK_BOT_TOKEN is empty");
        }
        if (appToken.isEmpty() && signingSecret.isEmpty()) {
            throw new IllegalArgumentException(
                    "Slack needs SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode)");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("PORT must be between 0 and 65535, was " + port);
        }
    }

    /** How Slack reaches Rapport. */
    public enum Mode {
        /** Rapport opens a websocket to Slack: no public URL needed. */
        SOCKET,
        /** Slack posts to {@code /slack/events} on {@code port}; requests are checked against the signing secret. */
        HTTP
    }

    public Mode mode() {
        return appToken.isPresent() ? Mode.SOCKET : Mode.HTTP;
    }

    /** The Web API base, ending with a slash as the SDK expects. */
    public Optional<String> apiBase() {
        return apiUrl.map(url -> url.endsWith("/") ? url : url + "/");
    }

    @Override
    public String toString() {
        return "SlackSettings[mode=" + mode() + ", port=" + port + ", apiUrl=" + apiUrl.orElse("default") + "]";
    }
}
