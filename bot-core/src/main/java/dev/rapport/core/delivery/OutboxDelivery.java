package dev.rapport.core.delivery;

import dev.rapport.core.port.DirectMessenger;
import dev.rapport.core.port.DirectMessenger.Delivery;
import dev.rapport.core.port.Lease;
import dev.rapport.core.port.OutboxMarks;
import dev.rapport.core.port.PlatformPauses;
import dev.rapport.core.port.Telemetry;
import dev.rapport.core.port.Transactor;
import dev.rapport.core.reply.Reply;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands outbox messages to the platforms: the one delivery of digests and round messages alike. For each message:
 * a platform that asked us to wait is left alone until then; a message an earlier process may have sent is looked
 * for on the platform first ({@code alreadySent}); otherwise the sending mark is committed, the message sent, and
 * the outcome marked: sent, retried (the platform's Retry-After, else exponential backoff; a rate limit pauses the
 * whole platform), unreachable, or closed because Rapport may no longer send to that workspace.
 */
public final class OutboxDelivery {
    static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    static final Duration LONGEST_RETRY = Duration.ofHours(1);
    /**
     * How long an instance holds the messages it took: far longer than a batch takes to send, so a live instance
     * never loses its messages, and short enough that a dead one's are taken over within minutes. The default of
     * RAPPORT_LEASE_SECONDS.
     */
    public static final Duration LEASE = Duration.ofMinutes(2);

    private static final Logger log = LoggerFactory.getLogger(OutboxDelivery.class);

    private final Clock clock;
    private final Map<String, DirectMessenger> messengers;
    private final PlatformPauses pauses;
    private final Transactor transactor;
    private final Telemetry telemetry;
    private final String instance;
    private final Duration lease;

    private volatile Optional<String> halted = Optional.empty();

    /**
     * @param instance this Rapport instance's name as a lease holder: unique among the instances sharing a database
     */
    public OutboxDelivery(
            Clock clock,
            Collection<DirectMessenger> messengers,
            PlatformPauses pauses,
            Transactor transactor,
            String instance,
            Telemetry telemetry) {
        this(clock, messengers, pauses, transactor, instance, telemetry, LEASE);
    }

    /** @param lease how long this instance holds the messages (and jobs) it takes; see {@link #LEASE} */
    public OutboxDelivery(
            Clock clock,
            Collection<DirectMessenger> messengers,
            PlatformPauses pauses,
            Transactor transactor,
            String instance,
            Telemetry telemetry,
            Duration lease) {
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("A lease must be positive, was " + lease);
        }
        this.clock = clock;
        this.instance = instance;
        this.lease = lease;
        this.messengers = messengers.stream()
                .collect(Collectors.toUnmodifiableMap(DirectMessenger::platform, Function.identity()));
        this.pauses = pauses;
        this.transactor = transactor;
        this.telemetry = telemetry;
    }

    /** What became of one message. */
    public enum Outcome {
        SENT,
        RETRIED,
        /** Closed without delivery: the person cannot be messaged, or Rapport may no longer send to their workspace. */
        UNREACHABLE,
        /** Not tried: its platform is paused or not connected. The message stays due. */
        WAITING,
        /** Not tried: another instance took the message over (this one's lease ran out); it is that one's now. */
        TAKEN_OVER
    }

    /** What else happens, in the same transaction as the mark, when a message reached its person or cannot. */
    public interface Recipient {
        Recipient NOBODY = new Recipient() {};

        default void reached() {}

        default void unreachable(String reason) {}
    }

    /** A lease for messages this instance takes now. */
    public Lease lease() {
        return new Lease(instance, clock.instant().plus(lease));
    }

    /** How long this instance holds what it takes. */
    public Duration leaseLength() {
        return lease;
    }

    /** This instance's name as a lease holder. */
    public String instance() {
        return instance;
    }

    /** The platforms messages can go to now. */
    public Set<String> platforms() {
        // Halted, no platform is served: the schedulers claim and send nothing.
        return halted.isPresent() ? Set.of() : messengers.keySet();
    }

    /** Stops every send from now on (the database failed its integrity check, say); the reason is logged once. */
    public void halt(String reason) {
        if (halted.isEmpty()) {
            halted = Optional.of(reason);
            log.error("Every send is stopped: {}", reason);
        }
    }

    /** Why sends are stopped, if they are. */
    public Optional<String> halted() {
        return halted;
    }

    /** Whether a platform asked us to wait and the wait has not ended. */
    public boolean paused(String platform) {
        return pauses.pausedUntil(platform)
                .filter(until -> until.isAfter(clock.instant()))
                .isPresent();
    }

    /** The soonest moment a paused platform may be sent to again, if any is paused. */
    public Optional<Instant> pauseEnds() {
        Instant now = clock.instant();
        return messengers.keySet().stream()
                .map(pauses::pausedUntil)
                .flatMap(Optional::stream)
                .filter(until -> until.isAfter(now))
                .min(Instant::compareTo);
    }

    /** Delivers one message, rendered only when it is really sent, and records the outcome in its outbox. */
    public Outcome deliver(Outgoing message, Supplier<Reply> render, OutboxMarks marks, Recipient recipient) {
        DirectMessenger messenger = messengers.get(message.to().platform());
        if (messenger == null || paused(messenger.platform())) {
            // Not ours to hold while we cannot send it: another instance may be able to once the pause ends.
            marks.release(message.claim());
            return Outcome.WAITING;
        }
        Delivery delivery;
        try {
            if (message.maybeSent() && messenger.alreadySent(message.to(), message.dedupeKey())) {
                // An earlier process handed this over and died before marking it: it arrived, so say so.
                log.info("{} had already arrived; not sending it again", message.dedupeKey());
                delivery = new DirectMessenger.Sent();
            } else {
                Reply reply = render.get();
                if (!marks.sending(message.claim(), clock.instant(), lease().until())) {
                    log.info("{} was taken over by another instance; leaving it to that one", message.dedupeKey());
                    return Outcome.TAKEN_OVER;
                }
                delivery = messenger.send(message.to(), reply, message.dedupeKey());
            }
        } catch (RuntimeException e) {
            // A messenger should answer RetryLater itself; an exception is treated the same, and logged once.
            log.warn("The {} messenger failed on {}", messenger.platform(), message.dedupeKey(), e);
            delivery =
                    new DirectMessenger.RetryLater(Duration.ZERO, e.getClass().getSimpleName());
        }
        Outcome outcome = record(message, delivery, marks, recipient, messenger.platform());
        // WAITING never reaches here: a message left alone was not an attempt.
        telemetry.delivered(
                DedupeKey.kind(message.dedupeKey()),
                messenger.platform(),
                outcome.name().toLowerCase(Locale.ROOT));
        return outcome;
    }

    private Outcome record(
            Outgoing message, Delivery delivery, OutboxMarks marks, Recipient recipient, String platform) {
        Instant now = clock.instant();
        if (delivery instanceof DirectMessenger.RetryLater later) {
            boolean waitGiven = !later.after().isZero() && !later.after().isNegative();
            if (later.rateLimited()) {
                telemetry.rateLimited(platform, later.after());
            }
            if (later.rateLimited() && waitGiven) {
                pauses.pause(platform, now.plus(later.after()));
            }
            // A platform that says how long to wait knows best; otherwise back off exponentially.
            Duration wait = waitGiven ? later.after() : backoff(message.attempts() + 1);
            return marks.retryAt(message.claim(), now.plus(wait), later.reason())
                    ? Outcome.RETRIED
                    : takenOver(message);
        }
        if (delivery instanceof DirectMessenger.Unreachable unreachable) {
            log.info("{} cannot be delivered on {}: {}", message.dedupeKey(), platform, unreachable.reason());
            // The person is marked only by the claim that still holds the message: a taken-over one is the new
            // holder's to judge.
            boolean marked = transactor.inTransaction(() -> {
                if (!marks.unreachable(message.claim(), unreachable.reason(), now)) {
                    return false;
                }
                recipient.unreachable(unreachable.reason());
                return true;
            });
            return marked ? Outcome.UNREACHABLE : takenOver(message);
        }
        if (delivery instanceof DirectMessenger.Stopped stopped) {
            // Closed like an unreachable person's message, without marking the person.
            log.info("{} is not sent on {}: {}", message.dedupeKey(), platform, stopped.reason());
            return marks.unreachable(message.claim(), stopped.reason(), now) ? Outcome.UNREACHABLE : takenOver(message);
        }
        boolean marked = transactor.inTransaction(() -> {
            if (!marks.sent(message.claim(), now)) {
                return false;
            }
            recipient.reached();
            return true;
        });
        return marked ? Outcome.SENT : takenOver(message);
    }

    /**
     * This instance lost the message while sending it (it was slow past its lease, and another instance took it
     * over): its mark changed nothing, and the new holder, which asks the platform first, settles the message.
     */
    private Outcome takenOver(Outgoing message) {
        log.info(
                "{} was taken over by another instance while being sent; its mark is left to that one",
                message.dedupeKey());
        return Outcome.TAKEN_OVER;
    }

    /** The wait after the n-th failed attempt: 30 s, 1 min, 2 min, … at most an hour. */
    public static Duration backoff(int failedAttempts) {
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 20);
        Duration wait = FIRST_RETRY.multipliedBy(1L << doublings);
        return wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait;
    }
}
