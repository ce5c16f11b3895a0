package dev.rapport.app;

import dev.rapport.core.api.Rapport;
import dev.rapport.core.api.Requester;
import dev.rapport.core.assembly.CoreAssembly;
import dev.rapport.core.delivery.OutboxDelivery;
import dev.rapport.core.digest.DigestScheduler;
import dev.rapport.core.port.ChannelMembers;
import dev.rapport.core.port.DirectMessenger;
import dev.rapport.store.postgres.PostgresStorage;
import dev.rapport.store.postgres.Urls;
import dev.rapport.store.sqlite.Backups;
import dev.rapport.store.sqlite.DamagedDatabaseException;
import dev.rapport.store.sqlite.Database;
import dev.rapport.store.sqlite.SqliteStorage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts Rapport: configuration, storage, core, and every adapter with credentials; else the local console.
 * {@code rapport restore <backup file>} puts a backup back in place of the database.
 */
public final class Main {
    private static final Logger log = LoggerFactory.getLogger(Main.class);
    // Enough sends in flight to use a platform's allowed rate when each answer takes tens of milliseconds.
    private static final int PARALLEL_SENDS = 4;

    private Main() {}

    public static void main(String[] args) throws Exception {
        Config config = Config.load();
        if (args.length > 0) {
            System.exit(tool(config, args));
        }
        try {
            run(config);
        } catch (DamagedDatabaseException e) {
            System.err.println(e.getMessage());
            System.exit(3);
        } catch (dev.rapport.core.port.StorageException e) {
            // Says where (never with a password) and why, without a stack trace.
            System.err.println(e.getMessage()
                    + (e.getCause() == null ? "" : ": " + e.getCause().getMessage()));
            System.exit(3);
        }
    }

    /** The commands besides running: restore, help. Returns the exit code. */
    static int tool(Config config, String[] args) {
        if (args[0].equals("restore") && args.length == 2) {
            Path backup = Path.of(args[1]);
            try {
                Backups.restore(backup, config.database());
                System.out.println("Restored " + config.database() + " from " + backup
                        + ". The file it replaced is kept beside it, ending in .replaced.");
                return 0;
            } catch (RuntimeException e) {
                System.err.println("Restore failed: " + e.getMessage());
                return 1;
            }
        }
        if (args[0].equals("migrate-to") && args.length == 2) {
            return migrateTo(config, args[1]);
        }
        if (args[0].equals("backups")) {
            Backups.in(config.backupDirectory()).forEach(System.out::println);
            return 0;
        }
        System.err.println("Usage: ./rapport                 run (the console when no platform is configured)\n"
                + "       ./rapport backups         list the daily backups\n"
                + "       ./rapport restore <file>  replace the database with a backup (Rapport must be stopped)\n"
                + "       ./rapport migrate-to <jdbc:postgresql://…>  copy the SQLite database into PostgreSQL");
        return args[0].equals("help") || args[0].equals("--help") ? 0 : 2;
    }

    /** Copies the SQLite database (RAPPORT_DB's file, or the default) into the PostgreSQL database at {@code url}. */
    static int migrateTo(Config config, String url) {
        if (!Config.isPostgres(url)) {
            System.err.println("migrate-to needs a PostgreSQL JDBC URL (jdbc:postgresql://host:5432/db)");
            return 2;
        }
        try (Database from = Database.open(config.database());
                dev.rapport.store.postgres.Database to = openPostgres(config, url, 2)) {
            MigrateTo.copy(from, to, System.out);
            System.out.println("Copied " + config.database() + " into " + Urls.withoutSecrets(url)
                    + "; set RAPPORT_DB to that URL to run on it.");
            return 0;
        } catch (RuntimeException e) {
            System.err.println("migrate-to failed (run it again: copied tables are kept, the rest copied anew): "
                    + e.getMessage());
            return 1;
        }
    }

    private static dev.rapport.store.postgres.Database openPostgres(Config config, String url, int pool) {
        return dev.rapport.store.postgres.Database.open(url, config.databaseUser(), config.databasePassword(), pool);
    }

    private static void run(Config config) throws Exception {
        Clock clock = Clock.systemUTC();
        if (config.postgresUrl().isPresent()) {
            String url = config.postgresUrl().get();
            try (dev.rapport.store.postgres.Database db = openPostgres(config, url, 16)) {
                log.info("Rapport instance {} on PostgreSQL {}", config.instanceName(), Urls.withoutSecrets(url));
                CoreAssembly core = CoreAssembly.over(clock, PostgresStorage.over(db), config.instanceName());
                run(config, clock, core, null, Urls.withoutSecrets(url));
            }
            return;
        }
        try (Database db = Database.open(config.database())) {
            CoreAssembly core = CoreAssembly.over(clock, SqliteStorage.over(db));
            run(
                    config,
                    clock,
                    core,
                    new Backups(db, config.backupDirectory(), clock),
                    config.database().toString());
        }
    }

    /** @param backups SQLite's daily backups; null on PostgreSQL */
    private static void run(Config config, Clock clock, CoreAssembly core, Backups backups, String where)
            throws Exception {
        {
            Rapport rapport = core.rapport();
            List<Running> adapters = new ArrayList<>();
            SlackLauncher.start(config, rapport).ifPresent(adapters::add);
            DiscordLauncher.start(config, rapport).ifPresent(adapters::add);
            if (adapters.isEmpty()) {
                runConsole(config, core, backups);
                return;
            }
            List<DirectMessenger> messengers =
                    adapters.stream().map(Running::messenger).toList();
            Map<String, ChannelMembers> members = new LinkedHashMap<>();
            adapters.forEach(adapter -> members.put(adapter.messenger().platform(), adapter.members()));
            OutboxDelivery delivery = core.delivery(messengers);
            DigestScheduler digests = core.digests(delivery, PARALLEL_SENDS);
            Maintenance maintenance = new Maintenance(
                    clock,
                    core.rounds(delivery, new PlatformMembers(members), new SecureRandom()),
                    () -> backupQuietly(backups));
            digests.start();
            maintenance.start();
            log.info("Rapport is running with {} adapter(s) on {}", adapters.size(), where);
            List<AutoCloseable> stoppers = new ArrayList<>();
            // Schedulers stop first, so that nothing is handed to an adapter that is shutting down.
            stoppers.add(digests);
            stoppers.add(maintenance);
            adapters.forEach(adapter -> stoppers.add(adapter.stopper()));
            awaitShutdown(stoppers);
        }
    }

    private static void runConsole(Config config, CoreAssembly core, Backups backups) throws IOException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        String user = config.consoleUser();
        Requester me =
                Requester.of(Console.PLATFORM, Console.WORKSPACE, user, user).withZone(ZoneId.systemDefault());
        Console console = new Console(
                core.rapport(), me, config.database().toAbsolutePath().getParent(), out);
        boolean interactive = System.console() != null;
        ConsoleMessenger messenger = new ConsoleMessenger(me.key(), out, interactive);
        backupQuietly(backups);
        try (DigestScheduler digests = core.digests(core.delivery(List.of(messenger)), 1)) {
            // A digest already due when the console opens comes first, on this thread, so that a piped session's
            // output does not depend on when the scheduler thread wakes up; later ones arrive as they fall due.
            digests.tick();
            digests.start(DigestScheduler.TICK);
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            console.run(in, interactive);
        }
    }

    private static void backupQuietly(Backups backups) {
        if (backups == null) {
            return;
        }
        try {
            backups.backupIfDue();
        } catch (RuntimeException e) {
            log.warn("The daily backup failed: {}", e.getMessage());
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
