package dev.rapport.store.sqlite;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.rapport.core.domain.Settings;
import dev.rapport.core.domain.User;
import dev.rapport.core.domain.UserKey;
import dev.rapport.core.port.UserStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Keeps users and their settings in memory; every command starts by looking up its user. */
public final class CachingUserStore implements UserStore {
    private final UserStore store;
    private final Database db;
    private final Cache<UserKey, User> byKey;

    public CachingUserStore(UserStore store, Database db, long maximumUsers) {
        this.store = store;
        this.db = db;
        this.byKey = Caffeine.newBuilder()
                .maximumSize(maximumUsers)
                .expireAfterAccess(Duration.ofMinutes(30))
                .build();
    }

    @Override
    public Optional<User> find(UserKey key) {
        User cached = byKey.getIfPresent(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<User> found = store.find(key);
        // Read inside a transaction too (every request is one): a user it changes is written through this store,
        // which drops the entry again when the transaction ends, committed or rolled back.
        found.ifPresent(user -> byKey.put(key, user));
        return found;
    }

    @Override
    public Optional<User> byId(long userId) {
        return store.byId(userId);
    }

    @Override
    public User findOrCreate(UserKey key, String displayName, Settings initial, Instant now) {
        User cached = byKey.getIfPresent(key);
        if (cached != null && cached.displayName().equals(displayName)) {
            return cached;
        }
        // Most requests come from users who exist: a read, not a write, finds them.
        Optional<User> found = find(key);
        if (found.isPresent() && found.get().displayName().equals(displayName)) {
            return found.get();
        }
        invalidate(key);
        return store.findOrCreate(key, displayName, initial, now);
    }

    @Override
    public void saveSettings(long userId, Settings settings) {
        invalidate(userId);
        store.saveSettings(userId, settings);
    }

    @Override
    public void markUnreachable(long userId, Optional<String> reason) {
        invalidate(userId);
        store.markUnreachable(userId, reason);
    }

    private void invalidate(UserKey key) {
        byKey.invalidate(key);
        db.afterTransaction(() -> byKey.invalidate(key));
    }

    // Settings writes know the id, not the key; they are rare, so a scan of the cache is fine.
    private void invalidate(long userId) {
        Runnable drop = () -> byKey.asMap().values().removeIf(user -> user.id() == userId);
        drop.run();
        db.afterTransaction(drop);
    }

    /** Forgets every cached entry (a workspace was purged under the cache). */
    public void invalidateAll() {
        byKey.invalidateAll();
    }
}
