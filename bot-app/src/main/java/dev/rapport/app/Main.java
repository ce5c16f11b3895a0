package dev.rapport.app;

import dev.rapport.core.command.Rapport;
import dev.rapport.core.command.Requester;
import dev.rapport.core.port.Storage;
import dev.rapport.core.storage.Database;
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
                runConsole(config, rapport);
            } else {
                log.info("Rapport is running with {} adapter(s) on {}", adapters.size(), config.database());
                awaitShutdown(adapters);
            }
        }
    }

    private static void runConsole(Config config, Rapport rapport) throws IOException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        String user = config.consoleUser();
        Requester me =
                Requester.of(Console.PLATFORM, Console.WORKSPACE, user, user).withZone(ZoneId.systemDefault());
        Console console =
                new Console(rapport, me, config.database().toAbsolutePath().getParent(), out);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        console.run(in, System.console() != null);
    }

    private static void awaitShutdown(List<Running> adapters) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (Running adapter : adapters) {
                try {
                    adapter.stopper().close();
                } catch (Exception e) {
                    log.warn("Stopping an adapter failed", e);
                }
            }
            stopped.countDown();
        }));
        stopped.await();
    }
}
