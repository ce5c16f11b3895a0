package dev.rapport.app;

import dev.rapport.core.api.Rapport;
import dev.rapport.core.api.Requester;
import dev.rapport.core.assembly.CoreAssembly;
import dev.rapport.core.delivery.OutboxDelivery;
import dev.rapport.core.digest.DigestScheduler;
import dev.rapport.core.inbox.InboxWorkers;
import dev.rapport.core.port.ChannelMembers;
import dev.rapport.core.port.DirectMessenger;
import dev.rapport.core.port.Storage;
import dev.rapport.core.port.Telemetry;
import dev.rapport.http.HttpAnswer;
import dev.rapport.http.HttpFront;
import dev.rapport.store.sqlite.Backups;
import dev.rapport.store.sqlite.DamagedDatabaseException;
import dev.rapport.store.sqlite.Database;
import dev.rapport.store.sqlite.PrivateFiles;
import dev.rapport.store.sqlite.SqliteStorage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private static final int INBOX_WORKERS = 4;
    // Together well inside the 10 s a service manager waits after SIGTERM.
    private static final Duration FRONT_GRACE = Duration.ofSeconds(3);
    private static final Duration INBOX_GRACE = Duration.ofSeconds(5);

    private Main() {}

    public static void main(String[] args) throws Exception {
        Config config;
        try {
            config = Config.load();
        } catch (DotEnv.Malformed e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        warnIfOpenToOthers(Path.of(".env"));
        warnIfOpenToOthers(config.database());
        if (args.length > 0) {
            System.exit(tool(config, args));
        }
        try {
            run(config);
        } catch (DamagedDatabaseException e) {
            System.err.println(e.getMessage());
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
        if (args[0].equals("backups")) {
            Backups.in(config.backupDirectory()).forEach(System.out::println);
            return 0;
        }
        System.err.println("Usage: ./rapport                 run (the console when no platform is configured)\n"
                + "       ./rapport backups         list the daily backups\n"
                + "       ./rapport restore <file>  replace the database with a backup (Rapport must be stopped)");
        return args[0].equals("help") || args[0].equals("--help") ? 0 : 2;
    }

    private static void run(Config config) throws Exception {
        Clock clock = Clock.systemUTC();
        try (Database db = Database.open(config.database())) {
            Optional<Metrics> metrics = config.adminPort().map(port -> new Metrics(clock));
            Storage storage = SqliteStorage.over(db);
            CoreAssembly core = CoreAssembly.over(
                    clock,
                    storage,
                    config.get("RAPPORT_PUBLIC_URL"),
                    metrics.<Telemetry>map(m -> m).orElse(Telemetry.NONE));
            Rapport rapport = core.rapport();
            Backups backups = new Backups(db, config.backupDirectory(), clock);
            List<Running> adapters = new ArrayList<>();
            InboxWorkers inbox = core.inbox(INBOX_WORKERS);
            // One HTTP front for everything served over HTTP (Slack's events today), bound to HOST.
            // Private calendar feeds are served on it too when RAPPORT_PUBLIC_URL says where it is reached.
            boolean calendars = config.get("RAPPORT_PUBLIC_URL").isPresent();
            Optional<HttpFront> front = SlackLauncher.needsFront(config) || calendars
                    ? Optional.of(HttpFront.create(HttpFront.Settings.on(config.host(), SlackLauncher.port(config))
                            .withStopGrace(FRONT_GRACE)))
                    : Optional.empty();
            if (calendars) {
                CalendarRoute calendar = new CalendarRoute(core.calendarFeed());
                front.get().routeUnder(CalendarRoute.PREFIX, request -> {
                    CalendarRoute.Response answer = calendar.handle(request.method(), request.path());
                    return HttpAnswer.of(answer.status(), answer.contentType(), answer.body());
                });
            }
            SlackLauncher.start(config, rapport, inbox, front).ifPresent(adapters::add);
            DiscordLauncher.start(config, rapport).ifPresent(adapters::add);
            if (adapters.isEmpty()) {
                runConsole(config, core, backups);
                return;
            }
            // Rows a crashed run left run first, while their reply channel still works; then new ones as they come.
            inbox.start();
            if (front.isPresent()) {
                front.get().start();
            }
            List<DirectMessenger> messengers =
                    adapters.stream().map(Running::messenger).toList();
            Map<String, ChannelMembers> members = new LinkedHashMap<>();
            adapters.forEach(adapter -> members.put(adapter.messenger().platform(), adapter.members()));
            OutboxDelivery delivery = core.delivery(messengers);
            DigestScheduler digests = core.digests(delivery, PARALLEL_SENDS);
            Maintenance maintenance = new Maintenance(
                    clock, core.rounds(delivery, new PlatformMembers(members), new SecureRandom()), backups);
            digests.start();
            maintenance.start();
            log.info("Rapport is running with {} adapter(s) on {}", adapters.size(), config.database());
            List<AutoCloseable> stoppers = new ArrayList<>();
            if (metrics.isPresent()) {
                // The admin endpoint stops first, so a load balancer sees this instance go away before it stops.
                stoppers.add(admin(config, db, adapters, storage, delivery, metrics.get()));
            }
            // SIGTERM: the front stops taking requests (those in flight are written to the inbox and acknowledged),
            // the inbox's workers finish what they hold (what they cannot finish in time runs at the next start),
            // then the schedulers stop, so that nothing is handed to an adapter that is shutting down.
            front.ifPresent(stoppers::add);
            stoppers.add(() -> inbox.stop(INBOX_GRACE));
            stoppers.add(digests);
            stoppers.add(maintenance);
            adapters.forEach(adapter -> stoppers.add(adapter.stopper()));
            awaitShutdown(stoppers);
        }
    }

    private static AdminServer admin(
            Config config,
            Database db,
            List<Running> adapters,
            Storage storage,
            OutboxDelivery delivery,
            Metrics metrics)
            throws Exception {
        metrics.watchBacklog(storage.digestOutbox());
        Readiness readiness = new Readiness().with("database", db::problem);
        for (Running adapter : adapters) {
            String platform = adapter.messenger().platform();
            metrics.watchPause(platform, delivery::paused);
            readiness.with(
                    platform,
                    () -> adapter.connected().getAsBoolean() ? Optional.empty() : Optional.of("not connected"));
        }
        return AdminServer.start(config.adminHost(), config.adminPort().orElseThrow(), readiness, metrics);
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

    /** A warning (never a refusal) when a file holding secrets or notes is readable by group or others. */
    private static void warnIfOpenToOthers(Path file) {
        if (PrivateFiles.openToOthers(file).orElse(false)) {
            log.warn("{} is readable by other users of this machine; run: chmod 600 {}", file, file);
        }
    }

    private static void backupQuietly(Backups backups) {
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
