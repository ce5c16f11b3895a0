package dev.rapport.bench;

import dev.rapport.core.assembly.CoreAssembly;
import dev.rapport.core.digest.Digest;
import dev.rapport.core.digest.DigestPlanner;
import dev.rapport.core.digest.DigestScheduler;
import dev.rapport.core.domain.User;
import dev.rapport.core.domain.UserKey;
import dev.rapport.core.port.DigestReads;
import dev.rapport.core.port.DirectMessenger;
import dev.rapport.core.port.Storage;
import dev.rapport.core.reply.Reply;
import dev.rapport.store.postgres.PostgresStorage;
import dev.rapport.store.sqlite.Database;
import dev.rapport.store.sqlite.SqliteStorage;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A benchmark, not a test: the digest sweep over many users in a real database (SQLite, or an embedded PostgreSQL
 * with {@code -Dstore=postgres}). Prints the data set; the planning sweep (every user's digest chosen by the store's
 * window query and made into a digest, in the scheduler's batches, DigestScheduler.BATCH) next to its floor, the time the database
 * takes merely to scan the same index ranges (due follow-ups, lapsed rhythms, intro check-ins), measured in the same
 * run, and their ratio; peak heap; and the full tick (claim, plan, render, hand every digest to a no-op messenger,
 * one commit each). Run from the repository root:
 *
 * <pre>
 * java -Xmx256m -Dusers=100000 -Dcontacts=50 -jar bot-bench/target/rapport-bench.jar sweep
 * java -Xmx256m -Dstore=postgres -Dusers=10000 -jar bot-bench/target/rapport-bench.jar sweep
 * </pre>
 *
 * <p>{@code -Dtick=false} leaves out the full tick (it writes an outbox row per user). SQLite keeps the generated file ({@code -Dfile}, by default in the bench folder, named by the size) and reuses
 * it, its outbox emptied, so that a second run skips generating. PostgreSQL generates into a fresh server each run.
 */
public final class DigestSweepBenchmark {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    // 20:00 UTC is past 09:00 on 25 November in every one of these zones.
    private static final Instant NOW = Instant.parse("2026-11-25T20:00:00Z");
    private static final int BATCH = dev.rapport.core.digest.DigestScheduler.BATCH;
    private static final String[] ZONES = {
        "UTC",
        "Europe/London",
        "Europe/Berlin",
        "America/New_York",
        "America/Chicago",
        "America/Los_Angeles",
        "America/Sao_Paulo",
        "Africa/Lagos"
    };

    private final Path folder;

    public DigestSweepBenchmark(Path folder) {
        this.folder = folder;
    }

    /** JDBC work against the store under test, whichever it is. */
    private interface Sql {
        <T> T read(Work<T> work);

        <T> T write(Work<T> work);
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    public void run() throws Exception {
        boolean postgres = System.getProperty("store", "sqlite").equals("postgres");
        int users = Integer.getInteger("users", postgres ? 10_000 : 100_000);
        int contactsPerUser = Integer.getInteger("contacts", 50);
        if (postgres) {
            runPostgres(users, contactsPerUser);
        } else {
            Path file = Path.of(System.getProperty(
                    "file",
                    folder.resolve("sweep-" + users + "x" + contactsPerUser + ".db")
                            .toString()));
            runSqlite(file, users, contactsPerUser);
        }
    }

    private void runSqlite(Path file, int users, int contactsPerUser) throws Exception {
        boolean reuse = Files.exists(file);
        try (Database db = Database.open(file)) {
            Sql sql = new Sql() {
                @Override
                public <T> T read(Work<T> work) {
                    return db.read(work::run);
                }

                @Override
                public <T> T write(Work<T> work) {
                    return db.write(work::run);
                }
            };
            long generateStart = System.nanoTime();
            long rows = reuse
                    ? sql.write(c -> (long) c.createStatement().executeUpdate("DELETE FROM digest_outbox"))
                    : sql.write(c -> generate(c, users, contactsPerUser));
            // A database that grew over months has long been checkpointed; one bulk load leaves a 1 GB WAL behind.
            sql.write(c -> {
                try (var statement = c.createStatement()) {
                    return statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                }
            });
            System.out.printf(
                    Locale.ROOT,
                    "data: SQLite, %,d users × %d contacts, %s in %.1f s; file %,d MB%n",
                    users,
                    contactsPerUser,
                    reuse ? "reused (outbox emptied)" : String.format(Locale.ROOT, "%,d rows generated", rows),
                    seconds(System.nanoTime() - generateStart),
                    Files.size(file) / 1_000_000);
            measure(sql, SqliteStorage.over(db), true);
        }
    }

    private void runPostgres(int users, int contactsPerUser) throws Exception {
        try (EmbeddedPostgres server = EmbeddedPostgres.builder()
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .start();
                dev.rapport.store.postgres.Database db = dev.rapport.store.postgres.Database.open(
                        server.getJdbcUrl("postgres", "postgres"), Optional.empty(), Optional.empty(), 4)) {
            Sql sql = new Sql() {
                @Override
                public <T> T read(Work<T> work) {
                    return db.read(work::run);
                }

                @Override
                public <T> T write(Work<T> work) {
                    return db.write(work::run);
                }
            };
            long generateStart = System.nanoTime();
            long rows = sql.write(c -> generate(c, users, contactsPerUser));
            try (Connection c = server.getPostgresDatabase().getConnection();
                    var statement = c.createStatement()) {
                // As autovacuum would have long done on a database that grew over months: statistics and the
                // visibility map that lets the covering indexes be read without the table.
                statement.execute("VACUUM ANALYZE");
            }
            System.out.printf(
                    Locale.ROOT,
                    "data: PostgreSQL (embedded), %,d users × %d contacts, %,d rows generated and vacuumed in %.1f s%n",
                    users,
                    contactsPerUser,
                    rows,
                    seconds(System.nanoTime() - generateStart));
            measure(sql, PostgresStorage.over(db), false);
        }
    }

    private static void measure(Sql sql, Storage storage, boolean sqlite) {
        List<Long> ids = sql.read(c -> {
            List<Long> all = new ArrayList<>();
            try (var statement = c.createStatement();
                    var rs = statement.executeQuery("SELECT id FROM users ORDER BY id")) {
                while (rs.next()) {
                    all.add(rs.getLong(1));
                }
            }
            return all;
        });
        // Twice each, alternating, so that neither profits alone from a warm cache or a compiled loop.
        for (int round = 1; round <= 2; round++) {
            double floor = floor(sql, storage, ids, sqlite);
            Planned planned = planOnly(storage, ids);
            System.out.printf(
                    Locale.ROOT,
                    "round %d: planning %,d users in %.2f s (%.0f users/s; %,d digests with something due, %,d items,"
                            + " peak heap %d MB); floor (scan of the same index ranges, %,d entries) %.2f s;"
                            + " ratio %.1f%n",
                    round,
                    ids.size(),
                    planned.seconds,
                    ids.size() / planned.seconds,
                    planned.digests,
                    planned.items,
                    planned.peakHeap / 1_000_000,
                    lastFloorRows,
                    floor,
                    planned.seconds / floor);
        }

        if (!Boolean.parseBoolean(System.getProperty("tick", "true"))) {
            return;
        }
        CountingMessenger messenger = new CountingMessenger();
        CoreAssembly core = CoreAssembly.over(java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC), storage);
        DigestScheduler scheduler = core.digests(core.delivery(List.of(messenger)), 1);
        long heapBefore = usedHeapAfterGc();
        resetPeaks();
        long sweepStart = System.nanoTime();
        DigestScheduler.Tick sweep = scheduler.tick();
        double sweepSeconds = seconds(System.nanoTime() - sweepStart);
        long peak = peakHeap();
        long idleStart = System.nanoTime();
        DigestScheduler.Tick idle = scheduler.tick();
        double idleSeconds = seconds(System.nanoTime() - idleStart);
        System.out.printf(
                Locale.ROOT,
                "full tick (claim, plan, render, send to a no-op messenger, one commit each): %.2f s (%.0f users/s),"
                        + " %,d messages (%,d sections), peak heap %d MB (used before %d MB), %s%n",
                sweepSeconds,
                ids.size() / sweepSeconds,
                messenger.messages,
                messenger.sections,
                peak / 1_000_000,
                heapBefore / 1_000_000,
                sweep);
        System.out.printf(Locale.ROOT, "next tick with everything done: %.3f s, %s%n", idleSeconds, idle);
        System.out.printf(Locale.ROOT, "max heap %d MB%n", Runtime.getRuntime().maxMemory() / 1_000_000);
    }

    private record Planned(double seconds, long digests, long items, long peakHeap) {}

    /**
     * The planning sweep alone: every user's digest for today chosen and made, in the scheduler's batches
     * (DigestScheduler.BATCH), without writing the outbox or sending. Loading the users between batches is not timed.
     */
    private static Planned planOnly(Storage storage, List<Long> ids) {
        var users = storage.users();
        DigestReads reads = storage.digestReads();
        usedHeapAfterGc();
        resetPeaks();
        long nanos = 0;
        long withItems = 0;
        long items = 0;
        for (int from = 0; from < ids.size(); from += BATCH) {
            Map<User, LocalDate> batch = new LinkedHashMap<>();
            for (long id : ids.subList(from, Math.min(ids.size(), from + BATCH))) {
                User user = users.byId(id).orElseThrow();
                batch.put(user, LocalDate.ofInstant(NOW, user.settings().zone()));
            }
            long start = System.nanoTime();
            Map<Long, Digest> digests = DigestPlanner.planAll(batch, reads);
            nanos += System.nanoTime() - start;
            for (Digest digest : digests.values()) {
                withItems += digest.isEmpty() ? 0 : 1;
                items += digest.shown();
            }
        }
        return new Planned(seconds(nanos), withItems, items, peakHeap());
    }

    private static long lastFloorRows;

    /** The time the database takes merely to count the index entries the choice ranks, in the same batches. */
    private static double floor(Sql sql, Storage storage, List<Long> ids, boolean sqlite) {
        var users = storage.users();
        long nanos = 0;
        long rows = 0;
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + BATCH));
            // The owners go in as the choice's query takes them: one JSON array (SQLite), or arrays (PostgreSQL).
            StringBuilder pairs = new StringBuilder("[");
            StringBuilder owners = new StringBuilder("{");
            StringBuilder days = new StringBuilder("{");
            for (long id : chunk) {
                String day = LocalDate.ofInstant(
                                NOW, users.byId(id).orElseThrow().settings().zone())
                        .toString();
                String comma = owners.length() == 1 ? "" : ",";
                pairs.append(comma)
                        .append('[')
                        .append(id)
                        .append(",\"")
                        .append(day)
                        .append("\"]");
                owners.append(comma).append(id);
                days.append(comma).append(day);
            }
            String first =
                    sqlite ? pairs.append(']').toString() : owners.append('}').toString();
            String second = days.append('}').toString();
            String wanted = sqlite
                    ? "wanted AS MATERIALIZED (SELECT value ->> 0 AS owner_id, value ->> 1 AS day FROM json_each(?))"
                    : "wanted AS (SELECT * FROM unnest(?::text::bigint[], ?::text::text[]) AS v (owner_id, day))";
            String query = "WITH " + wanted + " SELECT"
                    + " (SELECT count(*) FROM wanted w JOIN follow_ups f"
                    + (sqlite ? " INDEXED BY follow_ups_open_due" : "")
                    + " ON f.owner_id = w.owner_id AND f.status = 'OPEN' AND f.due_on <= w.day)"
                    + " + (SELECT count(*) FROM wanted w JOIN contacts c"
                    + (sqlite ? " INDEXED BY contacts_owner_rhythm_due" : "")
                    + " ON c.owner_id = w.owner_id AND c.rhythm_next <= w.day)"
                    + " + (SELECT count(*) FROM wanted w JOIN intros i ON i.introducer_id = w.owner_id"
                    + " AND i.check_in = 'OPEN' AND i.check_in_on <= w.day)";
            long start = System.nanoTime();
            rows += sql.read(c -> {
                try (PreparedStatement statement = c.prepareStatement(query)) {
                    statement.setString(1, first);
                    if (!sqlite) {
                        statement.setString(2, second);
                    }
                    try (var rs = statement.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                }
            });
            nanos += System.nanoTime() - start;
        }
        lastFloorRows = rows;
        return seconds(nanos);
    }

    /** Bulk inserts: users spread over zones; per user 50 contacts, some rhythms and follow-ups, a note each. */
    private static long generate(Connection c, int users, int contactsPerUser) throws SQLException {
        long rows = 0;
        String created = NOW.minusSeconds(86_400L * 400).toString();
        try (PreparedStatement user = c.prepareStatement(
                        "INSERT INTO users (id, platform, workspace, platform_user_id, display_name, time_zone,"
                                + " zone_chosen, digest_time, digest_days, paused_until, max_items, created_at)"
                                + " VALUES (?, 'slack', 'T1', ?, ?, ?, 1, ?, ?, ?, 5, ?)");
                PreparedStatement contact = c.prepareStatement(
                        "INSERT INTO contacts (id, owner_id, name, name_key, rhythm, rhythm_next, last_contact,"
                                + " last_initiator, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement followUp = c.prepareStatement(
                        "INSERT INTO follow_ups (owner_id, contact_id, due_on, reason, status, created_at)"
                                + " VALUES (?, ?, ?, ?, 'OPEN', ?)");
                PreparedStatement note =
                        c.prepareStatement("INSERT INTO notes (owner_id, contact_id, kind, body, tags, created_at)"
                                + " VALUES (?, ?, ?, ?, '', ?)")) {
            long contactId = 0;
            for (int u = 1; u <= users; u++) {
                user.setInt(1, u);
                user.setString(2, "U" + u);
                user.setString(3, "User " + u);
                user.setString(4, ZONES[u % ZONES.length]);
                user.setString(5, String.format(Locale.ROOT, "%02d:%02d", 7 + u % 3, (u % 4) * 15));
                user.setString(6, u % 7 == 0 ? "WEEKDAYS" : "EVERYDAY");
                user.setString(7, u % 20 == 0 ? TODAY.plusDays(3).toString() : null);
                user.setString(8, created);
                user.addBatch();
                rows++;
                // One user in ten keeps a circle with nothing due today.
                boolean quiet = u % 10 == 3;
                for (int k = 0; k < contactsPerUser; k++) {
                    contactId++;
                    boolean hasRhythm = k % 5 == 0;
                    int lastDaysAgo = 1 + (u + k) % 40;
                    contact.setLong(1, contactId);
                    contact.setInt(2, u);
                    contact.setString(3, "Person " + k + " of " + u);
                    contact.setString(4, "person " + k + " of " + u);
                    contact.setString(5, hasRhythm ? "P2W" : null);
                    contact.setString(
                            6,
                            hasRhythm
                                    ? TODAY.minusDays(lastDaysAgo)
                                            .plusWeeks(2)
                                            .plusDays(quiet ? 40 : 0)
                                            .toString()
                                    : null);
                    contact.setString(7, TODAY.minusDays(lastDaysAgo).toString());
                    contact.setString(8, k % 2 == 0 ? "ME" : "THEM");
                    contact.setString(9, created);
                    contact.addBatch();
                    rows++;
                    if (k % 10 == 1) {
                        followUp.setInt(1, u);
                        followUp.setLong(2, contactId);
                        followUp.setString(
                                3,
                                TODAY.plusDays((u + k) % 21 - 10 + (quiet ? 30 : 0))
                                        .toString());
                        followUp.setString(4, k % 20 == 1 ? "the job offer" : null);
                        followUp.setString(5, created);
                        followUp.addBatch();
                        rows++;
                        note.setInt(1, u);
                        note.setLong(2, contactId);
                        note.setString(3, "QUESTION");
                        note.setString(4, "how did the move to Lisbon go?");
                        note.setString(5, created);
                        note.addBatch();
                        rows++;
                    }
                    note.setInt(1, u);
                    note.setLong(2, contactId);
                    note.setString(3, "NOTE");
                    note.setString(4, "Met at the SYPE mixer; sails on weekends, two kids, works on payments");
                    note.setString(5, created);
                    note.addBatch();
                    rows++;
                }
                if (u % 200 == 0 || u == users) {
                    user.executeBatch();
                    contact.executeBatch();
                    followUp.executeBatch();
                    note.executeBatch();
                }
            }
        }
        return rows;
    }

    private static long usedHeapAfterGc() {
        System.gc();
        return heapPools().mapToLong(pool -> pool.getUsage().getUsed()).sum();
    }

    private static void resetPeaks() {
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** The sum of each heap pool's peak: an upper bound on the heap in use at any one moment of the sweep. */
    private static long peakHeap() {
        return heapPools().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    private static Stream<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /** A platform that accepts everything and counts. */
    private static final class CountingMessenger implements DirectMessenger {
        long messages;
        long sections;

        @Override
        public String platform() {
            return "slack";
        }

        @Override
        public Delivery send(UserKey to, Reply message, String dedupeKey) {
            messages++;
            sections += message.sections().size();
            return new Sent();
        }
    }
}
