package dev.rapport.core.people;

import dev.rapport.core.api.Invocation;
import dev.rapport.core.domain.Contact;
import dev.rapport.core.domain.Names;
import dev.rapport.core.port.ContactStore;
import dev.rapport.core.reply.Reply;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Finds who a command is about among the user's own contacts, creating them where a command may. */
public final class People {
    private final ContactStore contacts;

    public People(ContactStore contacts) {
        this.contacts = contacts;
    }

    /** The outcome of naming someone: a contact and the rest of the text, or a reply explaining the problem. */
    public sealed interface Lookup permits Found, Failed {
        /** The reply made from the contact found, or the reply explaining why there is none. */
        Reply then(Function<Found, Reply> work);
    }

    /** The contact and the text after their name. */
    public record Found(Contact contact, String rest, boolean created) implements Lookup {
        @Override
        public Reply then(Function<Found, Reply> work) {
            return work.apply(this);
        }
    }

    /** Why no contact could be chosen. */
    public record Failed(Reply reply) implements Lookup {
        @Override
        public Reply then(Function<Found, Reply> work) {
            return reply;
        }
    }

    /** An existing contact only; strangers get a hint to /remember them first. */
    public Lookup existing(Invocation invocation, String example) {
        Who who = PersonParser.parse(invocation.text(), contacts.all(invocation.userId()), invocation.mentionNames());
        if (who instanceof Who.Unknown unknown) {
            return new Failed(Reply.error(
                    "You have no contact called “" + unknown.name() + "” yet.",
                    "/remember " + unknown.name() + ": met at the SYPE mixer"));
        }
        return known(who, example);
    }

    /** An existing contact, or a new one created for a name not seen before. */
    public Lookup existingOrNew(Invocation invocation, String example) {
        Who who = PersonParser.parse(invocation.text(), contacts.all(invocation.userId()), invocation.mentionNames());
        if (who instanceof Who.Unknown unknown) {
            return create(invocation, unknown);
        }
        return known(who, example);
    }

    private Lookup known(Who who, String example) {
        if (who instanceof Who.Known known) {
            return new Found(linked(known.contact()), known.rest(), false);
        }
        if (who instanceof Who.Ambiguous ambiguous) {
            return new Failed(whichOne(ambiguous));
        }
        return new Failed(Reply.error("Who do you mean?", example));
    }

    private Lookup create(Invocation invocation, Who.Unknown unknown) {
        if (unknown.name().length() > PersonParser.MAX_NAME_LENGTH) {
            return new Failed(Reply.error(
                    "That name is longer than " + PersonParser.MAX_NAME_LENGTH + " characters.",
                    "/remember \"Marc Kelly\" met at the SYPE mixer"));
        }
        String name = freeName(invocation.userId(), unknown.name());
        Contact contact = contacts.create(Contact.newContact(
                invocation.userId(), name, unknown.platformUserId(), Optional.empty(), invocation.now()));
        return new Found(contact, unknown.rest(), true);
    }

    // A mentioned user can share a display name with a contact linked to another account.
    private String freeName(long ownerId, String wanted) {
        Set<String> taken =
                contacts.all(ownerId).stream().map(c -> Names.fold(c.name())).collect(Collectors.toSet());
        String name = wanted;
        for (int n = 2; taken.contains(Names.fold(name)); n++) {
            name = wanted + " (" + n + ")";
        }
        return name;
    }

    /** A contact first noted by name and now mentioned keeps the platform id, so renames still resolve. */
    private Contact linked(Contact contact) {
        Optional<Contact> stored = contacts.byId(contact.ownerId(), contact.id());
        if (stored.isPresent() && !stored.get().platformUserId().equals(contact.platformUserId())) {
            contacts.update(contact);
        }
        return contact;
    }

    private static Reply whichOne(Who.Ambiguous ambiguous) {
        List<String> names =
                ambiguous.candidates().stream().map(Contact::name).sorted().toList();
        return Reply.error(
                "“" + ambiguous.typed() + "” could be " + String.join(" or ", names) + ". Which one?",
                "/contact " + reference(names.get(0)));
    }

    /** How to write a contact's name in a command so that it names exactly them. */
    public static String reference(Contact contact) {
        return reference(contact.name());
    }

    public static String reference(String name) {
        return "\"" + name.replace("\"", "'") + "\"";
    }
}
