package dev.rapport.app;

import dev.rapport.core.delivery.OutboxDelivery;
import dev.rapport.store.sqlite.Backups;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SQLite's full integrity check, run after start on a thread of its own (the start itself only checks the file's
 * header, its schema and the first page of every table, so a large database is ready at once) and again before
 * every daily backup. Damage found stops every send, fails readiness and tells the operator how to restore; a damaged
 * database is not backed up (its backup would push a sound one out of the kept few). Commands still answer, so
 * nobody's typing is lost meanwhile.
 */
final class IntegrityWatch {
    private static final Logger log = LoggerFactory.getLogger(IntegrityWatch.class);

    private final String where;
    private final Supplier<List<String>> fullCheck;
    private final Consumer<List<String>> damaged;
    private final OutboxDelivery delivery;
    private final Backups backups;

    IntegrityWatch(
            String where,
            Supplier<List<String>> fullCheck,
            Consumer<List<String>> damaged,
            OutboxDelivery delivery,
            Backups backups) {
        this.where = where;
        this.fullCheck = fullCheck;
        this.damaged = damaged;
        this.delivery = delivery;
        this.backups = backups;
    }

    /** Starts the check after start on a daemon thread, followed by the day's backup when due; returns the thread. */
    Thread start() {
        Thread thread = new Thread(this::checkThenBackUp, "rapport-integrity-check");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private synchronized void checkThenBackUp() {
        if (check(where, fullCheck, damaged, delivery)) {
            backUp();
        }
    }

    /** The day's backup if it is due, after a full check it passes; true when one was made. */
    synchronized boolean backupIfDue() {
        if (!backups.due()) {
            return false;
        }
        return check(where, fullCheck, damaged, delivery) && backUp();
    }

    private boolean backUp() {
        try {
            return backups.backupIfDue().isPresent();
        } catch (RuntimeException e) {
            log.warn("The daily backup failed: {}", e.getMessage());
            return false;
        }
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
