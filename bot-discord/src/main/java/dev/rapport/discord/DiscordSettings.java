package dev.rapport.discord;

import java.util.Objects;
import java.util.Optional;

/**
 * How to reach Discord: the bot token, an optional development server that gets the commands instantly, and an
 * optional REST base URL (a proxy or a test server). {@link #toString()} never shows the token.
 */
public record DiscordSettings(String token, Optional<Long> devGuildId, Optional<String> apiBaseUrl) {
    public DiscordSettings {
        Objects.requireNonNull(token, "token");
        if (token.isBlank()) {
            throw new IllegalArgumentException("The Discord token is empty.");
        }
    }

    @Override
    public String toString() {
        return "DiscordSettings[token=(hidden), devGuildId=" + devGuildId + ", apiBaseUrl=" + apiBaseUrl + "]";
    }
}
