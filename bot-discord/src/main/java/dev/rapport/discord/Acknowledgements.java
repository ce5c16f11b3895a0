package dev.rapport.discord;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The deferrals on their way to Discord. An interaction is written to the inbox before it is deferred, so a worker
 * may take it before Discord has the deferral, and an answer through the interaction's webhook would then find no
 * message to edit: the worker waits here for the deferral first. A deferral that arrived is forgotten.
 */
final class Acknowledgements {
    private final Map<String, CompletableFuture<?>> inFlight = new ConcurrentHashMap<>();

    /** The deferral of {@code interactionId} was sent; {@code delivered} completes when Discord answered it. */
    void sent(String interactionId, CompletableFuture<?> delivered) {
        inFlight.put(interactionId, delivered);
        delivered.whenComplete((done, failed) -> inFlight.remove(interactionId, delivered));
    }

    /** Waits up to {@code max} for the deferral of {@code interactionId}, if it is still on its way. */
    void await(String interactionId, Duration max) {
        CompletableFuture<?> delivered = inFlight.get(interactionId);
        if (delivered == null) {
            return;
        }
        try {
            delivered.get(max.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Answering is tried anyway: Discord says whether the interaction can still be answered.
        }
    }
}
