package dev.rapport.app;

import dev.rapport.core.delivery.OutboxDelivery;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SQLite's full integrity check, run once after start on a thread of its own (the start itself only runs the quick
 * check, so a large database is ready at once). Damage found stops every send, fails readiness and tells the
 * operator how to restore; commands still answer, so nobody's typing is lost meanwhile.
 */
final class IntegrityWatch {
    private static final Logger log = LoggerFactory.getLogger(IntegrityWatch.class);

    private IntegrityWatch() {}

    /** Starts the check on a daemon thread; returns the thread. */
    static Thread start(
            String where, Supplier<List<String>> fullCheck, Consumer<List<String>> damaged, OutboxDelivery delivery) {
        Thread thread = new Thread(() -> check(where, fullCheck, damaged, delivery), "rapport-integrity-check");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Runs the check; true when the database is sound. */
    static boolean check(
            String where, Supplier<List<String>> fullCheck, Consumer<List<String>> damaged, OutboxDelivery delivery) {
        List<String> problems;
        try {
            problems = fullCheck.get();
        } catch (RuntimeException e) {
            problems = List.of(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        if (problems.isEmpty()) {
            log.info("{} passed its full integrity check", where);
            return true;
        }
        damaged.accept(problems);
        delivery.halt("the database failed its integrity check");
        log.error(
                "{} failed its full integrity check ({} problem(s), the first: {}). Digests and round messages are"
                        + " stopped until it is restored: stop Rapport, pick a backup with ./rapport backups, then"
                        + " ./rapport restore <file>",
                where,
                problems.size(),
                problems.get(0));
        return false;
    }
}
