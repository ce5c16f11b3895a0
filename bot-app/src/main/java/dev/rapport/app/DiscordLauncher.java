package dev.rapport.app;

import dev.rapport.core.command.Rapport;
import java.util.Optional;

/** Starts the Discord adapter when DISCORD_TOKEN is configured. */
final class DiscordLauncher {
    private DiscordLauncher() {}

    /** The running adapter, or empty when Discord is not configured. */
    static Optional<Running> start(Config config, Rapport rapport) {
        if (!config.hasDiscord()) {
            return Optional.empty();
        }
        throw new IllegalStateException(
                "The Discord adapter is not built yet; unset DISCORD_TOKEN to use the console.");
    }
}
