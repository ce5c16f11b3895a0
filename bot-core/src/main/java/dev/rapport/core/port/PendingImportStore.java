package dev.rapport.core.port;

import java.time.Instant;
import java.util.Optional;

/** Files read for an import's preview, kept until the user confirms or cancels. Scoped by owner. */
public interface PendingImportStore {
    /** Keeps a file's text; returns its id. */
    long put(long ownerId, String fileName, String content, Instant at);

    Optional<Pending> find(long ownerId, long id);

    /** Forgets the file; true if it was there. */
    boolean delete(long ownerId, long id);

    /** Forgets the owner's files kept before {@code before}; returns how many. */
    int deleteBefore(long ownerId, Instant before);

    record Pending(long id, long ownerId, String fileName, String content, Instant createdAt) {}
}
