package dev.rapport.bench;

import dev.rapport.core.api.CommandRequest;
import dev.rapport.core.api.Rapport;
import dev.rapport.core.api.Requester;
import dev.rapport.core.assembly.CoreAssembly;
import dev.rapport.core.inbox.InboxChannel;
import dev.rapport.core.inbox.InboxWorkers;
import dev.rapport.core.reply.Prompt;
import dev.rapport.core.reply.Reply;
import dev.rapport.store.sqlite.Database;
import dev.rapport.store.sqlite.SqliteStorage;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Random;
import java.util.function.IntConsumer;
import org.sqlite.SQLiteConfig;

/**
 * p50/p99 of /remember, /followup, /contact and name autocomplete on 10,000 users, 100,000 contacts and 1,000,000
 * notes; and /remember throughput, called directly and through the inbox, against bare-JDBC single-row committed
 * inserts on a connection with the same pragmas as the store's (checked and printed).
 */
final class CommandLatencyBench {
    private static final int WARMUP = 5_000;
    private static final int SAMPLES = 20_000;

    private final Dataset dataset;
    private final Random random = new Random(7);

    CommandLatencyBench(Path folder) {
        this.dataset = new Dataset(folder.resolve("commands-10k.db"), 10_000, 10, 10);
    }

    void run() throws Exception {
        try (Database db = dataset.open()) {
            CoreAssembly core = CoreAssembly.over(Clock.systemUTC(), SqliteStorage.over(db));
            Rapport rapport = core.rapport();
            measure("/remember", i -> check(rapport.handle(command(i, "remember", "\"%s\" met again, note " + i))));
            measure("/followup", i -> check(rapport.handle(command(i, "followup", "\"%s\" in 3 days about x"))));
            measure("/contact", i -> check(rapport.handle(command(i, "contact", "\"%s\""))));
            measure("autocomplete", i -> {
                int user = random.nextInt(dataset.users);
                if (rapport.suggestContacts(requester(user), "Contact " + user + "-", 25)
                        .isEmpty()) {
                    throw new IllegalStateException("no suggestions");
                }
            });
            throughput(rapport, core.inbox(1).channel(new Answered()), db);
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

    private void measure(String what, IntConsumer op) {
        for (int i = 0; i < WARMUP; i++) {
            op.accept(i);
        }
        Stats stats = new Stats(SAMPLES);
        for (int i = 0; i < SAMPLES; i++) {
            long start = System.nanoTime();
            op.accept(i);
            stats.add(System.nanoTime() - start);
        }
        System.out.printf("%-13s %s%n", what, stats.summary());
    }

    /**
     * /remember called directly, /remember through the inbox, and the floor, in interleaved rounds on the same file,
     * so that a machine whose load changes during the run weighs on all three alike.
     */
    private void throughput(Rapport rapport, InboxWorkers inbox, Database db) throws Exception {
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
}
