package dev.rapport.core.exchange;

import dev.rapport.core.domain.Contact;
import dev.rapport.core.domain.FollowUp;
import dev.rapport.core.domain.Note;
import dev.rapport.core.domain.YearlyDate;
import dev.rapport.core.exchange.ImportedPerson.Dated;
import dev.rapport.core.people.ContactContext;
import dev.rapport.core.port.ContactEmailStore;
import dev.rapport.core.port.ContactStore;
import dev.rapport.core.port.FollowUpStore;
import dev.rapport.core.port.NoteStore;
import dev.rapport.core.port.YearlyDateStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Everything an export or a calendar reads about one owner's people, read through the owner-scoped stores. */
public final class Exports {
    private final ContactStore contacts;
    private final NoteStore notes;
    private final FollowUpStore followUps;
    private final ContactEmailStore emails;
    private final YearlyDateStore yearlyDates;

    public Exports(
            ContactStore contacts,
            NoteStore notes,
            FollowUpStore followUps,
            ContactEmailStore emails,
            YearlyDateStore yearlyDates) {
        this.contacts = contacts;
        this.notes = notes;
        this.followUps = followUps;
        this.emails = emails;
        this.yearlyDates = yearlyDates;
    }

    /** The owner's people as the exchange formats write them: notes oldest first, dates by label. */
    public List<ImportedPerson> people(long ownerId) {
        Map<Long, List<String>> emailsByContact = emails.all(ownerId);
        Map<Long, List<YearlyDate>> datesByContact =
                yearlyDates.all(ownerId).stream().collect(Collectors.groupingBy(YearlyDate::contactId));
        List<ImportedPerson> people = new ArrayList<>();
        int line = 0;
        for (Contact contact : contacts.all(ownerId)) {
            List<String> bodies = notes.forContact(ownerId, contact.id()).stream()
                    .sorted(Comparator.comparing(Note::createdAt).thenComparing(Note::id))
                    .map(Note::body)
                    .toList();
            List<Dated> dates = datesByContact.getOrDefault(contact.id(), List.of()).stream()
                    .map(d -> new Dated(d.label(), d.day(), d.year()))
                    .toList();
            people.add(new ImportedPerson(
                    ++line,
                    contact.name(),
                    contact.platformUserId(),
                    emailsByContact.getOrDefault(contact.id(), List.of()),
                    contact.howMet(),
                    bodies,
                    dates));
        }
        return people;
    }

    public String vcard(long ownerId) {
        return VcardFormat.write(people(ownerId));
    }

    public String csv(long ownerId) {
        return CsvFormat.write(people(ownerId));
    }

    /** The owner's calendar: open follow-ups, next rhythm dates and yearly dates, each with its context line. */
    public String calendar(long ownerId, LocalDate today, Instant now) {
        ContactContext context = new ContactContext(notes);
        List<CalendarFile.Event> events = new ArrayList<>();
        Map<Long, Contact> byId = contacts.all(ownerId).stream().collect(Collectors.toMap(Contact::id, c -> c));
        for (FollowUp followUp : followUps.openDueBy(ownerId, LocalDate.of(9999, 12, 31))) {
            Contact contact = byId.get(followUp.contactId());
            if (contact != null) {
                events.add(new CalendarFile.Event(
                        "follow-up-" + followUp.id(),
                        followUp.dueOn(),
                        "Follow up with " + contact.name()
                                + followUp.reason().map(r -> " — " + r).orElse(""),
                        context.line(contact),
                        false));
            }
        }
        for (Contact contact : byId.values()) {
            if (contact.rhythm().isPresent() && contact.rhythmNext().isPresent()) {
                events.add(new CalendarFile.Event(
                        "rhythm-" + contact.id(),
                        contact.rhythmNext().get(),
                        "Keep in touch with " + contact.name() + " ("
                                + contact.rhythm().get().describe() + ")",
                        context.line(contact),
                        false));
            }
        }
        for (YearlyDate date : yearlyDates.all(ownerId)) {
            Contact contact = byId.get(date.contactId());
            if (contact != null) {
                events.add(new CalendarFile.Event(
                        "yearly-" + date.id(),
                        date.nextOn(today),
                        contact.name() + "'s " + date.label(),
                        context.line(contact),
                        true));
            }
        }
        events.sort(Comparator.comparing(CalendarFile.Event::day).thenComparing(CalendarFile.Event::uid));
        return CalendarFile.write(events, now);
    }
}
