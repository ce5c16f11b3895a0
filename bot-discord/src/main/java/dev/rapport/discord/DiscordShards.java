package dev.rapport.discord;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Which of a bot's gateway shards this instance runs: {@code total} shards in all (DISCORD_SHARDS) and this
 * instance's {@code ids} among them (DISCORD_SHARD_IDS, "0-3", "4,5" or "2"). Several instances then split one bot's
 * servers between them; digests still go out over REST from whichever instance claims them.
 */
public record DiscordShards(int total, List<Integer> ids) {
    public DiscordShards {
        if (total < 1) {
            throw new IllegalArgumentException("DISCORD_SHARDS must be at least 1, not " + total + ".");
        }
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("DISCORD_SHARD_IDS names no shard.");
        }
        for (int id : ids) {
            if (id < 0 || id >= total) {
                throw new IllegalArgumentException(
                        "Shard " + id + " is outside 0-" + (total - 1) + " (DISCORD_SHARDS is " + total + ").");
            }
        }
        ids = List.copyOf(ids);
    }

    /**
     * From the two settings: none when DISCORD_SHARDS is unset (one connection, no sharding); every shard when the
     * ids are unset.
     */
    public static Optional<DiscordShards> parse(Optional<String> total, Optional<String> ids) {
        if (total.isEmpty()) {
            if (ids.isPresent()) {
                throw new IllegalArgumentException("DISCORD_SHARD_IDS needs DISCORD_SHARDS (the total) as well.");
            }
            return Optional.empty();
        }
        int count = number(total.get(), "DISCORD_SHARDS");
        if (ids.isEmpty()) {
            return Optional.of(
                    new DiscordShards(count, IntStream.range(0, count).boxed().toList()));
        }
        List<Integer> chosen = new java.util.ArrayList<>();
        for (String part : ids.get().split(",")) {
            String range = part.strip();
            int dash = range.indexOf('-');
            if (dash > 0) {
                int from = number(range.substring(0, dash), "DISCORD_SHARD_IDS");
                int to = number(range.substring(dash + 1), "DISCORD_SHARD_IDS");
                if (to < from) {
                    throw new IllegalArgumentException("DISCORD_SHARD_IDS range “" + range + "” runs backwards.");
                }
                IntStream.rangeClosed(from, to)
                        .filter(id -> !chosen.contains(id))
                        .forEach(chosen::add);
            } else {
                int id = number(range, "DISCORD_SHARD_IDS");
                if (!chosen.contains(id)) {
                    chosen.add(id);
                }
            }
        }
        return Optional.of(new DiscordShards(count, chosen));
    }

    private static int number(String text, String setting) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    setting + " must be a shard number or range like 0-3, not “" + text.strip() + "”.");
        }
    }
}
