package dev.rapport.discord;

import java.util.Objects;
import java.util.Optional;

/**
 * How to reach Discord: the bot token, an optional development server that gets the commands instantly, an optional
 * REST base URL (a proxy or a test server), and the bot's global REST limit (Discord's 50 requests a second unless
 * Discord granted more). {@link #toString()} never shows the token.
 */
public record DiscordSettings(
        String token, Optional<Long> devGuildId, Optional<String> apiBaseUrl, double requestsPerSecond) {
    public DiscordSettings {
        Objects.requireNonNull(token, "token");
        if (token.isBlank()) {
            throw new IllegalArgumentException("The Discord token is empty.");
        }
        if (!(requestsPerSecond > 0)) {
            throw new IllegalArgumentException("DISCORD_REQUESTS_PER_SECOND must be a positive number.");
        }
    }

    /** At Discord's global limit for a bot. */
    public DiscordSettings(String token, Optional<Long> devGuildId, Optional<String> apiBaseUrl) {
        this(token, devGuildId, apiBaseUrl, DiscordPacing.GLOBAL_PER_SECOND);
    }

    @Override
    public String toString() {
        return "DiscordSettings[token=(hidden), devGuildId=" + devGuildId + ", apiBaseUrl=" + apiBaseUrl
                + ", requestsPerSecond=" + requestsPerSecond + "]";
    }
}
