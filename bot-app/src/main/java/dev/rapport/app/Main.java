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
import dev.rapport.core.port.WorkspacePurge;
import dev.rapport.http.HttpAnswer;
import dev.rapport.http.HttpFront;
import dev.rapport.store.postgres.PostgresStorage;
import dev.rapport.store.postgres.Urls;
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
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts Rapport: configuration, storage, core, and every adapter with credentials; else the local console.
 * {@code rapport restore <backup file>} puts a backup back in place of the database; {@code rapport purge-workspace
 * <team>} deletes one Slack workspace's data.
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
            config.lease();
        } catch (IllegalStateException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Optional<String> slackProblem = SlackLauncher.problem(config);
        if (slackProblem.isPresent()) {
            System.err.println(slackProblem.get());
            System.exit(2);
            return;
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
        List<String> words = List.of(args);
        if (args[0].equals("restore") && config.postgresUrl().isPresent()) {
            System.err.println("restore puts back a SQLite backup; RAPPORT_DB names PostgreSQL, which is backed up"
                    + " and restored with its own tools (pg_dump, pg_restore).");
            return 2;
        }
        if (args[0].equals("restore") && (args.length == 2 || args.length == 3 && words.contains(BackupTools.YES))) {
            Path backup = Path.of(words.stream()
                    .skip(1)
                    .filter(word -> !word.equals(BackupTools.YES))
                    .findFirst()
                    .orElse(""));
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            return BackupTools.restore(
                    backup, config.database(), words.contains(BackupTools.YES), in, System.out, System.err);
        }
        if (args[0].equals("migrate-to") && args.length == 2) {
            return migrateTo(config, args[1]);
        }
        if (args[0].equals("purge-workspace") && args.length == 2) {
            return purgeWorkspace(config, args[1]);
        }
        if (args[0].equals("backups")) {
            return BackupTools.list(config.backupDirectory(), config.database(), System.out);
        }
        System.err.println("Usage: ./rapport                 run (the console when no platform is configured)\n"
                + "       ./rapport backups         list this database's daily backups\n"
                + "       ./rapport restore <file> [--yes]  replace the database with one of its backups"
                + " (Rapport must be stopped; asks first unless --yes)\n"
                + "       ./rapport migrate-to <jdbc:postgresql://…>  copy the SQLite database into PostgreSQL\n"
                + "       ./rapport purge-workspace <team id>  delete everything of one Slack workspace");
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

    /**
     * Deletes everything Rapport holds of one Slack workspace (its users and all their notes, its channels' rounds
     * and intros, its waiting requests, its installation). On SQLite, Rapport must be stopped (it caches users).
     */
    static int purgeWorkspace(Config config, String team) {
        if (!team.matches("[TE][A-Z0-9]{2,30}")) {
            System.err.println("purge-workspace needs a Slack team id such as T0123ABCD (Slack shows it in the"
                    + " workspace's URL and under About this workspace)");
            return 2;
        }
        try {
            WorkspacePurge.Purged purged;
            if (config.postgresUrl().isPresent()) {
                try (dev.rapport.store.postgres.Database db =
                        openPostgres(config, config.postgresUrl().get(), 2)) {
                    purged = PostgresStorage.over(db).workspaces().purge("slack", team);
                }
            } else {
                try (Database db = Database.open(config.database())) {
                    purged = SqliteStorage.over(db).workspaces().purge("slack", team);
                }
            }
            System.out.println("Deleted Slack workspace " + team + ": " + purged.users()
                    + " user(s) with all their contacts and notes, " + purged.channels() + " channel(s) with their"
                    + " rounds, " + purged.requests() + " waiting request(s), "
                    + (purged.installation() ? "and its installation." : "no installation (none was stored)."));
            return 0;
        } catch (RuntimeException e) {
            System.err.println("purge-workspace failed, nothing was deleted: " + e.getMessage());
            return 1;
        }
    }

    private static dev.rapport.store.postgres.Database openPostgres(Config config, String url, int pool) {
        return dev.rapport.store.postgres.Database.open(url, config.databaseUser(), config.databasePassword(), pool);
    }

    private static void run(Config config) throws Exception {
        Clock clock = Clock.systemUTC();
        Optional<Metrics> metrics = config.adminPort().map(port -> new Metrics(clock));
        Telemetry telemetry = metrics.<Telemetry>map(m -> m).orElse(Telemetry.NONE);
        Optional<String> publicUrl = config.get("RAPPORT_PUBLIC_URL");
        if (config.postgresUrl().isPresent()) {
            String url = config.postgresUrl().get();
            try (dev.rapport.store.postgres.Database db = openPostgres(config, url, 16)) {
                log.info("Rapport instance {} on PostgreSQL {}", config.instanceName(), Urls.withoutSecrets(url));
                Storage storage = PostgresStorage.over(db);
                metrics.ifPresent(m -> m.watchPool(db.dataSource()));
                CoreAssembly core =
                        CoreAssembly.over(clock, storage, publicUrl, telemetry, config.instanceName(), config.lease());
                Supplier<Optional<String>> problem = () -> !db.reachable()
                        ? Optional.of("the database does not answer")
                        : db.migrationsCurrent()
                                ? Optional.empty()
                                : Optional.of("the schema is not at this Rapport's version");
                run(
                        config,
                        clock,
                        core,
                        storage,
                        Urls.withoutSecrets(url),
                        metrics,
                        problem,
                        delivery -> Optional.empty());
            }
            return;
        }
        try (Database db = Database.open(config.database())) {
            Storage storage = SqliteStorage.over(db);
            CoreAssembly core =
                    CoreAssembly.over(clock, storage, publicUrl, telemetry, CoreAssembly.ALONE, config.lease());
            Backups backups = new Backups(db, config.backupDirectory(), clock);
            run(
                    config,
                    clock,
                    core,
                    storage,
                    config.database().toString(),
                    metrics,
                    db::problem,
                    delivery -> Optional.of(new IntegrityWatch(
                            config.database().toString(), db::fullCheck, db::damaged, delivery, backups)));
        }
    }

    /**
     * @param integrity SQLite's full check after start and before each daily backup, once sends can be stopped; empty
     *     on PostgreSQL, whose checks and backups are its operator's
     */
    private static void run(
            Config config,
            Clock clock,
            CoreAssembly core,
            Storage storage,
            String where,
            Optional<Metrics> metrics,
            Supplier<Optional<String>> databaseProblem,
            Function<OutboxDelivery, Optional<IntegrityWatch>> integrity)
            throws Exception {
        {
            Rapport rapport = core.rapport();
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
            SlackLauncher.start(config, core, inbox, front, clock).ifPresent(adapters::add);
            DiscordLauncher.start(config, rapport, inbox, core.dmChannels(), clock)
                    .ifPresent(adapters::add);
            if (adapters.isEmpty()) {
                runConsole(config, clock, core, integrity);
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
            // SQLite's full integrity check, now that sends can be stopped if it fails.
            Optional<IntegrityWatch> watch = integrity.apply(delivery);
            watch.ifPresent(IntegrityWatch::start);
            DigestScheduler digests = core.digests(delivery, PARALLEL_SENDS);
            Maintenance maintenance = new Maintenance(
                    clock,
                    core.rounds(delivery, new PlatformMembers(members), new SecureRandom()),
                    () -> watch.ifPresent(IntegrityWatch::backupIfDue));
            digests.start();
            maintenance.start();
            log.info("Rapport is running with {} adapter(s) on {}", adapters.size(), where);
            List<AutoCloseable> stoppers = new ArrayList<>();
            if (metrics.isPresent()) {
                // The admin endpoint stops first, so a load balancer sees this instance go away before it stops.
                stoppers.add(admin(config, databaseProblem, adapters, storage, delivery, metrics.get()));
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
            Supplier<Optional<String>> databaseProblem,
            List<Running> adapters,
            Storage storage,
            OutboxDelivery delivery,
            Metrics metrics)
            throws Exception {
        metrics.watchBacklog(storage.digestOutbox());
        metrics.watchInbox(storage.inbox());
        Readiness readiness = new Readiness().with("database", databaseProblem);
        for (Running adapter : adapters) {
            String platform = adapter.messenger().platform();
            metrics.watchPause(platform, delivery::paused);
            readiness.with(
                    platform,
                    () -> adapter.connected().getAsBoolean() ? Optional.empty() : Optional.of("not connected"));
        }
        return AdminServer.start(config.adminHost(), config.adminPort().orElseThrow(), readiness, metrics);
    }

    private static void runConsole(
            Config config, Clock clock, CoreAssembly core, Function<OutboxDelivery, Optional<IntegrityWatch>> integrity)
            throws IOException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        String user = config.consoleUser();
        Requester me =
                Requester.of(Console.PLATFORM, Console.WORKSPACE, user, user).withZone(ZoneId.systemDefault());
        Console console = new Console(
                core.rapport(), me, config.database().toAbsolutePath().getParent(), clock, out);
        boolean interactive = System.console() != null;
        ConsoleMessenger messenger = new ConsoleMessenger(me.key(), out, interactive);
        OutboxDelivery delivery = core.delivery(List.of(messenger));
        // The full check and the day's backup after start, as with the platforms, so the console is ready at once.
        integrity.apply(delivery).ifPresent(IntegrityWatch::start);
        try (DigestScheduler digests = core.digests(delivery, 1)) {
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
