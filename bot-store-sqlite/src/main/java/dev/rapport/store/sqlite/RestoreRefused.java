package dev.rapport.store.sqlite;

/** Why a backup is not put in place of the database; nothing was changed. The message is for the person. */
public final class RestoreRefused extends RuntimeException {
    public RestoreRefused(String reason) {
        super(reason);
    }
}
