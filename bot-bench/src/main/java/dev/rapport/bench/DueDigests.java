package dev.rapport.bench;

import dev.rapport.core.digest.DigestScheduler;
import dev.rapport.store.sqlite.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;
import org.sqlite.SQLiteConfig;

/**
 * A fresh database of Slack users whose digest is due now: digest time 00:00, every day, one contact each with an
 * open follow-up due today, so every digest has something to say. Their zone is the whole-hour UTC offset where it is
 * now closest to noon, so that no run crosses the users' midnight (which would expire the day's digests).
 */
final class DueDigests {
    static final String WORKSPACE = "T1";

    private DueDigests() {}

    static String slackId(int user) {
        return String.format("U%08d", user);
    }

    /** The Etc/GMT zone whose local time is now closest to noon (Etc/GMT+11 is UTC-11). */
    static ZoneId zone() {
        int hour = java.time.LocalTime.now(ZoneOffset.UTC).getHour();
        int offset = 12 - hour; // -11 .. 12
        if (offset > 11) {
            offset = 11; // Etc/GMT-12 exists too, but keep to the common range
        }
        return offset == 0 ? ZoneId.of("UTC") : ZoneId.of("Etc/GMT" + (offset > 0 ? "-" : "+") + Math.abs(offset));
    }

    /** Deletes any earlier file and builds the database of Slack users with the real migrations. */
    static void build(Path file, int users, ZoneId zone) throws Exception {
        build(file, users, zone, "slack", WORKSPACE, DueDigests::slackId);
    }

    /** The same users on another platform: {@code id} gives the n-th user's platform id. */
    static void build(
            Path file, int users, ZoneId zone, String platform, String workspace, IntFunction<String> platformId)
            throws Exception {
        for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
            Files.deleteIfExists(Path.of(file + suffix));
        }
        String today = LocalDate.now(zone).toString();
        String created = "2026-01-01T00:00:00Z";
        try (Database db = Database.open(file)) {
            db.write(c -> {
                try (PreparedStatement user = c.prepareStatement("INSERT INTO users (id, platform, workspace,"
                                + " platform_user_id, display_name, time_zone, zone_chosen, digest_time, digest_days,"
                                + " created_at) VALUES (?, ?, ?, ?, ?, ?, 1, '00:00', 'EVERYDAY', ?)");
                        PreparedStatement contact = c.prepareStatement("INSERT INTO contacts (id, owner_id, name,"
                                + " name_key, last_contact, created_at) VALUES (?, ?, ?, ?, '2026-10-01', ?)");
                        PreparedStatement followUp = c.prepareStatement("INSERT INTO follow_ups (owner_id, contact_id,"
                                + " due_on, reason, status, created_at) VALUES (?, ?, ?, 'catch up', 'OPEN', ?)")) {
                    for (int u = 0; u < users; u++) {
                        long id = u + 1;
                        user.setLong(1, id);
                        user.setString(2, platform);
                        user.setString(3, workspace);
                        user.setString(4, platformId.apply(u));
                        user.setString(5, "User " + u);
                        user.setString(6, zone.getId());
                        user.setString(7, created);
                        user.addBatch();
                        String name = "Friend of " + u;
                        contact.setLong(1, id);
                        contact.setLong(2, id);
                        contact.setString(3, name);
                        contact.setString(4, name.toLowerCase());
                        contact.setString(5, created);
                        contact.addBatch();
                        followUp.setLong(1, id);
                        followUp.setLong(2, id);
                        followUp.setString(3, today);
                        followUp.setString(4, created);
                        followUp.addBatch();
                    }
                    user.executeBatch();
                    contact.executeBatch();
                    followUp.executeBatch();
                }
                return null;
            });
        }
    }

    /** Outbox rows by state, read over a connection of its own (another process may be writing). */
    static Map<String, Long> outboxStates(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(10_000);
        Map<String, Long> states = new TreeMap<>();
        try (Connection c = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT state, COUNT(*) FROM digest_outbox GROUP BY state")) {
            while (rs.next()) {
                states.put(rs.getString(1), rs.getLong(2));
            }
        }
        return states;
    }

    /** How many attempts the sent rows took: attempts → rows. */
    static Map<Integer, Long> attempts(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(10_000);
        Map<Integer, Long> attempts = new TreeMap<>();
        try (Connection c = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT attempts, COUNT(*) FROM digest_outbox GROUP BY attempts")) {
            while (rs.next()) {
                attempts.put(rs.getInt(1), rs.getLong(2));
            }
        }
        return attempts;
    }

    /** Users (by platform id) that a fake recorded never, and more than once. */
    /** What a run of scheduler ticks did: digests sent, ticks, ticks that sent or retried nothing, and seconds. */
    record Run(long sent, long ticks, long idleTicks, double wall) {}

    /**
     * Ticks {@code scheduler} until {@code users} digests are sent or {@code limitSeconds} pass, resting 100 ms after a
     * tick that did nothing, and printing {@code progress} (given the digests sent so far) every 30 seconds.
     */
    static Run tickUntilSent(
            DigestScheduler scheduler, long users, long limitSeconds, java.util.function.LongFunction<String> progress)
            throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + limitSeconds * 1_000_000_000L;
        long nextReport = start + 30_000_000_000L;
        long sent = 0;
        long ticks = 0;
        long idleTicks = 0;
        while (sent < users && System.nanoTime() < deadline) {
            DigestScheduler.Tick tick = scheduler.tick();
            ticks++;
            sent += tick.sent();
            if (tick.sent() + tick.retried() == 0) {
                idleTicks++;
                Thread.sleep(100);
            }
            if (System.nanoTime() > nextReport) {
                nextReport = System.nanoTime() + 30_000_000_000L;
                System.out.printf("  %4.0f s: %s%n", (System.nanoTime() - start) / 1e9, progress.apply(sent));
            }
        }
        return new Run(sent, ticks, idleTicks, (System.nanoTime() - start) / 1e9);
    }

    record Check(long lost, long duplicates, long delivered) {
        static Check of(int users, Map<String, java.util.concurrent.atomic.AtomicLong> deliveries) {
            return of(users, deliveries, DueDigests::slackId);
        }

        static Check of(
                int users,
                Map<String, java.util.concurrent.atomic.AtomicLong> deliveries,
                IntFunction<String> platformId) {
            long lost = 0;
            long duplicates = 0;
            long delivered = 0;
            for (int u = 0; u < users; u++) {
                java.util.concurrent.atomic.AtomicLong count = deliveries.get(platformId.apply(u));
                long n = count == null ? 0 : count.get();
                if (n == 0) {
                    lost++;
                } else {
                    delivered++;
                }
                if (n > 1) {
                    duplicates++;
                }
            }
            return new Check(lost, duplicates, delivered);
        }
    }
}
