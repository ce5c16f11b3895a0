package dev.rapport.core.digest;

import dev.rapport.core.domain.Settings;
import dev.rapport.core.domain.User;
import dev.rapport.core.port.DigestOutbox;
import dev.rapport.core.port.DigestOutbox.Pending;
import dev.rapport.core.port.DigestOutbox.State;
import dev.rapport.core.port.DigestReads;
import dev.rapport.core.port.DirectMessenger;
import dev.rapport.core.port.DirectMessenger.Delivery;
import dev.rapport.core.port.Transactor;
import dev.rapport.core.port.UserStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
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

    static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    static final Duration LONGEST_RETRY = Duration.ofHours(1);
    private static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(DigestScheduler.class);

    private final Clock clock;
    private final DigestOutbox outbox;
    private final UserStore users;
    private final Transactor transactor;
    private final DigestReads reads;
    private final Map<String, DirectMessenger> messengers;
    private ScheduledExecutorService executor;
    // Null: digests are sent one at a time on the scheduler's thread.
    private final java.util.concurrent.ExecutorService senders;
    private final Map<String, Instant> pausedUntil = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param users the same user store the commands use, so that marking a user unreachable reaches its cache
     * @param reads the planner's bulk reads; they bypass the caches, which a sweep over every user would flush
     * @param messengers one per platform; users of other platforms are left alone until a messenger for them runs
     */
    public DigestScheduler(
            Clock clock,
            DigestOutbox outbox,
            UserStore users,
            Transactor transactor,
            DigestReads reads,
            Collection<DirectMessenger> messengers) {
        this.clock = clock;
        this.outbox = outbox;
        this.users = users;
        this.transactor = transactor;
        this.reads = reads;
        this.messengers = messengers.stream()
                .collect(Collectors.toUnmodifiableMap(DirectMessenger::platform, Function.identity()));
        this.senders = null;
    }

    /**
     * As above, handing up to {@code parallelSends} digests to the platforms at once: a platform answers each send
     * in tens of milliseconds, so one at a time would use only part of the rate it allows. Messengers must then be
     * safe to call from several threads (the Slack and Discord ones are).
     */
    public DigestScheduler(
            Clock clock,
            DigestOutbox outbox,
            UserStore users,
            Transactor transactor,
            DigestReads reads,
            Collection<DirectMessenger> messengers,
            int parallelSends) {
        this.clock = clock;
        this.outbox = outbox;
        this.users = users;
        this.transactor = transactor;
        this.reads = reads;
        this.messengers = messengers.stream()
                .collect(Collectors.toUnmodifiableMap(DirectMessenger::platform, Function.identity()));
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
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "rapport-digest");
            thread.setDaemon(true);
            return thread;
        });
        executor.schedule(this::tickAndReschedule, firstTick.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Ticks, then comes back when the next retry or platform pause is over, at most a {@link #TICK} later. */
    private void tickAndReschedule() {
        tickSafely();
        Duration next = TICK;
        try {
            Instant now = clock.instant();
            Optional<Instant> soonest = outbox.nextAttempt(messengers.keySet());
            Instant paused =
                    pausedUntil.values().stream().max(Instant::compareTo).orElse(Instant.MIN);
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
        if (messengers.isEmpty()) {
            return 0;
        }
        int claimed = 0;
        for (ZoneId zone : outbox.zones()) {
            ZonedDateTime local = now.atZone(zone);
            claimed += outbox.claim(zone, local.toLocalDate(), local.toLocalTime(), messengers.keySet(), now);
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
            List<Pending> batch = outbox.due(messengers.keySet(), now, BATCH);
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
                outbox.close(pending.entryId(), State.EXPIRED, Optional.empty(), clock.instant());
                tick = tick.plus(Outcome.CLOSED);
            } else if (settings.pausedOn(today) || !settings.digestDays().includes(today)) {
                outbox.close(pending.entryId(), State.SKIPPED, Optional.empty(), clock.instant());
                tick = tick.plus(Outcome.CLOSED);
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
                retry(pending, Duration.ZERO, "internal error: " + e.getClass().getSimpleName());
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
        transactor.inTransaction(() -> {
            empty.forEach(p -> outbox.close(p.entryId(), State.NOTHING_DUE, Optional.empty(), clock.instant()));
            return null;
        });
        tick = tick.plus(Outcome.NOTHING_DUE, empty.size());
        List<java.util.concurrent.Callable<Outcome>> sends = new ArrayList<>();
        for (Pending pending : byUser.values()) {
            Digest digest = digests.get(pending.user().id());
            if (!digest.isEmpty()) {
                sends.add(() -> {
                    String platform = pending.user().key().platform();
                    // A platform that just asked us to wait is not sent to again until then; the row stays due.
                    return pausedUntil.getOrDefault(platform, Instant.MIN).isAfter(clock.instant())
                            ? null
                            : deliverOne(pending, digest);
                });
            }
        }
        for (Outcome outcome : run(sends)) {
            if (outcome != null) {
                tick = tick.plus(outcome);
            }
        }
        return tick;
    }

    private List<Outcome> run(List<java.util.concurrent.Callable<Outcome>> sends) {
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
        try {
            return send(pending, digest);
        } catch (RuntimeException e) {
            log.error(
                    "Delivering digest {} of user {} failed",
                    pending.date(),
                    pending.user().id(),
                    e);
            retry(pending, Duration.ZERO, "internal error: " + e.getClass().getSimpleName());
            return Outcome.RETRIED;
        }
    }

    private Outcome send(Pending pending, Digest digest) {
        User user = pending.user();
        DirectMessenger messenger = messengers.get(user.key().platform());
        String dedupeKey = dedupeKey(user, digest.date());
        Delivery delivery;
        try {
            if (pending.maybeSent() && messenger.alreadySent(user.key(), dedupeKey)) {
                // An earlier process handed this digest over and died before marking it: it arrived, so say so.
                log.info("Digest {} of user {} had already arrived; not sending it again", digest.date(), user.id());
                delivery = new DirectMessenger.Sent();
            } else {
                outbox.sending(pending.entryId(), clock.instant());
                delivery = messenger.send(user.key(), DigestView.render(digest), dedupeKey);
            }
        } catch (RuntimeException e) {
            // A messenger should answer RetryLater itself; an exception is treated the same, and logged once.
            log.warn("The {} messenger failed on the digest of user {}", messenger.platform(), user.id(), e);
            delivery =
                    new DirectMessenger.RetryLater(Duration.ZERO, e.getClass().getSimpleName());
        }
        if (delivery instanceof DirectMessenger.RetryLater later) {
            if (later.rateLimited() && !later.after().isZero() && !later.after().isNegative()) {
                pausedUntil.put(messenger.platform(), clock.instant().plus(later.after()));
            }
            retry(pending, later.after(), later.reason());
            return Outcome.RETRIED;
        }
        if (delivery instanceof DirectMessenger.Unreachable unreachable) {
            log.info("User {} cannot be messaged on {}: {}", user.id(), messenger.platform(), unreachable.reason());
            transactor.inTransaction(() -> {
                outbox.close(pending.entryId(), State.UNREACHABLE, Optional.of(unreachable.reason()), clock.instant());
                users.markUnreachable(user.id(), Optional.of(unreachable.reason()));
                return null;
            });
            return Outcome.UNREACHABLE;
        }
        transactor.inTransaction(() -> {
            outbox.sent(pending.entryId(), clock.instant());
            if (user.unreachableReason().isPresent()) {
                users.markUnreachable(user.id(), Optional.empty());
            }
            return null;
        });
        return Outcome.SENT;
    }

    private void retry(Pending pending, Duration platformWait, String reason) {
        // A platform that says how long to wait (429 Retry-After) knows best; otherwise back off exponentially.
        Duration wait =
                platformWait.isZero() || platformWait.isNegative() ? backoff(pending.attempts() + 1) : platformWait;
        outbox.retryAt(pending.entryId(), clock.instant().plus(wait), reason);
    }

    /** The wait after the n-th failed attempt: 30 s, 1 min, 2 min, … at most an hour. */
    static Duration backoff(int failedAttempts) {
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 20);
        Duration wait = FIRST_RETRY.multipliedBy(1L << doublings);
        return wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait;
    }

    /** Names the message by user and day, so that a platform can recognise a resend of the same digest. */
    public static String dedupeKey(User user, LocalDate date) {
        return "digest:" + user.id() + ":" + date;
    }

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            // The executor would silently stop scheduling after an exception; log it and keep ticking.
            log.error("Digest tick failed", e);
        }
    }

    /** Stops ticking, letting a tick in progress finish. */
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
