package dev.rapport.core.port;

import java.time.Instant;
import java.util.Optional;

/**
 * Commands that named nobody exactly, kept so that a "did you mean" button can run them for the contact chosen.
 * Every method is scoped by the owner's id; a choice is taken once, and only an owner's newest 50 are kept.
 */
public interface PendingChoices {
    /** Keeps what was typed after the name ({@code rest}) for the command ({@code "followup done"}). */
    long keep(long ownerId, String command, String rest, Instant at);

    /** The kept command, removed so that it runs at most once; empty when taken already or someone else's. */
    Optional<Pending> take(long ownerId, long id);

    /** A kept command: its name and subcommand, and the text after the person's name. */
    record Pending(long id, String command, String rest) {}
}
