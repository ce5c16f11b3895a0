package dev.rapport.store.postgres;

import dev.rapport.core.port.Storage;

/**
 * Builds the PostgreSQL-backed {@link Storage}. No caches: every instance on the database may change a user or a
 * contact list at any moment, and a cache here could serve one instance's stale copy after another's write (a user
 * paused on one instance, still sent a digest by another). A lookup by key on PostgreSQL over a pool costs well
 * under a millisecond, which the commands benchmark shows is affordable.
 */
public final class PostgresStorage {
    private PostgresStorage() {}

    public static Storage over(Database db) {
        return new Storage(
                new PostgresUserStore(db),
                new PostgresContactStore(db),
                new PostgresNoteStore(db),
                new PostgresFollowUpStore(db),
                new PostgresIntroStore(db),
                new PostgresRoundStore(db),
                new PostgresRoundOutbox(db),
                new PostgresDigestOutbox(db),
                new PostgresDigestReads(db),
                new PostgresInbox(db),
                new PostgresPlatformPauses(db),
                new PostgresJobLeases(db),
                db,
                new PostgresContactEmailStore(db),
                new PostgresYearlyDateStore(db),
                new PostgresPendingImportStore(db),
                new PostgresCalendarFeedStore(db),
                new PostgresPendingChoices(db),
                new PostgresInstallationStore(db),
                new PostgresInstallStateStore(db),
                new PostgresWorkspacePurge(db),
                new PostgresDmChannels(db),
                new PostgresAccountLinks(db));
    }
}
