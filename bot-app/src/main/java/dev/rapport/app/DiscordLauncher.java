package dev.rapport.app;

import dev.rapport.core.api.Rapport;
import dev.rapport.core.inbox.InboxWorkers;
import dev.rapport.discord.DiscordBot;
import dev.rapport.discord.DiscordSettings;
import dev.rapport.discord.DiscordShards;
import java.util.Optional;

/** Starts the Discord adapter when DISCORD_TOKEN is configured; its interactions go through {@code inbox}. */
final class DiscordLauncher {
    private DiscordLauncher() {}

    /** The running adapter, or empty when Discord is not configured. */
    static Optional<Running> start(Config config, Rapport rapport, InboxWorkers inbox) {
        Optional<String> token = config.get("DISCORD_TOKEN");
        if (token.isEmpty()) {
            return Optional.empty();
        }
        DiscordSettings settings = new DiscordSettings(token.get(), guildId(config), config.get("DISCORD_API_URL"));
        Optional<DiscordShards> shards =
                DiscordShards.parse(config.get("DISCORD_SHARDS"), config.get("DISCORD_SHARD_IDS"));
        DiscordBot bot = shards.isPresent()
                ? DiscordBot.start(settings, shards.get(), rapport, inbox)
                : DiscordBot.start(settings, rapport, inbox);
        return Optional.of(new Running(bot, bot.messenger(), bot.channelMembers(), bot::connected));
    }

    private static Optional<Long> guildId(Config config) {
        return config.get("DISCORD_GUILD_ID").map(id -> {
            try {
                return Long.parseUnsignedLong(id);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("DISCORD_GUILD_ID must be a server id (digits), not “" + id + "”.");
            }
        });
    }
}
