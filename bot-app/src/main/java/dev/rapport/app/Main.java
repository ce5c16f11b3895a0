package dev.rapport.app;

import dev.rapport.core.command.Rapport;
import dev.rapport.core.command.Requester;
import dev.rapport.core.digest.DigestScheduler;
import dev.rapport.core.port.DirectMessenger;
import dev.rapport.core.port.Storage;
import dev.rapport.core.storage.Database;
import dev.rapport.core.storage.SqliteDigestOutbox;
import dev.rapport.core.storage.SqliteDigestReads;
import dev.rapport.core.storage.SqliteStorage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts Rapport: configuration, storage, core, and every adapter with credentials; else the local console. */
public final class Main {
    private static final Logger log = LoggerFactory.getLogger(Main.class);

    private Main() {}

    public static void main(String[] args) throws Exception {
        Config config = Config.load();
        Clock clock = Clock.systemUTC();
        try (Database db = Database.open(config.database())) {
            Storage storage = SqliteStorage.over(db);
            Rapport rapport = Rapport.standard(clock, storage);
            List<Running> adapters = new ArrayList<>();
            SlackLauncher.start(config, rapport).ifPresent(adapters::add);
            DiscordLauncher.start(config, rapport).ifPresent(adapters::add);
            if (adapters.isEmpty()) {
                runConsole(config, rapport, clock, db, storage);
            } else {
                DigestScheduler digests = digests(
                        clock,
                        db,
                        storage,
                        adapters.stream().map(Running::messenger).toList());
                digests.start();
                log.info("Rapport is running with {} adapter(s) on {}", adapters.size(), config.database());
                List<AutoCloseable> stoppers = new ArrayList<>();
                // The scheduler stops first, so that no digest is handed to an adapter that is shutting down.
                stoppers.add(digests);
                adapters.forEach(adapter -> stoppers.add(adapter.stopper()));
                awaitShutdown(stoppers);
            }
        }
    }

    /** The digest scheduler over the same database and user store as the commands, with these messengers. */
    static DigestScheduler digests(Clock clock, Database db, Storage storage, List<DirectMessenger> messengers) {
        return new DigestScheduler(
                clock, new SqliteDigestOutbox(db), storage.users(), db, new SqliteDigestReads(db), messengers);
    }

    private static void runConsole(Config config, Rapport rapport, Clock clock, Database db, Storage storage)
            throws IOException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        String user = config.consoleUser();
        Requester me =
                Requester.of(Console.PLATFORM, Console.WORKSPACE, user, user).withZone(ZoneId.systemDefault());
        Console console =
                new Console(rapport, me, config.database().toAbsolutePath().getParent(), out);
        boolean interactive = System.console() != null;
        ConsoleMessenger messenger = new ConsoleMessenger(me.key(), out, interactive);
        try (DigestScheduler digests = digests(clock, db, storage, List.of(messenger))) {
            // A digest already due when the console opens comes first, on this thread, so that a piped session's
            // output does not depend on when the scheduler thread wakes up; later ones arrive as they fall due.
            digests.tick();
            digests.start(DigestScheduler.TICK);
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            console.run(in, interactive);
        }
    }

    private static void awaitShutdown(List<AutoCloseable> stoppers) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (AutoCloseable stopper : stoppers) {
                try {
                    stopper.close();
                } catch (Exception e) {
                    log.warn("Stopping {} failed", stopper.getClass().getSimpleName(), e);
                }
            }
            stopped.countDown();
        }));
        stopped.await();
    }
}
