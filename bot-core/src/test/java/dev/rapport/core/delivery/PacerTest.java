package dev.rapport.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.core.delivery.Pacer.Budget;
import dev.rapport.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PacerTest {
    private final MutableClock clock = MutableClock.at("2026-12-03T09:00:00Z");
    private final Instant start = clock.instant();
    /** Waiting moves the test's clock: the pacer's waits are the only passing of time. */
    private final List<Duration> waits = new ArrayList<>();

    private final Pacer.Waiter waiter = wait -> {
        waits.add(wait);
        clock.advance(wait);
    };

    private Pacer pacer(Budget budget) {
        return new Pacer(clock, waiter, lane -> budget);
    }

    /** The moments, from the start, at which {@code count} requests on one lane were let through. */
    private List<Duration> sendTimes(Pacer pacer, String lane, int count) throws InterruptedException {
        List<Duration> times = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            pacer.acquire(lane);
            times.add(Duration.between(start, clock.instant()));
        }
        return times;
    }

    @Test
    void requestsGoOutEvenlyAtTheAllowedRateAndNoFaster() throws InterruptedException {
        Pacer pacer = pacer(Budget.perSecond(50));

        List<Duration> times = sendTimes(pacer, "slack:T1:all", 500);

        // 500 requests at 50 a second take 10 s, one every 20 ms
        assertThat(times.get(499)).isEqualTo(Duration.ofSeconds(10));
        for (int i = 1; i < times.size(); i++) {
            assertThat(times.get(i).minus(times.get(i - 1))).isEqualTo(Duration.ofMillis(20));
        }
        // and no window of one second ever holds more than the budget
        for (int i = 0; i + 50 < times.size(); i++) {
            assertThat(times.get(i + 50).minus(times.get(i))).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        }
    }

    @Test
    void aQuietSpellAllowsABurstOfAtMostTheBudgetsSize() throws InterruptedException {
        Pacer pacer = pacer(Budget.perMinute(50));
        sendTimes(pacer, "slack:T1:tier3", 1);

        clock.advance(Duration.ofMinutes(10));
        waits.clear();
        sendTimes(pacer, "slack:T1:tier3", 50);

        // fifty at once after the quiet spell (the platform's bucket is full too), then one every 1.2 s again
        assertThat(waits).isEmpty();
        Instant before = clock.instant();
        pacer.acquire("slack:T1:tier3");
        assertThat(Duration.between(before, clock.instant())).isEqualTo(Duration.ofMillis(1200));
    }

    @Test
    void aRetryAfterHoldsTheLaneExactlyThatLongAndItsBudgetIsSpentAfterwards() throws InterruptedException {
        Pacer pacer = pacer(Budget.perSecond(50));
        sendTimes(pacer, "discord:global", 100);
        Instant refused = clock.instant();

        pacer.pause("discord:global", refused.plusSeconds(3));

        assertThat(pacer.pausedUntil("discord:global")).contains(refused.plusSeconds(3));
        pacer.acquire("discord:global");
        // nothing before the pause ends, and the next request exactly then
        assertThat(clock.instant()).isEqualTo(refused.plusSeconds(3));
        assertThat(pacer.pausedUntil("discord:global")).isEmpty();
        // the lane refilled during the pause as the platform's bucket did: a second's worth goes at once
        waits.clear();
        sendTimes(pacer, "discord:global", 49);
        assertThat(waits).isEmpty();
        Instant before = clock.instant();
        pacer.acquire("discord:global");
        assertThat(Duration.between(before, clock.instant())).isEqualTo(Duration.ofMillis(20));
    }

    @Test
    void anEarlierPauseThanTheOneSetChangesNothing() throws InterruptedException {
        Pacer pacer = pacer(Budget.perSecond(10));
        pacer.pause("lane", start.plusSeconds(5));
        pacer.pause("lane", start.plusSeconds(2));

        pacer.acquire("lane");

        assertThat(clock.instant()).isEqualTo(start.plusSeconds(5));
    }

    @Test
    void lanesAreIndependent() throws InterruptedException {
        Pacer pacer =
                new Pacer(clock, waiter, lane -> lane.endsWith("post") ? Budget.perSecond(1) : Budget.perSecond(100));
        pacer.pause("slack:T1:post", start.plusSeconds(30));

        sendTimes(pacer, "slack:T1:tier3", 100);

        assertThat(clock.instant()).isEqualTo(start.plusSeconds(1));
        assertThat(pacer.pausedUntil("slack:T1:post")).contains(start.plusSeconds(30));
    }

    @Test
    void requestsFromSeveralThreadsShareOneLanesBudget() throws Exception {
        // 4 threads take 40 tokens of a 200-a-second lane that starts empty: tokens are never spent twice, so the
        // waits (each moving the shared clock) add up to at least the 200 ms that 40 tokens take to come.
        java.util.concurrent.atomic.AtomicInteger taken = new java.util.concurrent.atomic.AtomicInteger();
        MutableClock shared = MutableClock.at("2026-12-03T09:00:00Z");
        Object lock = new Object();
        Pacer.Waiter moving = wait -> {
            synchronized (lock) {
                shared.advance(wait);
            }
        };
        Pacer pacer = new Pacer(shared, moving, lane -> Budget.perSecond(200));
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 10; i++) {
                    try {
                        pacer.acquire("lane");
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    taken.incrementAndGet();
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(taken).hasValue(40);
        // Each waiter advanced the shared clock by its own wait, so the clock moved at least the 40 tokens' 200 ms.
        assertThat(Duration.between(start, shared.instant())).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void aBudgetNeedsARateAndABurst() {
        assertThatThrownBy(() -> new Budget(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Budget(5, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Budget.perMinute(50).perSecond()).isEqualTo(50 / 60.0);
        assertThat(Budget.perSecond(0.5).burst()).isEqualTo(1);
    }
}
