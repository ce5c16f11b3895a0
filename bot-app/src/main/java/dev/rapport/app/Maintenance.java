package dev.rapport.app;

import dev.rapport.core.intro.IntroRounds;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Once a minute: start due pairing rounds and send their messages, and take the day's backup. */
final class Maintenance implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Maintenance.class);

    private final Clock clock;
    private final IntroRounds rounds;
    private final Runnable backup;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "rapport-maintenance");
        thread.setDaemon(true);
        return thread;
    });

    /** @param backup the day's backup if due (SQLite's; nothing on PostgreSQL, whose backups are its operator's) */
    Maintenance(Clock clock, IntroRounds rounds, Runnable backup) {
        this.clock = clock;
        this.rounds = rounds;
        this.backup = backup;
    }

    void start() {
        executor.scheduleWithFixedDelay(this::tick, 5, 60, TimeUnit.SECONDS);
    }

    void tick() {
        try {
            IntroRounds.Tick tick = rounds.tick(clock.instant());
            if (tick.roundsStarted() + tick.sent() + tick.retrying() + tick.unreachable() > 0) {
                log.info("Pairing rounds: {}", tick);
            }
        } catch (RuntimeException e) {
            log.error("Pairing rounds failed; trying again in a minute", e);
        }
        try {
            backup.run();
        } catch (RuntimeException e) {
            log.error("The daily backup failed; trying again in a minute", e);
        }
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
