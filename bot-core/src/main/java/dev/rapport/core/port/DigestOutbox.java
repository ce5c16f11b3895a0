package dev.rapport.core.port;

import dev.rapport.core.domain.Claim;
import dev.rapport.core.domain.User;
import dev.rapport.core.domain.UserKey;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The daily digest's outbox: at most one entry per user and local date, so a digest is produced once and delivered
 * at most once, whatever the ticks, restarts and retries.
 */
public interface DigestOutbox extends OutboxMarks {

    /** The time zones users are in; the scheduler works out each zone's local date and time. */
    List<ZoneId> zones();

    /**
     * Claims the digest of {@code date} for every user of these platforms in {@code zone} whose digest time is at or
     * before {@code time}, for whom {@code date} is a digest day outside any pause, who is not marked unreachable,
     * and who has no entry for this date or a later one. Returns how many were claimed. A user's platform here is the
     * one their digest goes to (a linked account's, if they chose it); accounts linked to another get no digest of
     * their own, since their primary's is theirs.
     */
    int claim(ZoneId zone, LocalDate date, LocalTime time, Set<String> platforms, Instant now);

    /**
     * Takes claimed entries of these platforms whose next attempt is due, soonest first, with their user, under
     * {@code lease}: entries another holder leases until after {@code now} are left to it (several instances never
     * take the same entry), and entries whose lease ran out are taken over.
     */
    List<Pending> due(Set<String> platforms, Instant now, Lease lease, int limit);

    /**
     * When the soonest claimed entry of these platforms is due an attempt, if any is waiting (an entry another
     * instance than {@code holder} leases is due when its lease ends).
     */
    Optional<Instant> nextAttempt(Set<String> platforms, String holder);

    /**
     * Closes the entry without delivering it: it is never tried again. False, changing nothing, when the entry is no
     * longer {@code claim}'s.
     */
    boolean close(Claim claim, State state, Optional<String> error, Instant at);

    @Override
    default boolean unreachable(Claim claim, String reason, Instant at) {
        return close(claim, State.UNREACHABLE, Optional.of(reason), at);
    }

    /** How many digests are owed and not delivered yet, and since when the oldest of them has waited. */
    Backlog backlog();

    /** The entry for a user and date, if any. */
    Optional<Entry> find(long userId, LocalDate date);

    /** How many times, over all entries, an entry was taken over from a holder whose lease ran out. */
    long takeovers();

    /** Where an entry is in its life. */
    enum State {
        /** Owed and not delivered yet. */
        CLAIMED,
        SENT,
        NOTHING_DUE,
        UNREACHABLE,
        /** The user's local date passed before delivery; earlier days are never sent late. */
        EXPIRED,
        /** Paused, or no longer a digest day, by the time of sending. */
        SKIPPED
    }

    /**
     * A claimed entry whose next attempt is due, under the claim that took it; {@code maybeSent} when an earlier attempt
     * was handed to the platform and never came back (a crash between send and mark). {@code to} is the account the
     * digest goes to: the user's own, or the linked account the user chose for it (issue 12).
     */
    record Pending(Claim claim, User user, UserKey to, LocalDate date, int attempts, boolean maybeSent) {
        /** An entry delivered to the user's own account. */
        public Pending(Claim claim, User user, LocalDate date, int attempts, boolean maybeSent) {
            this(claim, user, user.key(), date, attempts, maybeSent);
        }

        public long entryId() {
            return claim.entryId();
        }
    }

    /** Owed digests: how many, and when the oldest was claimed. */
    record Backlog(int pending, Optional<Instant> oldestClaimedAt) {
        public static final Backlog EMPTY = new Backlog(0, Optional.empty());
    }

    /** One row of the outbox. */
    record Entry(
            long id,
            long userId,
            LocalDate date,
            State state,
            int attempts,
            Optional<String> lastError,
            Optional<Instant> nextAttemptAt,
            Optional<Instant> sentAt) {}
}
