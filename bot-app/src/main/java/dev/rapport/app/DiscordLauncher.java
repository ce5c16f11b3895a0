package dev.rapport.app;

import dev.rapport.core.api.Rapport;
import dev.rapport.core.inbox.InboxWorkers;
import dev.rapport.core.port.DmChannels;
import dev.rapport.discord.DiscordBot;
import dev.rapport.discord.DiscordPacing;
import dev.rapport.discord.DiscordSettings;
import dev.rapport.discord.DiscordShards;
import java.time.Clock;
import java.util.Optional;

/** Starts the Discord adapter when DISCORD_TOKEN is configured; its interactions go through {@code inbox}. */
final class DiscordLauncher {
    private DiscordLauncher() {}

    /** The running adapter, or empty when Discord is not configured. */
    static Optional<Running> start(
            Config config, Rapport rapport, InboxWorkers inbox, DmChannels dmChannels, Clock clock) {
        Optional<String> token = config.get("DISCORD_TOKEN");
        if (token.isEmpty()) {
            return Optional.empty();
        }
        DiscordSettings settings = new DiscordSettings(
                token.get(), guildId(config), config.get("DISCORD_API_URL"), requestsPerSecond(config));
        Optional<DiscordShards> shards =
                DiscordShards.parse(config.get("DISCORD_SHARDS"), config.get("DISCORD_SHARD_IDS"));
        DiscordBot bot = shards.isPresent()
                ? DiscordBot.start(settings, shards.get(), rapport, inbox, clock)
                : DiscordBot.start(settings, rapport, inbox, clock);
        return Optional.of(new Running(bot, bot.messenger(dmChannels), bot.channelMembers(), bot::connected));
    }

    /** The bot's global REST budget: Discord's 50 a second, or a share of it (DISCORD_REQUESTS_PER_SECOND). */
    static double requestsPerSecond(Config config) {
        Optional<String> rate = config.get("DISCORD_REQUESTS_PER_SECOND");
        if (rate.isEmpty()) {
            return DiscordPacing.GLOBAL_PER_SECOND;
        }
        try {
            return Double.parseDouble(rate.get().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("DISCORD_REQUESTS_PER_SECOND must be a positive number");
        }
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
