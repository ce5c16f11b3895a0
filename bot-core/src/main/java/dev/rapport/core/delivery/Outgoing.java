package dev.rapport.core.delivery;

import dev.rapport.core.domain.Claim;
import dev.rapport.core.domain.UserKey;

/**
 * One message an outbox holds: the claim on its row, whom it goes to, the key that names it on the platform, how often
 * it was tried, and whether an earlier attempt may already have reached the platform (a crash between send and mark).
 */
public record Outgoing(Claim claim, UserKey to, String dedupeKey, int attempts, boolean maybeSent) {}
