package dev.rapport.core.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** A person in one user's circle, with their keep-in-touch rhythm and last contact. */
public record Contact(
        long id,
        long ownerId,
        String name,
        Optional<String> platformUserId,
        Optional<String> howMet,
        Optional<Cadence> rhythm,
        Optional<LocalDate> rhythmNext,
        Optional<LocalDate> lastContact,
        Optional<Initiator> lastInitiator,
        Instant createdAt) {

    public static Contact newContact(
            long ownerId, String name, Optional<String> platformUserId, Optional<String> howMet, Instant now) {
        return new Contact(
                0,
                ownerId,
                name,
                platformUserId,
                howMet,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                now);
    }

    public Contact withRhythm(Optional<Cadence> cadence, Optional<LocalDate> next) {
        return new Contact(
                id, ownerId, name, platformUserId, howMet, cadence, next, lastContact, lastInitiator, createdAt);
    }

    public Contact withRhythmNext(LocalDate next) {
        return withRhythm(rhythm, Optional.of(next));
    }

    /** Logs contact on a date, with who reached out; a rhythm restarts from that date. */
    public Contact inTouch(LocalDate date, Initiator initiator) {
        return inTouch(date, Optional.of(initiator));
    }

    /** Logs contact on a date, with who reached out when known; a rhythm restarts from that date. */
    public Contact inTouch(LocalDate date, Optional<Initiator> initiator) {
        Optional<LocalDate> next = rhythm.map(cadence -> cadence.next(date));
        return new Contact(
                id, ownerId, name, platformUserId, howMet, rhythm, next, Optional.of(date), initiator, createdAt);
    }

    /** Who reached out in the last contact, said afterwards. */
    public Contact withInitiator(Initiator initiator) {
        return new Contact(
                id,
                ownerId,
                name,
                platformUserId,
                howMet,
                rhythm,
                rhythmNext,
                lastContact,
                Optional.of(initiator),
                createdAt);
    }

    public Contact withPlatformUserId(String userId) {
        return new Contact(
                id,
                ownerId,
                name,
                Optional.of(userId),
                howMet,
                rhythm,
                rhythmNext,
                lastContact,
                lastInitiator,
                createdAt);
    }

    public Contact renamed(String newName) {
        return new Contact(
                id,
                ownerId,
                newName,
                platformUserId,
                howMet,
                rhythm,
                rhythmNext,
                lastContact,
                lastInitiator,
                createdAt);
    }

    /** This contact with what only {@code other} knew: their platform account, how you met, rhythm, later contact. */
    public Contact mergedWith(Contact other) {
        boolean theirsLater = other.lastContact.isPresent()
                && (lastContact.isEmpty() || other.lastContact.get().isAfter(lastContact.get()));
        return new Contact(
                id,
                ownerId,
                name,
                platformUserId.or(() -> other.platformUserId),
                howMet.or(() -> other.howMet),
                rhythm.isPresent() ? rhythm : other.rhythm,
                rhythm.isPresent() ? rhythmNext : other.rhythmNext,
                theirsLater ? other.lastContact : lastContact,
                theirsLater ? other.lastInitiator : lastInitiator,
                createdAt.isBefore(other.createdAt) ? createdAt : other.createdAt);
    }

    /** How to write this contact's name in a command so that it names exactly them. */
    public String reference() {
        return Names.reference(name);
    }

    /** The rhythm is due or overdue on the given date. */
    public boolean rhythmLapsedOn(LocalDate date) {
        return rhythmNext.map(next -> !next.isAfter(date)).orElse(false);
    }
}
