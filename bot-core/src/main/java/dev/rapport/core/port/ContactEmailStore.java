package dev.rapport.core.port;

import java.util.List;
import java.util.Map;

/** E-mail addresses on contacts, kept so that an import recognises people already known. Scoped by owner. */
public interface ContactEmailStore {
    /** Adds an address (stored lower-cased); adding one the contact already has changes nothing. */
    void add(long ownerId, long contactId, String email);

    /** The owner's addresses by contact id, each list in the order added. */
    Map<Long, List<String>> all(long ownerId);
}
