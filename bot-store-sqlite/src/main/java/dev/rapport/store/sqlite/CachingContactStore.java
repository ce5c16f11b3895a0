package dev.rapport.store.sqlite;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.rapport.core.domain.Contact;
import dev.rapport.core.port.ContactStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Keeps each user's contact list in memory: name resolution and autocomplete read it on every command. Any write
 * for an owner drops their entry, now and again when the transaction ends.
 */
public final class CachingContactStore implements ContactStore {
    private final ContactStore store;
    private final Database db;
    private final Cache<Long, List<Contact>> byOwner;

    public CachingContactStore(ContactStore store, Database db, long maximumOwners) {
        this.store = store;
        this.db = db;
        this.byOwner = Caffeine.newBuilder()
                .maximumSize(maximumOwners)
                .expireAfterAccess(Duration.ofMinutes(30))
                .build();
    }

    @Override
    public List<Contact> all(long ownerId) {
        return byOwner.get(ownerId, store::all);
    }

    @Override
    public Optional<Contact> byId(long ownerId, long contactId) {
        return all(ownerId).stream().filter(c -> c.id() == contactId).findFirst();
    }

    @Override
    public Optional<Contact> byPlatformUser(long ownerId, String platformUserId) {
        return all(ownerId).stream()
                .filter(c -> c.platformUserId().filter(platformUserId::equals).isPresent())
                .findFirst();
    }

    @Override
    public Contact create(Contact contact) {
        invalidate(contact.ownerId());
        return store.create(contact);
    }

    @Override
    public void update(Contact contact) {
        invalidate(contact.ownerId());
        store.update(contact);
    }

    @Override
    public void delete(long ownerId, long contactId) {
        invalidate(ownerId);
        store.delete(ownerId, contactId);
    }

    private void invalidate(long ownerId) {
        byOwner.invalidate(ownerId);
        db.afterTransaction(() -> byOwner.invalidate(ownerId));
    }

    /** Forgets every cached entry (a workspace was purged under the cache). */
    public void invalidateAll() {
        byOwner.invalidateAll();
    }
}
