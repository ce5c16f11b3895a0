package dev.rapport.bench;

import dev.rapport.core.api.CommandRequest;
import dev.rapport.core.api.Rapport;
import dev.rapport.core.api.Requester;
import dev.rapport.core.assembly.CoreAssembly;
import dev.rapport.core.inbox.InboxChannel;
import dev.rapport.core.inbox.InboxWorkers;
import dev.rapport.core.reply.Prompt;
import dev.rapport.core.reply.Reply;
import dev.rapport.store.postgres.PostgresStorage;
import dev.rapport.store.sqlite.Database;
import dev.rapport.store.sqlite.SqliteStorage;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.IntConsumer;
import org.sqlite.SQLiteConfig;

/**
 * p50/p99 of /remember, /followup, /contact and name autocomplete on 10,000 users, 100,000 contacts and 1,000,000
 * notes; and /remember throughput against bare-JDBC single-row committed inserts into the same database (on SQLite:
 * called directly and through the inbox, in interleaved rounds, the floor on a connection with the store's pragmas,
 * checked and printed).
 * {@code -Dstore=sqlite} (the default), {@code postgres} (an embedded PostgreSQL 17 with its default, durable
 * settings, over the store's pool, on the same machine) or {@code both}, printed side by side. {@code -DbenchUsers}
 * sizes the dataset (10 contacts a user, 10 notes a contact); {@code -Dwarmup} and {@code -Dsamples} the runs (5,000
 * and 20,000 on SQLite alone; 1,000 and 5,000 when PostgreSQL runs, for both stores alike).
 */
final class CommandLatencyBench {
    private static final String[] OPERATIONS = {"/remember", "/followup", "/contact", "autocomplete"};

    private final Path folder;
    private final String store = System.getProperty("store", "sqlite");
    private final int users = Integer.getInteger("benchUsers", 10_000);
    private final int warmup = Integer.getInteger("warmup", store.equals("sqlite") ? 5_000 : 1_000);
    private final int samples = Integer.getInteger("samples", store.equals("sqlite") ? 20_000 : 5_000);
    private final Random random = new Random(7);
    private final Dataset dataset;

    CommandLatencyBench(Path folder) {
        this.folder = folder;
        String file = users == 10_000 ? "commands-10k.db" : "commands-" + users + ".db";
        this.dataset = new Dataset(folder.resolve(file), users, 10, 10);
    }

    /** One store's figures: operation → latency, and the throughput line. */
    record Result(Map<String, Stats> latency, double remember, double raw) {}

    void run() throws Exception {
        System.out.printf(
                "store %s; %d users, %d contacts, %d notes; %d warm-up and %d measured calls per operation%n",
                store, users, users * 10L, users * 100L, warmup, samples);
        switch (store) {
            case "sqlite" -> sqlite();
            case "postgres" -> postgres();
            case "both" -> sideBySide(sqlite(), postgres());
            default -> throw new IllegalArgumentException("-Dstore is sqlite, postgres or both, not " + store);
        }
    }

    private Result sqlite() throws Exception {
        System.out.println("-- SQLite (" + dataset.file + ")");
        try (Database db = dataset.open()) {
            CoreAssembly core = CoreAssembly.over(Clock.systemUTC(), SqliteStorage.over(db));
            Rapport rapport = core.rapport();
            Map<String, Stats> latency = latencies(rapport);
            return sqliteThroughput(rapport, core.inbox(1).channel(new Answered()), db, latency);
        }
    }

    /** A platform that takes every answer at once, so the inbox's own cost is what is measured. */
    private static final class Answered implements InboxChannel {
        @Override
        public String platform() {
            return Dataset.PLATFORM;
        }

        @Override
        public boolean answer(String replyTo, Reply reply) {
            check(reply);
            return true;
        }

        @Override
        public boolean prompt(String replyTo, String actionId, Prompt prompt) {
            throw new IllegalStateException("benchmark command asked for input");
        }
    }

    /**
     * /remember called directly, /remember through the inbox, and the floor, in interleaved rounds on the same file,
     * so that a machine whose load changes during the run weighs on all three alike.
     */
    private Result sqliteThroughput(Rapport rapport, InboxWorkers inbox, Database db, Map<String, Stats> latency)
            throws Exception {
        int rounds = 10;
        int perRound = 1_000;
        String storePragmas = db.read(CommandLatencyBench::pragmas);
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(5_000);
        long rememberNanos = 0;
        long inboxNanos = 0;
        long rawNanos = 0;
        try (Connection c = config.createConnection("jdbc:sqlite:" + db.file().toAbsolutePath());
                PreparedStatement insert = c.prepareStatement("INSERT INTO notes (owner_id, contact_id, kind, body,"
                        + " tags, created_at) VALUES (?, ?, 'NOTE', ?, '', '2026-11-25T10:00:00Z')")) {
            String floorPragmas = pragmas(c);
            if (!floorPragmas.equals(storePragmas)) {
                throw new IllegalStateException(
                        "the floor's connection differs from the store's: " + floorPragmas + " vs " + storePragmas);
            }
            c.setAutoCommit(true);
            for (int round = 0; round < rounds; round++) {
                long start = System.nanoTime();
                for (int i = 0; i < perRound; i++) {
                    check(rapport.handle(command(i, "remember", "\"%s\" throughput note " + i)));
                }
                rememberNanos += System.nanoTime() - start;

                // The whole way a platform's command goes: written down before the ack, claimed, run with its row
                // marked in the command's own commit, answered.
                start = System.nanoTime();
                for (int i = 0; i < perRound; i++) {
                    String key = "bench-" + System.nanoTime() + "-" + i;
                    if (!inbox.accept(
                            key, command(i, "remember", "\"%s\" inbox note " + i), key, Duration.ofMinutes(30))) {
                        throw new IllegalStateException("a new request was taken for a replay");
                    }
                    if (inbox.drain() != 1) {
                        throw new IllegalStateException("the inbox did not run the request");
                    }
                }
                inboxNanos += System.nanoTime() - start;

                start = System.nanoTime();
                for (int i = 0; i < perRound; i++) {
                    int user = random.nextInt(dataset.users);
                    insert.setLong(1, user + 1);
                    insert.setLong(
                            2, (long) user * dataset.contactsPerUser + 1 + random.nextInt(dataset.contactsPerUser));
                    insert.setString(3, "raw note " + i);
                    insert.executeUpdate();
                }
                rawNanos += System.nanoTime() - start;
            }
        }
        int n = rounds * perRound;
        double remember = n / (rememberNanos / 1e9);
        double throughInbox = n / (inboxNanos / 1e9);
        double raw = n / (rawNanos / 1e9);
        System.out.printf("floor pragmas (same on the store's connections) %s%n", storePragmas);
        System.out.printf(
                "throughput    /remember %.0f/s, bare JDBC single-row committed insert %.0f/s, ratio %.2f"
                        + " (%d interleaved rounds of %d)%n",
                remember, raw, remember / raw, rounds, perRound);
        System.out.printf(
                "throughput    /remember through the inbox (accept, claim, run, answer) %.0f/s, ratio %.2f%n",
                throughInbox, throughInbox / raw);
        return new Result(latency, remember, raw);
    }

    /** The settings of a connection that decide what a commit costs. */
    private static String pragmas(Connection c) throws SQLException {
        StringBuilder line = new StringBuilder();
        for (String pragma : new String[] {
            "journal_mode",
            "synchronous",
            "foreign_keys",
            "busy_timeout",
            "cache_size",
            "temp_store",
            "mmap_size",
            "locking_mode",
            "wal_autocheckpoint",
            "page_size"
        }) {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("PRAGMA " + pragma)) {
                rs.next();
                line.append(line.length() == 0 ? "" : " ")
                        .append(pragma)
                        .append('=')
                        .append(rs.getString(1));
            }
        }
        return line.toString();
    }

    private Result postgres() throws Exception {
        long start = System.nanoTime();
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().start()) {
            try (Connection c = server.getPostgresDatabase().getConnection();
                    Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE commands");
            }
            String url = server.getJdbcUrl("postgres", "commands");
            System.out.printf(
                    "-- PostgreSQL (embedded, %s, fsync and synchronous_commit on) started in %.1f s%n",
                    url, (System.nanoTime() - start) / 1e9);
            // The pool size the running bot opens (Main: 16); commands here run on one thread.
            try (dev.rapport.store.postgres.Database db =
                    dev.rapport.store.postgres.Database.open(url, Optional.empty(), Optional.empty(), 16)) {
                fill(db);
                Rapport rapport = CoreAssembly.over(Clock.systemUTC(), PostgresStorage.over(db))
                        .rapport();
                Map<String, Stats> latency = latencies(rapport);
                try (Connection c = DriverManager.getConnection(url)) {
                    return throughput(rapport, c, latency, "same server");
                }
            }
        }
    }

    /** The dataset Dataset builds in SQLite, in set-based statements (user u's row id is u + 1 in both). */
    private void fill(dev.rapport.store.postgres.Database db) {
        long start = System.nanoTime();
        String created = "'2026-01-01T00:00:00Z'";
        db.write(c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO users (platform, workspace, platform_user_id, display_name, time_zone,"
                        + " zone_chosen, created_at) SELECT '" + Dataset.PLATFORM + "', '" + Dataset.WORKSPACE
                        + "', 'u' || g, 'User ' || g, (ARRAY['UTC', 'America/Los_Angeles', 'Europe/Berlin',"
                        + " 'Asia/Kolkata', 'Pacific/Chatham'])[g % 5 + 1], 1, " + created
                        + " FROM generate_series(0, " + (users - 1) + ") g ORDER BY g");
                s.executeUpdate("INSERT INTO contacts (owner_id, name, name_key, last_contact, created_at)"
                        + " SELECT u.id, 'Contact ' || substr(u.platform_user_id, 2) || '-' || k,"
                        + " lower('Contact ' || substr(u.platform_user_id, 2) || '-'"
                        + " || k), '2026-10-' || lpad((1 + (u.id * 7 + k) % 28)::text, 2, '0'), " + created
                        + " FROM users u, generate_series(0, " + (dataset.contactsPerUser - 1) + ") k"
                        + " ORDER BY u.id, k");
                s.executeUpdate("INSERT INTO notes (owner_id, contact_id, kind, body, tags, created_at)"
                        + " SELECT c.owner_id, c.id, CASE WHEN n = 0 THEN 'QUESTION' ELSE 'NOTE' END,"
                        + " 'Note ' || n || ' about ' || c.name || ': likes sailing, moving to Lisbon', '', " + created
                        + " FROM contacts c, generate_series(0, " + (dataset.notesPerContact - 1) + ") n"
                        + " ORDER BY c.id, n");
            }
            return null;
        });
        db.write(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE");
            }
            return null;
        });
        System.out.printf(
                "built the PostgreSQL dataset: %d users, %d contacts, %d notes in %.1f s%n",
                users,
                (long) users * dataset.contactsPerUser,
                (long) users * dataset.contactsPerUser * dataset.notesPerContact,
                (System.nanoTime() - start) / 1e9);
    }

    private Map<String, Stats> latencies(Rapport rapport) {
        Map<String, Stats> latency = new LinkedHashMap<>();
        latency.put(
                "/remember",
                measure(
                        "/remember",
                        i -> check(rapport.handle(command(i, "remember", "\"%s\" met again, note " + i)))));
        latency.put(
                "/followup",
                measure("/followup", i -> check(rapport.handle(command(i, "followup", "\"%s\" in 3 days about x")))));
        latency.put("/contact", measure("/contact", i -> check(rapport.handle(command(i, "contact", "\"%s\"")))));
        latency.put("autocomplete", measure("autocomplete", i -> {
            int user = random.nextInt(dataset.users);
            if (rapport.suggestContacts(requester(user), "Contact " + user + "-", 25)
                    .isEmpty()) {
                throw new IllegalStateException("no suggestions");
            }
        }));
        return latency;
    }

    private CommandRequest command(int i, String name, String template) {
        int user = random.nextInt(dataset.users);
        String contact = Dataset.contactName(user, random.nextInt(dataset.contactsPerUser));
        return CommandRequest.of(requester(user), name, template.replace("%s", contact));
    }

    private static Requester requester(int user) {
        return Requester.of(Dataset.PLATFORM, Dataset.WORKSPACE, Dataset.userId(user), "User " + user)
                .withZone(ZoneId.of("UTC"));
    }

    private static void check(Reply reply) {
        if (reply.isError()) {
            throw new IllegalStateException("benchmark command failed: " + reply.plainText());
        }
    }

    private Stats measure(String what, IntConsumer op) {
        for (int i = 0; i < warmup; i++) {
            op.accept(i);
        }
        Stats stats = new Stats(samples);
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            op.accept(i);
            stats.add(System.nanoTime() - start);
        }
        System.out.printf("%-13s %s%n", what, stats.summary());
        return stats;
    }

    /** /remember through Rapport against single-row committed inserts over {@code c}, a connection of its own. */
    private Result throughput(Rapport rapport, Connection c, Map<String, Stats> latency, String floor)
            throws Exception {
        int n = 10_000;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            check(rapport.handle(command(i, "remember", "\"%s\" throughput note " + i)));
        }
        double remember = n / ((System.nanoTime() - start) / 1e9);
        double raw;
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO notes (owner_id, contact_id, kind, body,"
                + " tags, created_at) VALUES (?, ?, 'NOTE', ?, '', '2026-11-25T10:00:00Z')")) {
            c.setAutoCommit(true);
            start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                int user = random.nextInt(dataset.users);
                insert.setLong(1, user + 1);
                insert.setLong(2, (long) user * dataset.contactsPerUser + 1 + random.nextInt(dataset.contactsPerUser));
                insert.setString(3, "raw note " + i);
                insert.executeUpdate();
            }
            raw = n / ((System.nanoTime() - start) / 1e9);
        }
        System.out.printf(
                "throughput    /remember %.0f/s, bare JDBC single-row committed insert (%s) %.0f/s, ratio %.2f%n",
                remember, floor, raw, remember / raw);
        return new Result(latency, remember, raw);
    }

    private void sideBySide(Result sqlite, Result postgres) {
        System.out.println("-- side by side (same dataset, same calls, one machine; ratio = PostgreSQL ÷ SQLite)");
        System.out.printf("%-13s %21s %21s %15s%n", "", "SQLite p50 / p99 ms", "PostgreSQL p50 / p99", "ratio p50/p99");
        for (String op : OPERATIONS) {
            Stats s = sqlite.latency().get(op);
            Stats p = postgres.latency().get(op);
            System.out.printf(
                    "%-13s %9.3f / %9.3f %9.3f / %9.3f %6.1fx / %5.1fx%n",
                    op,
                    s.percentileMillis(50),
                    s.percentileMillis(99),
                    p.percentileMillis(50),
                    p.percentileMillis(99),
                    p.percentileMillis(50) / s.percentileMillis(50),
                    p.percentileMillis(99) / s.percentileMillis(99));
        }
        System.out.printf(
                "%-13s %15.0f/s %19.0f/s %13.1fx fewer on PostgreSQL%n",
                "/remember", sqlite.remember(), postgres.remember(), sqlite.remember() / postgres.remember());
        System.out.printf(
                "%-13s %15.0f/s %19.0f/s (bare JDBC single-row committed inserts)%n",
                "floor", sqlite.raw(), postgres.raw());
    }
}
