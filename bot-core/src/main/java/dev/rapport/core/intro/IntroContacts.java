package dev.rapport.core.intro;

import dev.rapport.core.domain.Contact;
import dev.rapport.core.domain.Names;
import dev.rapport.core.domain.Person;
import dev.rapport.core.people.PersonParser;
import dev.rapport.core.port.ContactStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Finds a platform user among one owner's contacts, or adds them, with how the owner came to know them. */
public final class IntroContacts {
    private final ContactStore contacts;

    public IntroContacts(ContactStore contacts) {
        this.contacts = contacts;
    }

    /** The owner's contact for this person: linked by platform id, else by an unlinked same name, else new. */
    Contact findOrCreate(long ownerId, Person person, String howMet, Instant now) {
        Optional<Contact> linked = contacts.byPlatformUser(ownerId, person.platformUserId());
        if (linked.isPresent()) {
            return withHowMet(linked.get(), howMet);
        }
        String name = clipName(Names.clean(person.name()));
        List<Contact> all = contacts.all(ownerId);
        Optional<Contact> sameName = all.stream()
                .filter(c ->
                        c.platformUserId().isEmpty() && Names.fold(c.name()).equals(Names.fold(name)))
                .findFirst();
        if (sameName.isPresent()) {
            Contact contact = sameName.get().withPlatformUserId(person.platformUserId());
            contacts.update(contact);
            return withHowMet(contact, howMet);
        }
        return contacts.create(Contact.newContact(
                ownerId, freeName(all, name), Optional.of(person.platformUserId()), Optional.of(howMet), now));
    }

    private Contact withHowMet(Contact contact, String howMet) {
        if (contact.howMet().isPresent()) {
            return contact;
        }
        Contact updated = new Contact(
                contact.id(),
                contact.ownerId(),
                contact.name(),
                contact.platformUserId(),
                Optional.of(howMet),
                contact.rhythm(),
                contact.rhythmNext(),
                contact.lastContact(),
                contact.lastInitiator(),
                contact.createdAt());
        contacts.update(updated);
        return updated;
    }

    private static String clipName(String name) {
        String nonEmpty = name.isEmpty() ? "Someone" : name;
        return nonEmpty.length() <= PersonParser.MAX_NAME_LENGTH
                ? nonEmpty
                : nonEmpty.substring(0, PersonParser.MAX_NAME_LENGTH);
    }

    // Someone else in the owner's list may already go by this name.
    private static String freeName(List<Contact> all, String wanted) {
        Set<String> taken = all.stream().map(c -> Names.fold(c.name())).collect(Collectors.toSet());
        String name = wanted;
        for (int n = 2; taken.contains(Names.fold(name)); n++) {
            name = wanted + " (" + n + ")";
        }
        return name;
    }
}
