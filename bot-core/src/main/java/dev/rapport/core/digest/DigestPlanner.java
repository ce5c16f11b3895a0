package dev.rapport.core.digest;

import dev.rapport.core.command.ContactContext;
import dev.rapport.core.domain.Contact;
import dev.rapport.core.domain.FollowUp;
import dev.rapport.core.domain.User;
import dev.rapport.core.port.ContactStore;
import dev.rapport.core.port.FollowUpStore;
import dev.rapport.core.port.NoteStore;
import dev.rapport.core.time.Cadence;
import dev.rapport.core.time.DateText;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Decides what a user's digest holds on a date: explicit follow-ups (oldest due first), then intro check-ins, then
 * lapsed rhythms (most overdue relative to the rhythm first), capped at the user's maximum. {@code /today} and the
 * scheduled digest both come from here, so they always agree.
 */
public final class DigestPlanner {
    private final ContactStore contacts;
    private final FollowUpStore followUps;
    private final ContactContext context;

    public DigestPlanner(ContactStore contacts, FollowUpStore followUps, NoteStore notes) {
        this.contacts = contacts;
        this.followUps = followUps;
        this.context = new ContactContext(notes);
    }

    public Digest plan(User user, LocalDate date) {
        List<Contact> all = contacts.all(user.id());
        Map<Long, Contact> byId = all.stream().collect(Collectors.toMap(Contact::id, Function.identity()));
        List<Candidate> candidates = new ArrayList<>();
        Set<Long> included = new HashSet<>();
        for (FollowUp followUp : followUps.openDueBy(user.id(), date)) {
            Contact contact = byId.get(followUp.contactId());
            if (contact != null && included.add(contact.id())) {
                String why = (followUp.dueOn().isBefore(date)
                                ? "Follow-up overdue since " + DateText.ago(followUp.dueOn(), date)
                                : "Follow-up due today")
                        + followUp.reason().map(r -> " — about " + r).orElse("");
                candidates.add(new Candidate(contact, DigestItem.Kind.FOLLOW_UP, followUp.dueOn(), why, 0));
            }
        }
        // Intro check-ins ("Did A and B connect?") join here as Kind.INTRO_CHECK_IN once intros exist; the sort
        // below already places them between explicit follow-ups and lapsed rhythms.
        for (Contact contact : all) {
            if (contact.rhythmLapsedOn(date) && included.add(contact.id())) {
                LocalDate next = contact.rhythmNext().orElseThrow();
                Cadence cadence = contact.rhythm().orElseThrow();
                double lateness = (double) ChronoUnit.DAYS.between(next, date) / cadence.approximateDays();
                String why = "Keep in touch " + cadence.describe() + " — " + ContactContext.lastContact(contact, date);
                candidates.add(new Candidate(contact, DigestItem.Kind.RHYTHM, next, why, lateness));
            }
        }
        candidates.sort(Comparator.comparing((Candidate c) -> c.kind)
                .thenComparing(c -> -c.lateness)
                .thenComparing(c -> c.dueOn)
                .thenComparing(c -> c.contact.name()));
        int max = Math.max(1, user.settings().maxItems());
        List<DigestItem> items = candidates.stream()
                .limit(max)
                .map(c -> new DigestItem(c.contact, c.kind, c.dueOn, c.why, context.line(c.contact)))
                .toList();
        return new Digest(user.id(), date, items, Math.max(0, candidates.size() - max));
    }

    private record Candidate(Contact contact, DigestItem.Kind kind, LocalDate dueOn, String why, double lateness) {}
}
