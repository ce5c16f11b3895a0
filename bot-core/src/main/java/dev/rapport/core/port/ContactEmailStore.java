package dev.rapport.core.port;

import java.util.List;
import java.util.Map;

/** E-mail addresses on contacts, kept so that an import recognises people already known. Scoped by owner. */
public interface ContactEmailStore {
    /** Adds an address (stored lower-cased); adding one the contact already has changes nothing. */
    void add(long ownerId, long contactId, String email);

    /** Adds many addresses at once (an import), as {@link #add} one by one would. */
    default void addAll(long ownerId, List<Map.Entry<Long, String>> contactAndEmail) {
        contactAndEmail.forEach(e -> add(ownerId, e.getKey(), e.getValue()));
    }

    /** The owner's addresses by contact id, each list in the order added. */
    Map<Long, List<String>> all(long ownerId);
}
