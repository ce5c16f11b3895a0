package dev.rapport.core.people;

import dev.rapport.core.action.Action;
import dev.rapport.core.api.Invocation;
import dev.rapport.core.domain.Contact;
import dev.rapport.core.domain.Names;
import dev.rapport.core.port.ContactStore;
import dev.rapport.core.port.PendingChoices;
import dev.rapport.core.reply.Button;
import dev.rapport.core.reply.Reply;
import dev.rapport.core.reply.Section;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Finds who a command is about among the user's own contacts. Only /remember creates a contact: every other command
 * finds an existing one (by full name, first words, surname, prefix, first name and initial, or one typo when only
 * one contact fits) or answers "did you mean …" with buttons that run the same command for the one chosen.
 */
public final class People {
    private final ContactStore contacts;
    private final PendingChoices choices;

    public People(ContactStore contacts, PendingChoices choices) {
        this.contacts = contacts;
        this.choices = choices;
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

    /**
     * An existing contact only, for {@code command} as typed ("followup done"): nobody is created; a name that fits
     * no one exactly gets the closest contacts as buttons, and nothing changes.
     */
    public Lookup existing(Invocation invocation, String command) {
        List<Contact> known = contacts.all(invocation.userId());
        Who who = PersonParser.parse(invocation.text(), known, invocation.mentionNames());
        if (who instanceof Who.Unknown unknown) {
            return unknown.platformUserId().isPresent()
                    ? new Failed(noSuch(invocation, command, unknown.name(), unknown.rest(), List.of()))
                    : closest(invocation, command, unknown, known);
        }
        return known(invocation, command, who);
    }

    /** An existing contact, or a new one created for a name not seen before (/remember only). */
    public Lookup existingOrNew(Invocation invocation, String command) {
        List<Contact> known = contacts.all(invocation.userId());
        Who who = PersonParser.parse(invocation.text(), known, invocation.mentionNames());
        if (who instanceof Who.Unknown unknown) {
            // A typed name that is one contact's surname, or first name and initial, is them, not someone new.
            boolean exact = unknown.platformUserId().isPresent()
                    || PersonParser.leadingNames(invocation.text()).isEmpty();
            List<Contact> fits = exact ? List.of() : NameMatch.fitting(unknown.name(), known, NameMatch.Fit.WORDS);
            if (fits.size() == 1) {
                return new Found(linked(fits.get(0)), unknown.rest(), false);
            }
            if (fits.size() > 1) {
                return new Failed(whichOne(invocation, command, unknown.name(), fits, unknown.rest()));
            }
            return create(invocation, unknown);
        }
        return known(invocation, command, who);
    }

    /**
     * The contact for a platform user (a form's person): the one linked to them, else the one contact of their name
     * that is linked to no one (linked now), else someone new, named as their platform's directory names them.
     */
    public Found platformUser(Invocation invocation, String platformUserId, String directoryName) {
        List<Contact> known = contacts.all(invocation.userId());
        Optional<Contact> linked = known.stream()
                .filter(c -> c.platformUserId().filter(platformUserId::equals).isPresent())
                .findFirst();
        if (linked.isPresent()) {
            return new Found(linked.get(), "", false);
        }
        String name = fitting(Names.clean(directoryName));
        String wanted = name.isEmpty() ? platformUserId : name;
        Optional<Contact> sameName = known.stream()
                .filter(c ->
                        c.platformUserId().isEmpty() && Names.fold(c.name()).equals(Names.fold(wanted)))
                .findFirst();
        if (sameName.isPresent()) {
            Contact now = sameName.get().withPlatformUserId(platformUserId);
            contacts.update(now);
            return new Found(now, "", false);
        }
        Contact contact = contacts.create(Contact.newContact(
                invocation.userId(),
                freeName(invocation.userId(), wanted),
                Optional.of(platformUserId),
                Optional.empty(),
                invocation.now()));
        return new Found(contact, "", true);
    }

    /** The contact of exactly this name (ignoring case and accents), or someone new of that name (a form's name). */
    public Found named(Invocation invocation, String name) {
        String wanted = Names.clean(name);
        Optional<Contact> same = contacts.all(invocation.userId()).stream()
                .filter(c -> Names.fold(c.name()).equals(Names.fold(wanted)))
                .findFirst();
        if (same.isPresent()) {
            return new Found(same.get(), "", false);
        }
        Contact contact = contacts.create(
                Contact.newContact(invocation.userId(), wanted, Optional.empty(), Optional.empty(), invocation.now()));
        return new Found(contact, "", true);
    }

    /** A directory's name cut to the longest name a contact may have. */
    private static String fitting(String name) {
        return name.length() <= PersonParser.MAX_NAME_LENGTH
                ? name
                : name.substring(0, PersonParser.MAX_NAME_LENGTH).strip();
    }

    private Lookup closest(Invocation invocation, String command, Who.Unknown unknown, List<Contact> known) {
        for (Map.Entry<String, String> typed : PersonParser.leadingNames(invocation.text())) {
            List<Contact> best = NameMatch.best(typed.getKey(), known);
            if (best.size() == 1) {
                return new Found(linked(best.get(0)), typed.getValue(), false);
            }
            if (best.size() > 1) {
                return new Failed(whichOne(invocation, command, typed.getKey(), best, typed.getValue()));
            }
        }
        Set<Contact> near = new LinkedHashSet<>();
        List<Map.Entry<String, String>> names = PersonParser.leadingNames(invocation.text());
        String typedName = unknown.name();
        String rest = unknown.rest();
        for (Map.Entry<String, String> typed : names.isEmpty() ? List.of(Map.entry(typedName, rest)) : names) {
            List<Contact> fits = NameMatch.suggestions(typed.getKey(), known);
            if (!fits.isEmpty() && near.isEmpty()) {
                typedName = typed.getKey();
                rest = typed.getValue();
            }
            near.addAll(fits);
        }
        List<Contact> offered = near.stream().limit(NameMatch.MAX_SUGGESTIONS).toList();
        return new Failed(noSuch(invocation, command, typedName, rest, offered));
    }

    private Lookup known(Invocation invocation, String command, Who who) {
        if (who instanceof Who.Known known) {
            return new Found(linked(known.contact()), known.rest(), false);
        }
        if (who instanceof Who.Ambiguous ambiguous) {
            String typed = invocation.text().strip();
            String rest = typed.length() > ambiguous.typed().length()
                    ? typed.substring(ambiguous.typed().length()).strip().replaceFirst("^:\\s*", "")
                    : "";
            return new Failed(whichOne(invocation, command, ambiguous.typed(), ambiguous.candidates(), rest));
        }
        return new Failed(Reply.error("Who do you mean?", "/" + command + " marc"));
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

    /** "You have no contact called “richrad” — did you mean Richard Finnie?", with a button per suggestion. */
    private Reply noSuch(Invocation invocation, String command, String typed, String rest, List<Contact> near) {
        if (near.isEmpty()) {
            return Reply.error(
                    "You have no contact called “" + typed + "” yet. Only /remember adds someone; nothing was changed.",
                    "/remember " + Names.reference(typed) + " met at the SYPE mixer");
        }
        String names = or(near.stream().map(Contact::name).toList());
        return choice(
                invocation,
                command,
                "You have no contact called “" + typed + "” — did you mean " + names + "? Nothing was changed.",
                near,
                rest);
    }

    private Reply whichOne(Invocation invocation, String command, String typed, List<Contact> candidates, String rest) {
        List<Contact> sorted = candidates.stream()
                .sorted((a, b) -> Names.fold(a.name()).compareTo(Names.fold(b.name())))
                .limit(NameMatch.MAX_SUGGESTIONS * 2L)
                .toList();
        String names = or(sorted.stream().map(Contact::name).toList());
        return choice(invocation, command, "“" + typed + "” could be " + names + ". Which one?", sorted, rest);
    }

    /**
     * A question, not an error: nothing was changed, but the kept choice must outlive this request (an error reply
     * rolls back its request's writes). Its buttons run the command for one of the contacts.
     */
    private Reply choice(Invocation invocation, String command, String question, List<Contact> offered, String rest) {
        long pending = choices.keep(invocation.userId(), command, rest, invocation.now());
        List<Button> buttons = new ArrayList<>();
        for (Contact contact : offered) {
            buttons.add(Button.of(
                    Buttons.clip(contact.name()),
                    new Action.Choose(pending, contact.id()).id(),
                    typedCommand(command, contact, rest)));
        }
        String example = typedCommand(command, offered.get(0), rest);
        return Reply.of(Section.of(question + "\nExample: " + example)).withButtons(buttons);
    }

    /** The command as typed again for one contact: "/followup done \"Marc Kelly\" had coffee". */
    public static String typedCommand(String command, Contact contact, String rest) {
        return "/" + command + " " + contact.reference() + (rest.isBlank() ? "" : " " + rest);
    }

    private static String or(List<String> names) {
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    /** How to write a contact's name in a command so that it names exactly them. */
    public static String reference(Contact contact) {
        return reference(contact.name());
    }

    public static String reference(String name) {
        return Names.reference(name);
    }
}
