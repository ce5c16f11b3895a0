package dev.rapport.core.exchange;

import dev.rapport.core.domain.Contact;
import dev.rapport.core.domain.Names;
import dev.rapport.core.domain.NoteKind;
import dev.rapport.core.domain.YearlyDate;
import dev.rapport.core.exchange.ContactFile.Read;
import dev.rapport.core.exchange.ContactFile.Skipped;
import dev.rapport.core.exchange.ImportedPerson.Dated;
import dev.rapport.core.port.ContactEmailStore;
import dev.rapport.core.port.ContactStore;
import dev.rapport.core.port.NoteStore;
import dev.rapport.core.port.YearlyDateStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * Compares a read file with a user's list (a person is already known by linked platform id, e-mail or folded full
 * name) and adds the new ones. Adding is idempotent: whoever is known by then is left alone, so a second import of
 * the same file adds nobody. Imported people get no rhythm and no follow-up, so they stay out of the digest.
 */
public final class Importer {
    private final ContactStore contacts;
    private final NoteStore notes;
    private final ContactEmailStore emails;
    private final YearlyDateStore yearlyDates;

    public Importer(ContactStore contacts, NoteStore notes, ContactEmailStore emails, YearlyDateStore yearlyDates) {
        this.contacts = contacts;
        this.notes = notes;
        this.emails = emails;
        this.yearlyDates = yearlyDates;
    }

    /** What an import would do. */
    public record Plan(String format, List<ImportedPerson> fresh, int known, List<Skipped> skipped) {
        public Plan {
            fresh = List.copyOf(fresh);
            skipped = List.copyOf(skipped);
        }
    }

    public Plan plan(long ownerId, Read read) {
        Set<String> names = new HashSet<>();
        Set<String> platformIds = new HashSet<>();
        for (Contact contact : contacts.all(ownerId)) {
            names.add(Names.fold(contact.name()));
            contact.platformUserId().ifPresent(platformIds::add);
        }
        Set<String> knownEmails = new HashSet<>();
        emails.all(ownerId).values().forEach(knownEmails::addAll);
        Map<String, Integer> seenInFile = new HashMap<>();
        Set<String> emailsInFile = new HashSet<>();
        List<ImportedPerson> fresh = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>(read.skipped());
        int known = 0;
        for (ImportedPerson person : read.people()) {
            String key = Names.fold(person.name());
            List<String> personEmails = person.emails().stream()
                    .map(e -> e.toLowerCase(Locale.ROOT))
                    .toList();
            boolean knownAlready = names.contains(key)
                    || person.platformUserId().filter(platformIds::contains).isPresent()
                    || personEmails.stream().anyMatch(knownEmails::contains);
            if (knownAlready) {
                known++;
                continue;
            }
            Integer earlier = seenInFile.putIfAbsent(key, person.line());
            if (earlier != null) {
                skipped.add(new Skipped(
                        person.line(), "record " + person.line() + " has the same name as record " + earlier));
                continue;
            }
            Optional<String> sharedEmail =
                    personEmails.stream().filter(e -> !emailsInFile.add(e)).findFirst();
            if (sharedEmail.isPresent()) {
                skipped.add(
                        new Skipped(person.line(), "record " + person.line() + " has an e-mail an earlier record has"));
                continue;
            }
            fresh.add(person);
        }
        return new Plan(read.format(), fresh, known, skipped);
    }

    /** Adds the plan's new people; returns how many. Runs inside the caller's transaction. */
    public int apply(long ownerId, Plan plan, Instant now) {
        return apply(ownerId, plan, now, Math.max(1, plan.fresh().size()), done -> {});
    }

    /**
     * Adds the plan's new people {@code step} at a time, telling {@code done} how many are written after each step but
     * the last; returns how many. Runs inside the caller's transaction: all of them arrive, or none.
     */
    public int apply(long ownerId, Plan plan, Instant now, int step, IntConsumer done) {
        Set<String> platformIds = new HashSet<>();
        contacts.all(ownerId).forEach(c -> c.platformUserId().ifPresent(platformIds::add));
        List<ImportedPerson> fresh = plan.fresh();
        int added = 0;
        for (int from = 0; from < fresh.size(); from += step) {
            added += add(ownerId, fresh.subList(from, Math.min(fresh.size(), from + step)), platformIds, now);
            if (from + step < fresh.size()) {
                done.accept(added);
            }
        }
        return added;
    }

    private int add(long ownerId, List<ImportedPerson> people, Set<String> platformIds, Instant now) {
        List<Contact> toCreate = new ArrayList<>();
        for (ImportedPerson person : people) {
            // A platform id that is already someone's stays with them; the person still arrives, unlinked.
            Optional<String> platformId = person.platformUserId().filter(platformIds::add);
            toCreate.add(Contact.newContact(ownerId, person.name(), platformId, person.howMet(), now));
        }
        // In bulk: a store over the network (PostgreSQL) then pays a few round trips, not several per person.
        List<Contact> created = contacts.createAll(toCreate);
        List<Map.Entry<Long, String>> newEmails = new ArrayList<>();
        List<Map.Entry<Long, String>> newNotes = new ArrayList<>();
        List<YearlyDate> newDates = new ArrayList<>();
        for (int i = 0; i < created.size(); i++) {
            ImportedPerson person = people.get(i);
            long contactId = created.get(i).id();
            person.emails().forEach(email -> newEmails.add(Map.entry(contactId, email)));
            person.notes().forEach(note -> newNotes.add(Map.entry(contactId, note)));
            for (Dated date : person.dates()) {
                newDates.add(YearlyDate.of(ownerId, contactId, date.label(), date.day(), date.year()));
            }
        }
        emails.addAll(ownerId, newEmails);
        notes.addAll(ownerId, NoteKind.NOTE, newNotes, now);
        yearlyDates.putAll(newDates);
        return created.size();
    }
}
