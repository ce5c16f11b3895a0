package dev.rapport.bench;

import dev.rapport.core.assembly.CoreAssembly;
import dev.rapport.core.digest.Digest;
import dev.rapport.core.digest.DigestPlanner;
import dev.rapport.core.digest.DigestScheduler;
import dev.rapport.core.domain.UserKey;
import dev.rapport.core.port.DirectMessenger;
import dev.rapport.core.reply.Reply;
import dev.rapport.store.sqlite.Database;
import dev.rapport.store.sqlite.SqliteDigestReads;
import dev.rapport.store.sqlite.SqliteStorage;
import java.io.IOException;
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
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A benchmark, not a test: the digest sweep over 100,000 users with 50 contacts each in a real SQLite file. Prints
 * the data set, the sweep's wall time and heap. Run from the repository root:
 *
 * <pre>
 * ./mvnw -q -o -pl bot-core test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.rapport.core.digest.DigestSweepBenchmark [-Dexec.args="100000 50 /tmp/bench/rapport.db"]
 * </pre>
 *
 * <p>Arguments: users (100,000), contacts per user (50), and optionally a file to keep and reuse, so that a second
 * run skips the minute or two of generating data.
 */
public final class DigestSweepBenchmark {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    // 20:00 UTC is past 09:00 on 25 November in every one of these zones.
    private static final Instant NOW = Instant.parse("2026-11-25T20:00:00Z");
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

    private DigestSweepBenchmark() {}

    public static void main(String[] args) throws Exception {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int contactsPerUser = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        // A third argument keeps the generated file there and reuses it on the next run (its outbox emptied).
        Optional<Path> kept = args.length > 2 ? Optional.of(Path.of(args[2])) : Optional.empty();
        Path folder = kept.map(Path::getParent).orElse(null);
        if (folder == null) {
            folder = Files.createTempDirectory("rapport-digest-benchmark");
        }
        Path file = kept.orElse(folder.resolve("rapport.db"));
        boolean reuse = Files.exists(file);
        try (Database db = Database.open(file)) {
            long generateStart = System.nanoTime();
            long rows = reuse
                    ? db.write(c -> (long) c.createStatement().executeUpdate("DELETE FROM digest_outbox"))
                    : db.write(c -> generate(c, users, contactsPerUser));
            // A database that grew over months has long been checkpointed; one bulk load leaves a 1 GB WAL behind.
            db.write(c -> {
                try (var statement = c.createStatement()) {
                    return statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                }
            });
            double generateSeconds = seconds(System.nanoTime() - generateStart);
            System.out.printf(
                    Locale.ROOT,
                    "data: %,d users × %d contacts, %s in %.1f s; file %,d MB%n",
                    users,
                    contactsPerUser,
                    reuse ? "reused (outbox emptied)" : String.format(Locale.ROOT, "%,d rows generated", rows),
                    generateSeconds,
                    Files.size(file) / 1_000_000);

            planOnly(db);

            CountingMessenger messenger = new CountingMessenger();
            CoreAssembly core =
                    CoreAssembly.over(java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC), SqliteStorage.over(db));
            DigestScheduler scheduler = core.digests(core.delivery(List.of(messenger)), 1);

            long heapBefore = usedHeapAfterGc();
            resetPeaks();
            long sweepStart = System.nanoTime();
            DigestScheduler.Tick sweep = scheduler.tick();
            double sweepSeconds = seconds(System.nanoTime() - sweepStart);
            long peak = peakHeap();
            long heapAfter = usedHeapAfterGc();

            long idleStart = System.nanoTime();
            DigestScheduler.Tick idle = scheduler.tick();
            double idleSeconds = seconds(System.nanoTime() - idleStart);

            System.out.printf(Locale.ROOT, "sweep: %s%n", sweep);
            System.out.printf(
                    Locale.ROOT,
                    "sweep wall time: %.2f s (%.0f users/s); messages rendered and sent: %,d (%,d items)%n",
                    sweepSeconds,
                    users / sweepSeconds,
                    messenger.messages,
                    messenger.sections);
            System.out.printf(
                    Locale.ROOT,
                    "heap: used before %d MB, peak during sweep %d MB, used after (after GC) %d MB; max heap %d MB%n",
                    heapBefore / 1_000_000,
                    peak / 1_000_000,
                    heapAfter / 1_000_000,
                    Runtime.getRuntime().maxMemory() / 1_000_000);
            System.out.printf(Locale.ROOT, "next tick with everything done: %.3f s, %s%n", idleSeconds, idle);
        } finally {
            if (kept.isEmpty()) {
                deleteAll(folder);
            }
        }
    }

    /**
     * The planning sweep alone: every user's digest for today decided (follow-ups, check-ins, lapsed rhythms, the
     * context line) in batches of 500, as the scheduler plans them, without writing the outbox or sending.
     */
    private static void planOnly(Database db) {
        var users = SqliteStorage.over(db).users();
        List<Long> ids = db.read(c -> {
            List<Long> all = new java.util.ArrayList<>();
            try (var statement = c.createStatement();
                    var rs = statement.executeQuery("SELECT id FROM users ORDER BY id")) {
                while (rs.next()) {
                    all.add(rs.getLong(1));
                }
            }
            return all;
        });
        List<dev.rapport.core.domain.User> all =
                ids.stream().map(id -> users.byId(id).orElseThrow()).toList();
        SqliteDigestReads reads = new SqliteDigestReads(db);
        usedHeapAfterGc();
        resetPeaks();
        long start = System.nanoTime();
        long withItems = 0;
        long items = 0;
        for (int from = 0; from < all.size(); from += 500) {
            java.util.Map<dev.rapport.core.domain.User, LocalDate> batch = new java.util.LinkedHashMap<>();
            for (dev.rapport.core.domain.User user : all.subList(from, Math.min(all.size(), from + 500))) {
                batch.put(user, LocalDate.ofInstant(NOW, user.settings().zone()));
            }
            for (Digest digest : DigestPlanner.planAll(batch, reads).values()) {
                withItems += digest.isEmpty() ? 0 : 1;
                items += digest.shown();
            }
        }
        double planSeconds = seconds(System.nanoTime() - start);
        System.out.printf(
                Locale.ROOT,
                "planning sweep (plan only, no outbox, no sending): %,d users in %.2f s (%.0f users/s);"
                        + " %,d digests with something due, %,d items; peak heap %d MB%n",
                all.size(),
                planSeconds,
                all.size() / planSeconds,
                withItems,
                items,
                peakHeap() / 1_000_000);
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

    private static void deleteAll(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
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
