package dev.rapport.bench;

import dev.rapport.core.assembly.CoreAssembly;
import dev.rapport.core.digest.DigestScheduler;
import dev.rapport.core.port.DirectMessenger;
import dev.rapport.core.port.Storage;
import dev.rapport.discord.DiscordBot;
import dev.rapport.discord.DiscordMessenger;
import dev.rapport.discord.DiscordSettings;
import dev.rapport.store.sqlite.Database;
import dev.rapport.store.sqlite.SqliteStorage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.internal.JDAImpl;
import net.dv8tion.jda.internal.entities.SelfUserImpl;
import net.dv8tion.jda.internal.utils.config.AuthorizationConfig;
import net.dv8tion.jda.internal.utils.config.SessionConfig;
import net.dv8tion.jda.internal.utils.config.ThreadingConfig;
import net.dv8tion.jda.internal.utils.config.flags.ConfigFlag;
import okhttp3.OkHttpClient;

/**
 * Delivery to Discord under its rate limits and faults: digests for {@code -Dusers} (10,000) Discord users due now,
 * sent by the real {@link DigestScheduler} and outbox delivery through the shipped {@link DiscordMessenger} over JDA's
 * own REST client and rate limiter, to {@link FakeDiscordRest} on 127.0.0.1, which allows {@code -Drate} (50)
 * requests a second for the bot and injects {@code -Dfaults} (10%) faults on message sends. Each digest to a user
 * seen for the first time costs a DM-channel open and a message send.
 *
 * <p>JDA is built as the bot builds its REST side ({@link DiscordBot#restConfig}) but never logs in to the gateway:
 * direct messages need only REST, and the gateway has no part in JDA's REST limiter.
 */
final class DiscordDeliveryBench {
    private static final long FIRST_USER = 500_000_000_000_000_000L;

    private final Path folder;
    private final int users = Integer.getInteger("users", 10_000);
    private final double rate = Double.parseDouble(System.getProperty("rate", "50"));
    private final double dmOpens = Double.parseDouble(System.getProperty("dmopens", "50"));
    private final double faults = Double.parseDouble(System.getProperty("faults", "0.10"));
    private final long limitSeconds = Long.getLong("limit", 900);
    /**
     * Off only to compare: the shipped bot paces every REST request to its global budget. Without the pacer a global
     * 429 reaches the messenger like a route's (JDA leaves a 429 it is told not to wait out to the caller, and does
     * not pause itself), so the run then shows how many requests Discord would refuse.
     */
    private final boolean paced = !"false".equals(System.getProperty("paced"));

    DiscordDeliveryBench(Path folder) {
        this.folder = folder;
    }

    static String discordId(int user) {
        return Long.toString(FIRST_USER + user);
    }

    void run() throws Exception {
        Path file = folder.resolve("discord-delivery.db");
        long buildStart = System.nanoTime();
        ZoneId zone = DueDigests.zone();
        DueDigests.build(file, users, zone, "discord", "", DiscordDeliveryBench::discordId);
        System.out.printf(
                "built %s: %d discord users due now, one due follow-up each, in %.1f s%n",
                file, users, (System.nanoTime() - buildStart) / 1e9);
        LocalDate day = LocalDate.now(zone);
        try (FakeDiscordRest discord = new FakeDiscordRest(rate, dmOpens, faults);
                Database db = Database.open(file)) {
            Clock clock = Clock.systemUTC();
            Storage storage = SqliteStorage.over(db);
            // As the running bot builds it with DISCORD_API_URL=<the fake> and DISCORD_REQUESTS_PER_SECOND=<rate>.
            DiscordSettings settings = new DiscordSettings(
                    "bench-token-not-a-real-discord-token", Optional.empty(), Optional.of(discord.baseUrl()), rate);
            JDAImpl jda = restOnly(
                    settings.token(),
                    DiscordBot.restConfig(settings),
                    paced ? Optional.of(DiscordBot.httpClient(settings, clock)) : Optional.empty());
            try {
                CoreAssembly core = CoreAssembly.over(clock, storage);
                DirectMessenger messenger = DiscordBot.messenger(() -> jda, storage.dmChannels());
                DigestScheduler scheduler =
                        core.digests(core.delivery(List.of(messenger)), Integer.getInteger("parallel", 4));
                System.out.printf(
                        "fake Discord REST at %s: %.0f requests/s global, DM opens %.0f/s, message sends 5 per 5 s per"
                                + " channel, %.0f%% injected faults on message sends; time limit %d s%s%n",
                        discord.baseUrl(),
                        rate,
                        dmOpens,
                        faults * 100,
                        limitSeconds,
                        paced
                                ? "; every request paced to " + rate + "/s (DISCORD_REQUESTS_PER_SECOND)"
                                : "; -Dpaced=false: NOT paced (for comparison only: JDA does not see a 429 the"
                                        + " messenger asks it not to wait out, so a global 429 holds nothing)");
                discord.begin();
                DueDigests.Run run = DueDigests.tickUntilSent(
                        scheduler,
                        users,
                        limitSeconds,
                        sent -> String.format(
                                "%d sent, %d requests (%d admitted, %d refused by the global limit)",
                                sent, discord.total.get(), discord.admitted.get(), discord.globalLimited.get()));
                report(file, discord, run.wall(), run.ticks(), run.idleTicks(), day + " in " + zone);
            } finally {
                jda.shutdownNow();
            }
        }
    }

    /**
     * A JDA connection whose REST side is complete (its requester, rate limiter and thread pools, as a login sets them
     * up) and which never opens the gateway.
     */
    private static JDAImpl restOnly(String token, RestConfig rest, Optional<OkHttpClient> http) {
        ThreadingConfig threads = ThreadingConfig.getDefault();
        threads.init(() -> "bench");
        // What JDABuilder.setHttpClient does; without a client, JDA's default one.
        SessionConfig session = http.map(
                        client -> new SessionConfig(null, client, null, null, ConfigFlag.getDefault(), 900, 250))
                .orElse(null);
        JDAImpl jda = new JDAImpl(new AuthorizationConfig(token), session, threads, null, rest, null);
        jda.initRequester();
        SelfUserImpl self = new SelfUserImpl(1_100_000_000_000_000_001L, jda);
        self.setName("Rapport").setBot(true);
        jda.setSelfUser(self);
        return jda;
    }

    private void report(Path file, FakeDiscordRest discord, double wall, long ticks, long idleTicks, String day)
            throws Exception {
        Map<String, Long> states = DueDigests.outboxStates(file);
        Map<Integer, Long> attempts = DueDigests.attempts(file);
        DueDigests.Check check = DueDigests.Check.of(users, discord.deliveries, DiscordDeliveryBench::discordId);
        long notSent = users - states.getOrDefault("SENT", 0L);
        long lost = Math.max(notSent, check.lost());
        double admittedRate = discord.admitted.get() / wall;
        System.out.printf(
                "users %d, wall %.1f s (%d ticks, %d idle), digest date %s%n", users, wall, ticks, idleTicks, day);
        System.out.printf(
                "delivered %d, digests/s %.1f; admitted requests per delivered digest %.2f (2 at best: DM open +"
                        + " message send, on each user's first digest), so %.0f req/s allows at most %.1f digests/s%n",
                check.delivered(),
                check.delivered() / wall,
                check.delivered() == 0 ? 0.0 : (double) discord.admitted.get() / check.delivered(),
                rate,
                rate / 2);
        System.out.printf(
                "REST requests %d in all: %d admitted by the global limit = %.1f/s, %.1f%% of the %.0f/s allowed"
                        + " (target >= 95%%); %d refused with a global 429, %d with a per-route 429%n",
                discord.total.get(),
                discord.admitted.get(),
                admittedRate,
                100 * admittedRate / rate,
                rate,
                discord.globalLimited.get(),
                discord.routeLimited.get());
        int seconds = (int) Math.ceil(wall);
        System.out.printf(
                "  seconds of the run with >= %.0f admitted requests (limit in use): %d of %d; with none: %d%n",
                rate * 0.9,
                discord.secondsWith(0, seconds, (long) (rate * 0.9)),
                seconds,
                seconds - discord.secondsWith(0, seconds, 1));
        if (Boolean.getBoolean("trace")) {
            StringBuilder perSecond = new StringBuilder("  admitted in each second:");
            for (int i = 0; i < seconds; i++) {
                perSecond.append(' ').append(discord.admittedPerSecond.get(i));
            }
            System.out.println(perSecond);
        }
        System.out.printf(
                "  by route: DM opens %d, message sends answered 200 %d (of which a repeated nonce answered with the"
                        + " earlier message %d), other %d%n",
                discord.dmOpens.get(), discord.messagePosts.get(), discord.nonceRepeats.get(), discord.other.get());
        System.out.printf(
                "injected faults %d (per-route 429 with Retry-After 1: %d, 500: %d, 503: %d), every one retried"
                        + " (the 429s and 500s by the outbox, the 503s by JDA itself)%n",
                discord.injected(), discord.injected429.get(), discord.injected500.get(), discord.injected503.get());
        long pending = states.getOrDefault("CLAIMED", 0L);
        System.out.printf(
                "lost %d (outbox rows not SENT %d, of which still CLAIMED = waiting for a retry %d and closed unsent %d;"
                        + " users never recorded %d), duplicates %d (targets: 0, 0)%n",
                lost, notSent, pending, notSent - pending, check.lost(), check.duplicates());
        System.out.printf("outbox states %s; attempts per row %s%n", states, attempts);
    }
}
