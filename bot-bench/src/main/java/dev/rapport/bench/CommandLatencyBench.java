package dev.rapport.bench;

import dev.rapport.core.api.CommandRequest;
import dev.rapport.core.api.Rapport;
import dev.rapport.core.api.Requester;
import dev.rapport.core.assembly.CoreAssembly;
import dev.rapport.core.reply.Reply;
import dev.rapport.store.sqlite.Database;
import dev.rapport.store.sqlite.SqliteStorage;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Random;
import java.util.function.IntConsumer;
import org.sqlite.SQLiteConfig;

/**
 * p50/p99 of /remember, /followup, /contact and name autocomplete on 10,000 users, 100,000 contacts and 1,000,000
 * notes; and /remember throughput against bare-JDBC single-row committed inserts with the same pragmas.
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
            Rapport rapport =
                    CoreAssembly.over(Clock.systemUTC(), SqliteStorage.over(db)).rapport();
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
            throughput(rapport, db);
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

    private void throughput(Rapport rapport, Database db) throws Exception {
        int n = 10_000;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            check(rapport.handle(command(i, "remember", "\"%s\" throughput note " + i)));
        }
        double remember = n / ((System.nanoTime() - start) / 1e9);

        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(5_000);
        double raw;
        try (Connection c = config.createConnection("jdbc:sqlite:" + db.file().toAbsolutePath());
                PreparedStatement insert = c.prepareStatement("INSERT INTO notes (owner_id, contact_id, kind, body,"
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
                "throughput    /remember %.0f/s, bare JDBC single-row committed insert %.0f/s, ratio %.2f%n",
                remember, raw, remember / raw);
    }
}
