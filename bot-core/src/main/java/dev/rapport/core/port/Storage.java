package dev.rapport.core.port;

/** The ports core needs from a store, handed around as one. */
public record Storage(
        UserStore users, ContactStore contacts, NoteStore notes, FollowUpStore followUps, Transactor transactor) {}
