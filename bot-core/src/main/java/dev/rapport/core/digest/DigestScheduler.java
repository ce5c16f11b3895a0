package dev.rapport.core.digest;

import dev.rapport.core.delivery.DedupeKey;
import dev.rapport.core.delivery.OutboxDelivery;
import dev.rapport.core.delivery.Outgoing;
import dev.rapport.core.domain.Settings;
import dev.rapport.core.domain.User;
import dev.rapport.core.port.DigestOutbox;
import dev.rapport.core.port.DigestOutbox.Pending;
import dev.rapport.core.port.DigestOutbox.State;
import dev.rapport.core.port.DigestReads;
import dev.rapport.core.port.Transactor;
import dev.rapport.core.port.UserStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each user's daily digest once per local date. One thread ticks every {@link #TICK}; a tick claims the
 * digests that fell due (through the outbox, whose unique key makes a second claim for a day impossible), then plans
 * and delivers every claimed digest whose attempt is due.
 *
 * <p>The digest is planned at send time rather than stored when claimed: a retry then never nags about a follow-up
 * the user closed in the meantime, the message is exactly what {@code /today} shows at that moment, and the outbox
 * needs no serialised form of a reply. The platform's dedupe key ("digest:42:2026-11-25") names the day, not the
 * content, so a resend after a crash between sending and recording is still recognisable as the same message.
 */
public final class DigestScheduler implements AutoCloseable {
    /** How often the scheduler looks for digests that fell due. */
    public static final Duration TICK = Duration.ofSeconds(30);
    /** The soonest a retry is tried again after a tick: a platform's "wait one second" is honoured, not spun on. */
    private static final Duration MIN_WAIT = Duration.ofMillis(200);

    /**
     * Digests taken (under this instance's lease), planned and sent at a time. Small enough that, when several
     * instances share one database, an idle one still finds untaken rows instead of waiting while a busy one works
     * through a long take (three instances on 3,000 digests: 500 at a time is six takes, finished unevenly); large
     * enough that a batch's one planning query stays cheap beside the sends.
     */
    public static final int BATCH = 100;

    private static final Logger log = LoggerFactory.getLogger(DigestScheduler.class);

    private final Clock clock;
    private final DigestOutbox outbox;
    private final UserStore users;
    private final Transactor transactor;
    private final DigestReads reads;
    private final OutboxDelivery delivery;
    private ScheduledExecutorService executor;
    // Null: digests are sent one at a time on the scheduler's thread.
    private final ExecutorService senders;

    /**
     * @param users the same user store the commands use, so that marking a user unreachable reaches its cache
     * @param reads the planner's bulk reads; they bypass the caches, which a sweep over every user would flush
     * @param delivery the platforms' messengers; users of other platforms are left alone until one for them runs
     * @param parallelSends how many digests are handed to the platforms at once: a platform answers each send in
     *     tens of milliseconds, so one at a time would use only part of the rate it allows. Messengers must then be
     *     safe to call from several threads (the Slack and Discord ones are).
     */
    public DigestScheduler(
            Clock clock,
            DigestOutbox outbox,
            UserStore users,
            Transactor transactor,
            DigestReads reads,
            OutboxDelivery delivery,
            int parallelSends) {
        this.clock = clock;
        this.outbox = outbox;
        this.users = users;
        this.transactor = transactor;
        this.reads = reads;
        this.delivery = delivery;
        this.senders = parallelSends <= 1
                ? null
                : Executors.newFixedThreadPool(parallelSends, runnable -> {
                    Thread thread = new Thread(runnable, "rapport-digest-send");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** Ticks now and then every {@link #TICK} on one daemon thread, until {@link #close()}. */
    public void start() {
        start(Duration.ZERO);
    }

    /** Ticks after {@code firstTick} and then every {@link #TICK} on one daemon thread, until {@link #close()}. */
    public synchronized void start(Duration firstTick) {
        if (executor != null) {
            throw new IllegalStateException("The digest scheduler is already running");
        }
        ScheduledThreadPoolExecutor ticking = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "rapport-digest");
            thread.setDaemon(true);
            return thread;
        });
        // The next tick is a delayed task; without this, close() would wait for it (up to a whole TICK) to run.
        ticking.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        ticking.setRemoveOnCancelPolicy(true);
        executor = ticking;
        executor.schedule(this::tickAndReschedule, firstTick.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Ticks, then comes back when the next retry or platform pause is over, at most a {@link #TICK} later. */
    private void tickAndReschedule() {
        tickSafely();
        Duration next = TICK;
        try {
            Instant now = clock.instant();
            Optional<Instant> soonest = outbox.nextAttempt(delivery.platforms(), delivery.instance());
            Instant paused = delivery.pauseEnds().orElse(Instant.MIN);
            if (soonest.isPresent()) {
                Instant at = soonest.get().isBefore(paused) ? paused : soonest.get();
                Duration until = Duration.between(now, at);
                next = until.compareTo(MIN_WAIT) < 0 ? MIN_WAIT : until.compareTo(TICK) > 0 ? TICK : until;
            }
        } catch (RuntimeException e) {
            log.error("Finding the next digest attempt failed", e);
        }
        synchronized (this) {
            if (executor != null && !executor.isShutdown()) {
                executor.schedule(this::tickAndReschedule, next.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    /** Claims the digests that fell due and delivers every claimed digest whose attempt is due. */
    public synchronized Tick tick() {
        Tick tick = Tick.NONE;
        Round round;
        do {
            // A long delivery round claims again before going on, so later zones are not held back by a slow one.
            Instant now = clock.instant();
            int claimed = claim(now);
            round = deliver(now);
            tick = tick.plus(round.tick().withClaimed(claimed));
        } while (round.unfinished());
        if (tick.anything()) {
            log.info("Digest tick: {}", tick);
        }
        return tick;
    }

    /** Claims, for each time zone, the digests of users whose digest time has passed on today's local date there. */
    int claim(Instant now) {
        if (delivery.platforms().isEmpty()) {
            return 0;
        }
        int claimed = 0;
        for (ZoneId zone : outbox.zones()) {
            ZonedDateTime local = now.atZone(zone);
            claimed += outbox.claim(zone, local.toLocalDate(), local.toLocalTime(), delivery.platforms(), now);
        }
        return claimed;
    }

    /**
     * Delivers claimed digests whose next attempt is due, in batches, until none is left; after a tick's length it
     * stops early and says so, and the tick claims again before going on.
     */
    Round deliver(Instant now) {
        Tick tick = Tick.NONE;
        Set<Long> tried = new HashSet<>();
        Instant stopBy = now.plus(TICK);
        while (true) {
            List<Pending> batch = outbox.due(delivery.platforms(), now, delivery.lease(), BATCH);
            // An entry that could not even be rescheduled (a broken database) must not spin the loop.
            if (batch.isEmpty()
                    || !tried.addAll(batch.stream().map(Pending::entryId).toList())) {
                return new Round(tick, false);
            }
            tick = tick.plus(deliverBatch(batch));
            if (batch.size() < BATCH) {
                return new Round(tick, false);
            }
            if (!clock.instant().isBefore(stopBy)) {
                return new Round(tick, true);
            }
        }
    }

    /** What one delivery round did, and whether it stopped with digests still due. */
    record Round(Tick tick, boolean unfinished) {}

    /** Closes what can no longer be sent, plans the rest in one go, then sends them one by one. */
    private Tick deliverBatch(List<Pending> batch) {
        Tick tick = Tick.NONE;
        Map<User, LocalDate> toPlan = new LinkedHashMap<>();
        Map<Long, Pending> byUser = new LinkedHashMap<>();
        for (Pending pending : batch) {
            Settings settings = pending.user().settings();
            LocalDate today = LocalDate.ofInstant(clock.instant(), settings.zone());
            if (!today.equals(pending.date())) {
                // Earlier days are never sent late: their items are still overdue and appear in today's digest.
                // A close another instance's takeover refused (this one was too slow) is not counted.
                if (outbox.close(pending.claim(), State.EXPIRED, Optional.empty(), clock.instant())) {
                    tick = tick.plus(Outcome.CLOSED);
                }
            } else if (settings.pausedOn(today) || !settings.digestDays().includes(today)) {
                if (outbox.close(pending.claim(), State.SKIPPED, Optional.empty(), clock.instant())) {
                    tick = tick.plus(Outcome.CLOSED);
                }
            } else {
                toPlan.put(pending.user(), today);
                byUser.put(pending.user().id(), pending);
            }
        }
        Map<Long, Digest> digests;
        try {
            digests = DigestPlanner.planAll(toPlan, reads);
        } catch (RuntimeException e) {
            log.error("Planning {} digests failed", toPlan.size(), e);
            for (Pending pending : byUser.values()) {
                retry(pending, "internal error: " + e.getClass().getSimpleName());
                tick = tick.plus(Outcome.RETRIED);
            }
            return tick;
        }
        List<Pending> empty = new ArrayList<>();
        for (Pending pending : byUser.values()) {
            if (digests.get(pending.user().id()).isEmpty()) {
                empty.add(pending);
            }
        }
        // Nothing is sent for these, so closing them together risks nothing and saves a commit each.
        int closed = transactor.inTransaction(() -> (int) empty.stream()
                .filter(p -> outbox.close(p.claim(), State.NOTHING_DUE, Optional.empty(), clock.instant()))
                .count());
        tick = tick.plus(Outcome.NOTHING_DUE, closed);
        List<Callable<Outcome>> sends = new ArrayList<>();
        for (Pending pending : byUser.values()) {
            Digest digest = digests.get(pending.user().id());
            if (!digest.isEmpty()) {
                sends.add(() -> deliverOne(pending, digest));
            }
        }
        for (Outcome outcome : run(sends)) {
            if (outcome != null) {
                tick = tick.plus(outcome);
            }
        }
        return tick;
    }

    private List<Outcome> run(List<Callable<Outcome>> sends) {
        List<Outcome> outcomes = new ArrayList<>();
        try {
            if (senders == null) {
                for (var send : sends) {
                    outcomes.add(send.call());
                }
            } else {
                for (var future : senders.invokeAll(sends)) {
                    outcomes.add(future.get());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // deliverOne handles its own failures; anything here is a bug, and the rows simply stay due.
            log.error("Sending digests failed", e);
        }
        return outcomes;
    }

    private Outcome deliverOne(Pending pending, Digest digest) {
        User user = pending.user();
        Outgoing message = new Outgoing(
                pending.claim(),
                pending.to(),
                DedupeKey.digest(user.id(), digest.date()),
                pending.attempts(),
                pending.maybeSent());
        try {
            return switch (delivery.deliver(message, () -> DigestView.render(digest), outbox, recipient(user))) {
                case SENT -> Outcome.SENT;
                case RETRIED -> Outcome.RETRIED;
                case UNREACHABLE -> Outcome.UNREACHABLE;
                // The platform asked us to wait: the row stays due and is sent once the pause is over.
                case WAITING -> null;
                // Another instance holds it now and delivers it.
                case TAKEN_OVER -> null;
            };
        } catch (RuntimeException e) {
            log.error("Delivering digest {} of user {} failed", pending.date(), user.id(), e);
            retry(pending, "internal error: " + e.getClass().getSimpleName());
            return Outcome.RETRIED;
        }
    }

    /** A user reached again is no longer marked unreachable; one who cannot be messaged is told on their next reply. */
    private OutboxDelivery.Recipient recipient(User user) {
        return new OutboxDelivery.Recipient() {
            @Override
            public void reached() {
                if (user.unreachableReason().isPresent()) {
                    users.markUnreachable(user.id(), Optional.empty());
                }
            }

            @Override
            public void unreachable(String reason) {
                users.markUnreachable(user.id(), Optional.of(reason));
            }
        };
    }

    private void retry(Pending pending, String reason) {
        outbox.retryAt(pending.claim(), clock.instant().plus(OutboxDelivery.backoff(pending.attempts() + 1)), reason);
    }

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            // The executor would silently stop scheduling after an exception; log it and keep ticking.
            log.error("Digest tick failed", e);
        }
    }

    /** Stops ticking at once when idle; a tick in progress finishes first. The next tick is not waited for. */
    @Override
    public void close() {
        if (senders != null) {
            senders.shutdown();
        }
        ScheduledExecutorService running;
        synchronized (this) {
            running = executor;
        }
        if (running == null) {
            return;
        }
        running.shutdown();
        try {
            if (!running.awaitTermination(30, TimeUnit.SECONDS)) {
                running.shutdownNow();
            }
        } catch (InterruptedException e) {
            running.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private enum Outcome {
        SENT,
        RETRIED,
        UNREACHABLE,
        NOTHING_DUE,
        CLOSED
    }

    /** What one tick did: digests claimed, sent, retried, found unreachable, with nothing due, and closed unsent. */
    public record Tick(int claimed, int sent, int retried, int unreachable, int nothingDue, int closed) {
        static final Tick NONE = new Tick(0, 0, 0, 0, 0, 0);

        Tick withClaimed(int count) {
            return new Tick(count, sent, retried, unreachable, nothingDue, closed);
        }

        Tick plus(Outcome outcome) {
            return plus(outcome, 1);
        }

        Tick plus(Outcome outcome, int n) {
            return switch (outcome) {
                case SENT -> new Tick(claimed, sent + n, retried, unreachable, nothingDue, closed);
                case RETRIED -> new Tick(claimed, sent, retried + n, unreachable, nothingDue, closed);
                case UNREACHABLE -> new Tick(claimed, sent, retried, unreachable + n, nothingDue, closed);
                case NOTHING_DUE -> new Tick(claimed, sent, retried, unreachable, nothingDue + n, closed);
                case CLOSED -> new Tick(claimed, sent, retried, unreachable, nothingDue, closed + n);
            };
        }

        Tick plus(Tick other) {
            return new Tick(
                    claimed + other.claimed,
                    sent + other.sent,
                    retried + other.retried,
                    unreachable + other.unreachable,
                    nothingDue + other.nothingDue,
                    closed + other.closed);
        }

        boolean anything() {
            return !equals(NONE);
        }
    }
}
