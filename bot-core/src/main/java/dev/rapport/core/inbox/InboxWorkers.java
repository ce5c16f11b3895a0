package dev.rapport.core.inbox;

import dev.rapport.core.api.ActionRequest;
import dev.rapport.core.api.CommandRequest;
import dev.rapport.core.api.Progress;
import dev.rapport.core.api.Rapport;
import dev.rapport.core.api.SharedFile;
import dev.rapport.core.api.Upload;
import dev.rapport.core.domain.UserKey;
import dev.rapport.core.port.Inbox;
import dev.rapport.core.port.Lease;
import dev.rapport.core.reply.FilePrompt;
import dev.rapport.core.reply.Prompt;
import dev.rapport.core.reply.Reply;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the inbox: adapters {@link #accept} each request (one small insert, before they acknowledge it), and a few
 * worker threads take rows, one user's oldest first, through {@link Rapport}, handing the reply to the platform's
 * {@link InboxChannel}. A row runs only while its reply channel still works; after that its user is told, with their
 * next reply, that it was not finished ({@link UnfinishedRequests}).
 *
 * <p>Several instances may work one inbox: each claims rows under its own name, and a row another instance holds is
 * left to it until its lease runs out. A worker renews its claim before it runs a request, and marks the request as
 * run in the request's own transaction only while its claim still holds the row; a worker whose row was taken over
 * meanwhile rolls the request back and does not answer it, so a request is committed and answered once.
 */
public final class InboxWorkers implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(InboxWorkers.class);
    /**
     * Longer than any request takes; a row whose worker died runs again once it is over (or at the next start of an
     * instance of the same name). The default of RAPPORT_LEASE_SECONDS.
     */
    static final Duration LEASE = Duration.ofMinutes(2);
    /** The answer to a command whose file its platform could not hand over. */
    static final String FILE_UNAVAILABLE =
            "I couldn't fetch that file, so nothing was changed. Please send it again in a moment.";
    /** How long an idle worker waits before it looks again, in case a wake-up was missed. */
    private static final long IDLE_WAIT_MS = 1_000;

    private final Clock clock;
    private final Inbox inbox;
    private final Rapport rapport;
    private final String holder;
    private final Map<String, InboxChannel> channels = new ConcurrentHashMap<>();
    private final int threads;
    private final Duration lease;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final Condition idle = lock.newCondition();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean running;
    private long wakeUps;

    /** Workers that claim rows as {@code holder}, this instance's name among those sharing the inbox. */
    public InboxWorkers(Clock clock, Inbox inbox, Rapport rapport, String holder, int threads) {
        this(clock, inbox, rapport, holder, threads, LEASE);
    }

    /** As above, holding each row it takes for {@code lease} (renewed before the request runs). */
    public InboxWorkers(Clock clock, Inbox inbox, Rapport rapport, String holder, int threads, Duration lease) {
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("A lease must be positive, was " + lease);
        }
        this.lease = lease;
        this.clock = clock;
        this.inbox = inbox;
        this.rapport = rapport;
        this.holder = holder;
        this.threads = threads;
    }

    /** Adds a platform's channel; rows of that platform wait in the inbox until it is there. */
    public InboxWorkers channel(InboxChannel channel) {
        channels.put(channel.platform(), channel);
        wake();
        return this;
    }

    /**
     * Writes a command down (a replay or retry of {@code key} is recognised); true when it is new. Call it before
     * acknowledging the request to the platform.
     */
    public boolean accept(String key, CommandRequest request, String replyTo, Duration replyFor) {
        return accept(key, InboxPayload.of(request), replyTo, replyFor);
    }

    /**
     * Writes a command with a file its platform still holds down (a modal's file input); the file is fetched when
     * it runs. See {@link #accept(String, CommandRequest, String, Duration)}.
     */
    public boolean accept(String key, CommandRequest request, SharedFile file, String replyTo, Duration replyFor) {
        return accept(key, InboxPayload.of(request, file), replyTo, replyFor);
    }

    /** Writes a button press or modal submission down; see {@link #accept(String, CommandRequest, String, Duration)}. */
    public boolean accept(String key, ActionRequest request, String replyTo, Duration replyFor) {
        return accept(key, InboxPayload.of(request), replyTo, replyFor);
    }

    private boolean accept(String key, InboxPayload payload, String replyTo, Duration replyFor) {
        Instant now = clock.instant();
        UserKey user = payload.from().key();
        boolean added = inbox.append(new Inbox.Request(
                user.platform() + ":" + key, user, payload.encode(), replyTo, now.plus(replyFor), now));
        if (added) {
            wake();
        }
        return added;
    }

    /**
     * Voids the leases an earlier process of this instance's name held (never another instance's) and starts the
     * workers; rows left pending run first.
     */
    public void start() {
        int released = inbox.releaseLeases(holder);
        if (released > 0) {
            log.info("{} request(s) of an earlier run were unfinished and run again", released);
        }
        running = true;
        for (int i = 0; i < threads; i++) {
            Thread worker = new Thread(this::loop, "rapport-inbox-" + i);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
    }

    /**
     * Runs every row that can run now on the calling thread, one at a time, and returns how many it took; for tools
     * and tests that do not start threads.
     */
    public int drain() {
        int taken = 0;
        Claimed claimed;
        while (!(claimed = claim()).rows().isEmpty()) {
            claimed.runAll(this);
            taken += claimed.rows().size();
        }
        return taken;
    }

    /** Rows taken at one moment, under one lease. */
    private record Claimed(Instant at, List<Inbox.Row> rows) {
        void runAll(InboxWorkers workers) {
            rows.forEach(row -> workers.run(row, at));
        }
    }

    private Claimed claim() {
        Instant now = clock.instant();
        return new Claimed(now, inbox.claim(now, new Lease(holder, now.plus(lease)), 1));
    }

    /** Tells a worker that something may be waiting. */
    public void wake() {
        lock.lock();
        try {
            wakeUps++;
            work.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void loop() {
        while (running) {
            long seen;
            lock.lock();
            try {
                seen = wakeUps;
            } finally {
                lock.unlock();
            }
            List<Inbox.Row> rows = List.of();
            inFlight.incrementAndGet();
            try {
                if (running) {
                    Claimed claimed = claim();
                    rows = claimed.rows();
                    claimed.runAll(this);
                }
            } catch (RuntimeException e) {
                log.error("An inbox worker failed; it carries on", e);
            } finally {
                finished();
            }
            if (rows.isEmpty()) {
                waitForWork(seen);
            }
        }
    }

    private void finished() {
        lock.lock();
        try {
            inFlight.decrementAndGet();
            idle.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void waitForWork(long seen) {
        lock.lock();
        try {
            if (running && wakeUps == seen) {
                work.await(IDLE_WAIT_MS, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    /** Runs one row claimed at a time not known here: its claim is renewed before the request runs. */
    void run(Inbox.Row row) {
        run(row, Instant.MIN);
    }

    /** Runs one row claimed at {@code claimedAt}: its request through core, then its reply to the platform. */
    void run(Inbox.Row row, Instant claimedAt) {
        Instant now = clock.instant();
        Optional<InboxChannel> channel =
                Optional.ofNullable(channels.get(row.user().platform()));
        if (!now.isBefore(row.replyUntil())) {
            inbox.expired(row, now);
            return;
        }
        if (channel.isEmpty()) {
            // The platform is not connected in this run: the row waits for its lease, then for a run that has it.
            return;
        }
        InboxPayload payload;
        try {
            payload = InboxPayload.decode(row.payload());
        } catch (RuntimeException e) {
            log.error("Inbox row {} cannot be read; its user is told", row.id());
            inbox.expired(row, now);
            return;
        }
        AtomicBoolean takenOver = new AtomicBoolean();
        AtomicBoolean marked = new AtomicBoolean();
        Runnable ran = () -> {
            if (!inbox.ran(row, clock.instant())) {
                takenOver.set(true);
                throw new TakenOver(row.id());
            }
            // The last write of the request's transaction, which commits next: no second write is needed.
            marked.set(true);
        };
        boolean answered;
        if (payload instanceof InboxPayload.Command command) {
            CommandRequest request = channel.get().complete(command.request(), row.replyTo());
            if (!holding(row, claimedAt)) {
                return;
            }
            Optional<Upload> file = Optional.empty();
            boolean unavailable = false;
            try {
                file = channel.get().upload(row.replyTo());
            } catch (UncheckedIOException e) {
                // Nothing reached core: the user is asked to send it again.
                log.warn(
                        "Inbox row {}: its file could not be fetched ({})",
                        row.id(),
                        e.getClass().getSimpleName());
                unavailable = true;
            }
            Optional<FilePrompt> askForFile = file.isPresent() ? Optional.empty() : rapport.filePromptFor(request);
            if (unavailable) {
                if (!ranHere(row, takenOver, marked)) {
                    return;
                }
                answered = channel.get().answer(row.replyTo(), Reply.error(FILE_UNAVAILABLE));
            } else if (askForFile.isPresent()) {
                if (!ranHere(row, takenOver, marked)) {
                    return;
                }
                answered = channel.get().askForFile(row.replyTo(), request.command(), askForFile.get())
                        || channel.get().answer(row.replyTo(), rapport.handle(request, () -> {}));
            } else {
                Reply reply = file.isPresent()
                        ? rapport.upload(request, file.get(), ran)
                        : rapport.handle(request, progress(channel.get(), row), ran);
                if (!ranHere(row, takenOver, marked)) {
                    return;
                }
                answered = channel.get().answer(row.replyTo(), reply);
            }
        } else if (payload instanceof InboxPayload.Upload upload) {
            InboxChannel platform = channel.get();
            if (!holding(row, claimedAt)) {
                return;
            }
            CommandRequest request = platform.complete(upload.request(), row.replyTo());
            Reply reply = rapport.upload(request, upload.file(), platform::fetch, ran);
            if (!ranHere(row, takenOver, marked)) {
                return;
            }
            answered = platform.answer(row.replyTo(), reply);
        } else {
            ActionRequest request = channel.get().complete(((InboxPayload.Action) payload).request(), row.replyTo());
            if (!holding(row, claimedAt)) {
                return;
            }
            Optional<Prompt> prompt = request.input().isPresent()
                    ? Optional.empty()
                    : rapport.promptFor(request.from(), request.actionId());
            if (prompt.isPresent()) {
                if (!ranHere(row, takenOver, marked)) {
                    return;
                }
                answered = channel.get().prompt(row.replyTo(), request.actionId(), prompt.get());
            } else {
                Reply reply = rapport.act(request, progress(channel.get(), row), ran);
                if (!ranHere(row, takenOver, marked)) {
                    return;
                }
                answered = channel.get().answer(row.replyTo(), reply);
            }
        }
        if (answered) {
            inbox.answered(row, clock.instant());
        }
    }

    /** Interim replies of the row's request, shown by its platform where the answer will go. */
    private static Progress progress(InboxChannel channel, Inbox.Row row) {
        return interim -> {
            if (!channel.progress(row.replyTo(), interim)) {
                log.debug("Inbox row {}: its platform did not show a progress line", row.id());
            }
        };
    }

    /**
     * Renews the claim before the request runs, unless it is younger than a quarter of the lease (then nobody can have
     * taken it over, nothing is written, and the request's transaction checks the claim again when it marks the row as
     * run); false when another worker took the row over meanwhile.
     */
    private boolean holding(Inbox.Row row, Instant claimedAt) {
        Instant now = clock.instant();
        if (now.isBefore(claimedAt.plus(lease.dividedBy(4))) || inbox.renew(row, now.plus(lease))) {
            return true;
        }
        log.warn("Inbox row {} was taken over by another worker before it ran here; it is left to that one", row.id());
        return false;
    }

    /**
     * Whether the request counts as run by this claim: marked in its transaction, or now (a refused upload rolled its
     * transaction back, and a prompt has none); false when the row was taken over, and this worker must not answer.
     */
    private boolean ranHere(Inbox.Row row, AtomicBoolean takenOver, AtomicBoolean marked) {
        if (!takenOver.get() && (marked.get() || inbox.ran(row, clock.instant()))) {
            return true;
        }
        log.warn(
                "Inbox row {} was taken over by another worker while it ran here; its work here was rolled back",
                row.id());
        return false;
    }

    /** Rolls a request's transaction back when its row was taken over while it ran. */
    private static final class TakenOver extends RuntimeException {
        TakenOver(long id) {
            super("Inbox row " + id + " was taken over by another worker", null, false, false);
        }
    }

    /**
     * Stops taking rows and waits up to {@code grace} for the ones in flight; a row still running then keeps its
     * lease and runs again at the next start unless it had already been committed.
     */
    public void stop(Duration grace) {
        running = false;
        wake();
        long deadline = System.nanoTime() + grace.toNanos();
        lock.lock();
        try {
            while (inFlight.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !idle.await(left, TimeUnit.NANOSECONDS)) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
        if (inFlight.get() > 0) {
            log.warn("{} request(s) still running at shutdown; they run again at the next start", inFlight.get());
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(5));
    }
}
