package dev.rapport.core.port;

import dev.rapport.core.domain.Contact;
import java.util.List;
import java.util.Optional;

/** One user's contacts. Every method is scoped by the owner's id. */
public interface ContactStore {
    List<Contact> all(long ownerId);

    Optional<Contact> byId(long ownerId, long contactId);

    Optional<Contact> byPlatformUser(long ownerId, String platformUserId);

    /** Stores a new contact and returns it with its id. */
    Contact create(Contact contact);

    /** Creates many contacts at once (an import), in order, as {@link #create} one by one would. */
    default List<Contact> createAll(List<Contact> contacts) {
        return contacts.stream().map(this::create).toList();
    }

    void update(Contact contact);

    void delete(long ownerId, long contactId);
}
