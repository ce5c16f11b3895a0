package dev.rapport.core.port;

/** A storage failure: a bug or a broken database, never something a user typed. */
public final class StorageException extends RuntimeException {
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
