package dev.rapport.core.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Spends a platform's request budget on Rapport's side, so that requests go out at the rate the platform allows and
 * none is sent that the platform would refuse. Each lane (a platform's method tier in one workspace, say) mirrors the
 * platform's own token bucket: {@code rate} requests a second, at most {@code burst} at once after a quiet spell. A
 * request takes a token, waiting for one when the lane is empty. A rate limit the platform answers anyway (its
 * Retry-After) empties the lane and holds it exactly until then; the lane refills meanwhile, as the platform's bucket
 * does, so the budget of the pause is spent when it ends rather than lost.
 *
 * <p>Time comes from the clock, and waiting from the {@link Waiter}, so that tests move both by hand.
 */
public final class Pacer {
    /** How a request waits for its turn. */
    public interface Waiter {
        /** Waits this long (or returns early when interrupted, which the pacer then answers by trying again). */
        void await(Duration wait) throws InterruptedException;

        /** The thread sleeps. */
        Waiter SLEEP = wait -> {
            long nanos = wait.toNanos();
            if (nanos > 0) {
                Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
            }
        };
    }

    /** One lane's budget: {@code perSecond} requests a second, up to {@code burst} at once. */
    public record Budget(double perSecond, int burst) {
        public Budget {
            if (!(perSecond > 0) || burst < 1) {
                throw new IllegalArgumentException("A budget needs a positive rate and a burst of at least 1");
            }
        }

        /** {@code count} requests a minute, as platforms usually state it, all of them at once after a quiet minute. */
        public static Budget perMinute(int count) {
            return new Budget(count / 60.0, count);
        }

        /** {@code count} requests a second, up to a second's worth at once. */
        public static Budget perSecond(double count) {
            return new Budget(count, Math.max(1, (int) Math.floor(count)));
        }
    }

    private final Clock clock;
    private final Waiter waiter;
    private final Function<String, Budget> budgets;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();

    /**
     * @param budgets each lane's budget, asked once per lane the first time it is used
     */
    public Pacer(Clock clock, Waiter waiter, Function<String, Budget> budgets) {
        this.clock = clock;
        this.waiter = waiter;
        this.budgets = budgets;
    }

    /** Waits until the lane allows one more request, and takes its token. */
    public void acquire(String lane) throws InterruptedException {
        Lane held = lanes.computeIfAbsent(lane, name -> new Lane(budgets.apply(name), clock.instant()));
        while (true) {
            Duration wait = held.take(clock.instant());
            if (wait.isZero()) {
                return;
            }
            waiter.await(wait);
        }
    }

    /** The platform refused a request of this lane until {@code until}: nothing more goes out on it before then. */
    public void pause(String lane, Instant until) {
        lanes.computeIfAbsent(lane, name -> new Lane(budgets.apply(name), clock.instant()))
                .pause(clock.instant(), until);
    }

    /** The platform refused a request of this lane and said to wait this long (its Retry-After), from now. */
    public void pauseFor(String lane, Duration wait) {
        pause(lane, clock.instant().plus(wait));
    }

    /** When the lane's pause ends, if it is paused now. */
    public Optional<Instant> pausedUntil(String lane) {
        Lane held = lanes.get(lane);
        Instant now = clock.instant();
        return held == null ? Optional.empty() : held.pausedUntil().filter(until -> until.isAfter(now));
    }

    private static final class Lane {
        private final Budget budget;
        private double tokens;
        private Instant refilled;
        private Instant pausedUntil;

        Lane(Budget budget, Instant now) {
            this.budget = budget;
            // A new lane starts empty: Rapport does not know what an earlier process spent just before.
            this.tokens = 0;
            this.refilled = now;
            this.pausedUntil = now;
        }

        /** Takes a token and answers zero, or answers how long to wait before asking again. */
        synchronized Duration take(Instant now) {
            refill(now);
            if (now.isBefore(pausedUntil)) {
                return Duration.between(now, pausedUntil);
            }
            if (tokens >= 1) {
                tokens -= 1;
                return Duration.ZERO;
            }
            long nanos = (long) Math.ceil((1 - tokens) / budget.perSecond() * 1e9);
            return Duration.ofNanos(Math.max(1, nanos));
        }

        synchronized void pause(Instant now, Instant until) {
            refill(now);
            // The platform's bucket was empty when it refused: so is ours. It refills from now, as the platform's does.
            tokens = 0;
            if (until.isAfter(pausedUntil)) {
                pausedUntil = until;
            }
        }

        synchronized Optional<Instant> pausedUntil() {
            return Optional.of(pausedUntil);
        }

        private void refill(Instant now) {
            if (now.isAfter(refilled)) {
                double seconds = Duration.between(refilled, now).toNanos() / 1e9;
                tokens = Math.min(budget.burst(), tokens + seconds * budget.perSecond());
                refilled = now;
            }
        }
    }
}
