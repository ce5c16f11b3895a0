package dev.rapport.store.sqlite;

import dev.rapport.core.port.AccountLinks;
import dev.rapport.core.port.ContactStore;
import dev.rapport.core.port.Storage;
import dev.rapport.core.port.UserStore;

/** Builds the SQLite-backed {@link Storage}: every store over one database, with Caffeine in front of the hot lookups. */
public final class SqliteStorage {
    private static final long CACHED_USERS = 50_000;

    private SqliteStorage() {}

    /** The stores as Rapport runs them: users and contact lists cached. */
    public static Storage over(Database db) {
        return with(
                db,
                new CachingUserStore(new SqliteUserStore(db), db, CACHED_USERS),
                new CachingContactStore(new SqliteContactStore(db), db, CACHED_USERS),
                new CachingAccountLinks(new SqliteAccountLinks(db), db, CACHED_USERS));
    }

    /** The same stores without caches, for proving that the caches change nothing. */
    public static Storage uncached(Database db) {
        return with(db, new SqliteUserStore(db), new SqliteContactStore(db), new SqliteAccountLinks(db));
    }

    private static Storage with(Database db, UserStore users, ContactStore contacts, AccountLinks links) {
        return new Storage(
                users,
                contacts,
                new SqliteNoteStore(db),
                new SqliteFollowUpStore(db),
                new SqliteIntroStore(db),
                new SqliteRoundStore(db),
                new SqliteRoundOutbox(db),
                new SqliteDigestOutbox(db),
                new SqliteDigestReads(db),
                new SqliteInbox(db),
                new SqlitePlatformPauses(db),
                new SqliteJobLeases(db),
                db,
                new SqliteContactEmailStore(db),
                new SqliteYearlyDateStore(db),
                new SqlitePendingImportStore(db),
                new SqliteCalendarFeedStore(db),
                new SqlitePendingChoices(db),
                new SqliteInstallationStore(db),
                new SqliteInstallStateStore(db),
                new SqliteWorkspacePurge(db, () -> {
                    if (users instanceof CachingUserStore cached) {
                        cached.invalidateAll();
                    }
                    if (contacts instanceof CachingContactStore cached) {
                        cached.invalidateAll();
                    }
                    if (links instanceof CachingAccountLinks cached) {
                        cached.invalidateAll();
                    }
                }),
                new SqliteDmChannels(db),
                links);
    }
}
