package dev.rapport.core.domain;

/**
 * One take of an outbox message by one Rapport instance: the message's row, the instance that took it
 * ({@code holder}), and which take it was ({@code number}: every take, by any instance, counts one more). The marks an
 * instance makes after sending apply only while the row is still this claim's, so an instance that was slow, lost
 * its lease and had the message taken over can no longer mark it: the new holder's marks are the ones that count.
 */
public record Claim(long entryId, String holder, int number) {
    public Claim {
        if (holder == null || holder.isBlank()) {
            throw new IllegalArgumentException("A claim needs a holder");
        }
    }
}
