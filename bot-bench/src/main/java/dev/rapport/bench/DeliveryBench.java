package dev.rapport.bench;

import dev.rapport.core.assembly.CoreAssembly;
import dev.rapport.core.digest.DigestScheduler;
import dev.rapport.core.port.DirectMessenger;
import dev.rapport.core.port.Storage;
import dev.rapport.slack.SlackAdapter;
import dev.rapport.slack.SlackPacing;
import dev.rapport.slack.SlackSettings;
import dev.rapport.store.sqlite.Database;
import dev.rapport.store.sqlite.SqliteStorage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Delivery under rate limits and faults: digests for {@code -Dusers} (10,000) Slack users due now, sent by the real
 * {@link DigestScheduler} through the real Slack messenger to a fake Web API on 127.0.0.1 that allows {@code -Drate}
 * (50) requests per second across all methods (429 with Retry-After: 1 beyond that) and injects {@code -Dfaults}
 * (10%) 429-with-Retry-After and 500/503 answers on chat.postMessage. The scheduler's {@code tick()} is called in a
 * loop (a short pause when a tick found nothing due) until every outbox row is sent or {@code -Dlimit} seconds pass.
 */
final class DeliveryBench {
    private final Path folder;
    private final int users = Integer.getInteger("users", 10_000);
    private final double rate = Double.parseDouble(System.getProperty("rate", "50"));
    private final double faults = Double.parseDouble(System.getProperty("faults", "0.10"));
    private final long limitSeconds = Long.getLong("limit", 600);
    /** Off only to compare: the shipped messenger paces its calls to the configured rate. */
    private final boolean paced = !"false".equals(System.getProperty("paced"));

    DeliveryBench(Path folder) {
        this.folder = folder;
    }

    void run() throws Exception {
        Path file = folder.resolve("delivery.db");
        long buildStart = System.nanoTime();
        java.time.ZoneId zone = DueDigests.zone();
        DueDigests.build(file, users, zone);
        System.out.printf(
                "built %s: %d slack users due now, one due follow-up each, in %.1f s%n",
                file, users, (System.nanoTime() - buildStart) / 1e9);
        LocalDate day = LocalDate.now(zone);
        try (FakeSlack slack = new FakeSlack(rate, faults, 0);
                Database db = Database.open(file)) {
            Clock clock = Clock.systemUTC();
            Storage storage = SqliteStorage.over(db);
            SlackSettings settings = new SlackSettings(
                    "xoxb-0000000000-0000000000000-benchbenchbenchbench",
                    Optional.empty(),
                    Optional.of("bench-signing-secret-0000000000"),
                    0,
                    Optional.of(slack.apiUrl()));
            // The adapter is never started: only its messenger is used, built exactly as the running bot builds it.
            CoreAssembly core = CoreAssembly.over(clock, storage);
            try (SlackAdapter adapter = SlackAdapter.create(settings, core.rapport(), core.inbox(1))) {
                // As the running bot builds it with SLACK_REQUESTS_PER_SECOND=<rate>: DM channels in the database,
                // every
                // call paced to the fake's one limit.
                DirectMessenger messenger = paced
                        ? adapter.messenger(storage.dmChannels(), SlackPacing.allMethods(rate), clock)
                        : adapter.messenger();
                DigestScheduler scheduler =
                        core.digests(core.delivery(List.of(messenger)), Integer.getInteger("parallel", 4));
                System.out.printf(
                        "fake Slack Web API at %s: %.0f requests/s across all methods, %.0f%% injected faults on"
                                + " chat.postMessage; time limit %d s%s%n",
                        slack.apiUrl(),
                        rate,
                        faults * 100,
                        limitSeconds,
                        paced
                                ? "; the messenger paces its calls to " + rate + "/s (SLACK_REQUESTS_PER_SECOND)"
                                : "; -Dpaced=false: the messenger is NOT paced (for comparison only)");
                DueDigests.Run run = DueDigests.tickUntilSent(
                        scheduler,
                        users,
                        limitSeconds,
                        sent -> String.format(
                                "%d sent, %d requests (%d admitted, %d refused by the limiter)",
                                sent, slack.total.get(), slack.admitted.get(), slack.limited.get()));
                report(file, slack, run.wall(), run.ticks(), run.idleTicks(), day + " in " + zone);
            }
        }
    }

    private void report(Path file, FakeSlack slack, double wall, long ticks, long idleTicks, String day)
            throws Exception {
        Map<String, Long> states = DueDigests.outboxStates(file);
        Map<Integer, Long> attempts = DueDigests.attempts(file);
        DueDigests.Check check = DueDigests.Check.of(users, slack.deliveries);
        long notSent = users - states.getOrDefault("SENT", 0L);
        long lost = Math.max(notSent, check.lost());
        double admittedRate = slack.admitted.get() / wall;
        long open = slack.requests("conversations.open");
        long posts = slack.requests("chat.postMessage");
        long history = slack.requests("conversations.history");
        System.out.printf(
                "users %d, wall %.1f s (%d ticks, %d idle), digest date %s%n", users, wall, ticks, idleTicks, day);
        System.out.printf(
                "delivered %d, digests/s %.1f; admitted API calls per delivered digest %.2f (2 at best:"
                        + " conversations.open + chat.postMessage, on each user's first digest; later ones reuse the DM channel), so %.0f req/s"
                        + " allows at most %.1f digests/s%n",
                check.delivered(),
                check.delivered() / wall,
                check.delivered() == 0 ? 0.0 : (double) slack.admitted.get() / check.delivered(),
                rate,
                rate / 2);
        System.out.printf(
                "API requests %d in all: %d admitted by the limiter = %.1f/s, %.0f%% of the %.0f/s allowed (target"
                        + " >= 95%%); %d refused with 429 by the limiter%n",
                slack.total.get(),
                slack.admitted.get(),
                admittedRate,
                100 * admittedRate / rate,
                rate,
                slack.limited.get());
        int seconds = (int) Math.ceil(wall);
        System.out.printf(
                "  seconds of the run with >= %.0f admitted requests (limit in use): %d of %d; with none: %d%n",
                rate * 0.9,
                slack.secondsWith(0, seconds, (long) (rate * 0.9)),
                seconds,
                seconds - slack.secondsWith(0, seconds, 1));
        System.out.printf(
                "  by method: conversations.open %d, chat.postMessage %d, conversations.history %d, other %d%n",
                open, posts, history, slack.total.get() - open - posts - history);
        System.out.printf(
                "injected faults %d (429 with Retry-After %d, 500/503 %d)%n",
                slack.injected429.get() + slack.injected5xx.get(), slack.injected429.get(), slack.injected5xx.get());
        long pending = states.getOrDefault("CLAIMED", 0L);
        System.out.printf(
                "lost %d (outbox rows not SENT %d, of which still CLAIMED = waiting for a retry %d and closed unsent %d;"
                        + " users never recorded %d), duplicates %d (targets: 0, 0)%n",
                lost, notSent, pending, notSent - pending, check.lost(), check.duplicates());
        System.out.printf("outbox states %s; attempts per row %s%n", states, attempts);
    }
}
