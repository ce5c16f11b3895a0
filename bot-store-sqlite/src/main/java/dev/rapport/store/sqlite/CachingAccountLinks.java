package dev.rapport.store.sqlite;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.rapport.core.port.AccountLinks;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Keeps which primary each account is linked to (or that it stands alone) in memory: every request asks it. A link
 * or unlink drops the account's entry, now and again after its transaction (a rolled-back read must not stay).
 */
public final class CachingAccountLinks implements AccountLinks {
    private final AccountLinks store;
    private final Database db;
    private final Cache<Long, Optional<Long>> primaries;

    public CachingAccountLinks(AccountLinks store, Database db, long maximumAccounts) {
        this.store = store;
        this.db = db;
        this.primaries = Caffeine.newBuilder()
                .maximumSize(maximumAccounts)
                .expireAfterAccess(Duration.ofMinutes(30))
                .build();
    }

    @Override
    public Optional<Long> primaryOf(long accountId) {
        Optional<Long> cached = primaries.getIfPresent(accountId);
        if (cached != null) {
            return cached;
        }
        Optional<Long> found = store.primaryOf(accountId);
        // Read inside a transaction too (every request is one): a link it makes or breaks is written through this
        // store, which drops the entry again when the transaction ends, committed or rolled back.
        primaries.put(accountId, found);
        return found;
    }

    @Override
    public List<Linked> linkedTo(long primaryId) {
        return store.linkedTo(primaryId);
    }

    @Override
    public void link(long accountId, long primaryId, Instant at) {
        invalidate(accountId);
        store.link(accountId, primaryId, at);
    }

    @Override
    public boolean unlink(long accountId) {
        invalidate(accountId);
        return store.unlink(accountId);
    }

    @Override
    public void digestTo(long primaryId, Optional<Long> accountId) {
        store.digestTo(primaryId, accountId);
    }

    @Override
    public void saveCode(String codeHash, long userId, Instant expiresAt, Instant at) {
        store.saveCode(codeHash, userId, expiresAt, at);
    }

    @Override
    public Optional<Code> code(String codeHash) {
        return store.code(codeHash);
    }

    @Override
    public boolean useCode(String codeHash, Instant at) {
        return store.useCode(codeHash, at);
    }

    @Override
    public void failedAttempt(long accountId, Instant at, Instant forgetBefore) {
        store.failedAttempt(accountId, at, forgetBefore);
    }

    @Override
    public List<Instant> failedAttempts(long accountId, Instant since) {
        return store.failedAttempts(accountId, since);
    }

    private void invalidate(long accountId) {
        primaries.invalidate(accountId);
        db.afterTransaction(() -> primaries.invalidate(accountId));
    }

    /** Forgets every cached entry (a workspace was purged under the cache). */
    public void invalidateAll() {
        primaries.invalidateAll();
    }
}
