package dev.rapport.core.digest;

import dev.rapport.core.domain.UserKey;
import dev.rapport.core.port.DirectMessenger;
import dev.rapport.core.reply.Reply;
import dev.rapport.core.testing.MutableClock;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

/** A platform that records what it was asked to send and answers as scripted (delivered, unless told otherwise). */
final class FakeMessenger implements DirectMessenger {
    private final String platform;
    private final Clock clock;
    private final Deque<Supplier<Delivery>> script = new ArrayDeque<>();
    private final List<Message> attempts = new ArrayList<>();
    private Runnable eachSend = () -> {};
    private Runnable beforeNextAnswer = null;

    FakeMessenger(String platform, Clock clock) {
        this.platform = platform;
        this.clock = clock;
    }

    /** The next sends answer these, in order; after them every send is delivered. */
    FakeMessenger answering(Delivery... deliveries) {
        for (Delivery delivery : deliveries) {
            script.add(() -> delivery);
        }
        return this;
    }

    /** Every send takes this long on the clock, as on a slow platform. */
    FakeMessenger taking(MutableClock manualClock, java.time.Duration each) {
        eachSend = () -> manualClock.advance(each);
        return this;
    }

    /** The process "dies" right after the next send reached the user: the platform has it, Rapport never heard. */
    FakeMessenger dyingAfterTheNextDelivery() {
        script.add(() -> {
            throw new Crash();
        });
        return this;
    }

    /**
     * The next send reaches the user, and its answer is slow to come back: {@code meanwhile} runs (on the sender's
     * thread) after the platform has the message and before the sender hears that it was delivered.
     */
    FakeMessenger answeringLateAfterTheNextDelivery(Runnable meanwhile) {
        beforeNextAnswer = meanwhile;
        return this;
    }

    /** Stands for kill -9: not an exception Rapport handles. */
    static final class Crash extends Error {
        Crash() {
            super("process killed", null, false, false);
        }
    }

    /** Like a platform that keeps its messages: a delivery with this key reached this user. */
    @Override
    public boolean alreadySent(UserKey to, String dedupeKey) {
        return delivered().stream()
                .anyMatch(m -> m.to().equals(to) && m.dedupeKey().equals(dedupeKey));
    }

    /** The next send throws, as a messenger with a bug would. */
    FakeMessenger failingOnce(RuntimeException failure) {
        script.add(() -> {
            throw failure;
        });
        return this;
    }

    @Override
    public String platform() {
        return platform;
    }

    @Override
    public Delivery send(UserKey to, Reply message, String dedupeKey) {
        eachSend.run();
        Supplier<Delivery> next = script.poll();
        Delivery delivery;
        try {
            delivery = next == null ? new Sent() : next.get();
        } catch (Crash crash) {
            attempts.add(new Message(clock.instant(), to, message, dedupeKey, new Sent()));
            throw crash;
        } catch (RuntimeException e) {
            attempts.add(new Message(clock.instant(), to, message, dedupeKey, null));
            throw e;
        }
        attempts.add(new Message(clock.instant(), to, message, dedupeKey, delivery));
        Runnable meanwhile = beforeNextAnswer;
        if (meanwhile != null && delivery instanceof Sent) {
            beforeNextAnswer = null;
            meanwhile.run();
        }
        return delivery;
    }

    /** Every attempt, delivered or not. */
    List<Message> attempts() {
        return List.copyOf(attempts);
    }

    /** The messages that were delivered. */
    List<Message> delivered() {
        return attempts.stream().filter(m -> m.delivery() instanceof Sent).toList();
    }

    /** One call to {@link #send}; {@code delivery} is null when the call threw. */
    record Message(Instant at, UserKey to, Reply reply, String dedupeKey, Delivery delivery) {}
}
