package dev.rapport.core.digest;

import dev.rapport.core.domain.Cadence;
import dev.rapport.core.domain.Contact;
import dev.rapport.core.domain.FollowUp;
import dev.rapport.core.domain.Intro;
import dev.rapport.core.domain.Note;
import dev.rapport.core.domain.User;
import dev.rapport.core.people.ContactContext;
import dev.rapport.core.port.ContactStore;
import dev.rapport.core.port.DigestReads;
import dev.rapport.core.port.DigestReads.YearlyDue;
import dev.rapport.core.port.FollowUpStore;
import dev.rapport.core.time.DateText;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Decides what a user's digest holds on a date: explicit follow-ups (oldest due first), then intro check-ins, then
 * lapsed rhythms (most overdue relative to the rhythm first), capped at the user's maximum. {@code /today} plans one
 * user through the stores; the scheduler plans hundreds at once through {@link DigestReads}. Both go through the same
 * selection, so the digest and {@code /today} always agree.
 */
public final class DigestPlanner {
    private final ContactStore contacts;
    private final FollowUpStore followUps;
    private final ContactContext context;
    private final CheckInsDue checkIns;
    private final YearlyDatesOf yearlyDates;

    public DigestPlanner(ContactStore contacts, FollowUpStore followUps, ContactContext context, CheckInsDue checkIns) {
        this(contacts, followUps, context, checkIns, owner -> List.of());
    }

    public DigestPlanner(
            ContactStore contacts,
            FollowUpStore followUps,
            ContactContext context,
            CheckInsDue checkIns,
            YearlyDatesOf yearlyDates) {
        this.contacts = contacts;
        this.followUps = followUps;
        this.context = context;
        this.checkIns = checkIns;
        this.yearlyDates = yearlyDates;
    }

    /** A user's yearly dates with their contacts and lead days (as {@link DigestReads#yearlyDates} gives them). */
    @FunctionalInterface
    public interface YearlyDatesOf {
        List<YearlyDue> of(long userId);
    }

    /** A user's open intro check-ins due by a date, oldest first. */
    @FunctionalInterface
    public interface CheckInsDue {
        List<Intro> dueFor(long userId, LocalDate date);
    }

    /** One user's digest, read through the per-user stores. */
    public Digest plan(User user, LocalDate date) {
        return select(
                        user,
                        date,
                        contacts.all(user.id()),
                        followUps.openDueBy(user.id(), date),
                        checkIns.dueFor(user.id(), date),
                        yearlyDates.of(user.id()))
                .digest(context::line);
    }

    /** Many users' digests, each on its own date, in a few bulk reads; keyed by user id. */
    public static Map<Long, Digest> planAll(Map<User, LocalDate> dates, DigestReads reads) {
        Map<Long, LocalDate> dateByOwner = new HashMap<>();
        dates.forEach((user, date) -> dateByOwner.put(user.id(), date));
        Map<Long, List<FollowUp>> due = reads.openFollowUpsDue(dateByOwner);
        Map<Long, List<Contact>> contactsDue = reads.contactsDue(dateByOwner);
        Map<Long, List<Intro>> checkInsDue = reads.introCheckInsDue(dateByOwner);
        Map<Long, List<YearlyDue>> yearly = reads.yearlyDates(dateByOwner.keySet());
        List<Selection> selections = new ArrayList<>();
        dates.forEach((user, date) -> selections.add(select(
                user,
                date,
                contactsDue.getOrDefault(user.id(), List.of()),
                due.getOrDefault(user.id(), List.of()),
                checkInsDue.getOrDefault(user.id(), List.of()),
                yearly.getOrDefault(user.id(), List.of()))));
        Map<Long, Set<Long>> chosen = new HashMap<>();
        for (Selection selection : selections) {
            Set<Long> ids = selection.chosen.stream().map(c -> c.contact.id()).collect(Collectors.toSet());
            if (!ids.isEmpty()) {
                chosen.put(selection.user.id(), ids);
            }
        }
        Map<Long, List<Note>> notes = reads.recentNotes(chosen, ContactContext.RECENT_NOTES);
        Map<Long, Digest> digests = new LinkedHashMap<>();
        for (Selection selection : selections) {
            digests.put(
                    selection.user.id(),
                    selection.digest(contact -> ContactContext.lineFrom(notes.getOrDefault(contact.id(), List.of()))));
        }
        return digests;
    }

    /**
     * Chooses the people: {@code candidates} must hold at least the contacts of {@code dueFollowUps} and every
     * contact whose rhythm has lapsed by {@code date}; other contacts are ignored.
     */
    private static Selection select(
            User user,
            LocalDate date,
            List<Contact> candidates,
            List<FollowUp> dueFollowUps,
            List<Intro> checkIns,
            List<YearlyDue> yearly) {
        Map<Long, Contact> byId = candidates.stream().collect(Collectors.toMap(Contact::id, Function.identity()));
        List<Candidate> found = new ArrayList<>();
        Set<Long> included = new HashSet<>();
        for (FollowUp followUp : dueFollowUps) {
            Contact contact = byId.get(followUp.contactId());
            if (contact != null && included.add(contact.id())) {
                String why = (followUp.dueOn().isBefore(date)
                                ? "Follow-up overdue since " + DateText.ago(followUp.dueOn(), date)
                                : "Follow-up due today")
                        + followUp.reason().map(r -> " — about " + r).orElse("");
                found.add(new Candidate(contact, DigestItem.Kind.FOLLOW_UP, followUp.dueOn(), why, 0));
            }
        }
        for (YearlyDue due : yearly) {
            LocalDate next = due.date().nextOn(date);
            long days = ChronoUnit.DAYS.between(date, next);
            if (days <= Math.max(0, due.daysBefore())
                    && included.add(due.contact().id())) {
                found.add(
                        new Candidate(due.contact(), DigestItem.Kind.YEARLY_DATE, next, yearlyWhy(due, next, date), 0));
            }
        }
        for (Contact contact : candidates) {
            if (contact.rhythmLapsedOn(date) && included.add(contact.id())) {
                LocalDate next = contact.rhythmNext().orElseThrow();
                Cadence cadence = contact.rhythm().orElseThrow();
                double lateness = (double) ChronoUnit.DAYS.between(next, date) / cadence.approximateDays();
                String why = "Keep in touch " + cadence.describe() + " — " + ContactContext.lastContact(contact, date);
                found.add(new Candidate(contact, DigestItem.Kind.RHYTHM, next, why, lateness));
            }
        }
        found.sort(Comparator.comparing((Candidate c) -> c.kind)
                .thenComparing(c -> -c.lateness)
                .thenComparing(c -> c.dueOn)
                .thenComparing(c -> c.contact.name()));
        // Follow-ups first, then intro check-ins ("Did A and B connect?"), then lapsed rhythms; the cap counts all.
        int max = Math.max(1, user.settings().maxItems());
        List<Candidate> followUpsFirst =
                found.stream().filter(c -> c.kind == DigestItem.Kind.FOLLOW_UP).toList();
        List<Candidate> rhythms =
                found.stream().filter(c -> c.kind == DigestItem.Kind.RHYTHM).toList();
        List<Candidate> yearlyDates = found.stream()
                .filter(c -> c.kind == DigestItem.Kind.YEARLY_DATE)
                .toList();
        int room = max;
        List<Candidate> chosen = new ArrayList<>(followUpsFirst.subList(0, Math.min(room, followUpsFirst.size())));
        room -= chosen.size();
        // Yearly dates come on their day (or the chosen days before): after follow-ups, before check-ins.
        List<Candidate> yearlyChosen = yearlyDates.subList(0, Math.min(room, yearlyDates.size()));
        chosen.addAll(yearlyChosen);
        room -= yearlyChosen.size();
        List<Intro> chosenCheckIns = checkIns.subList(0, Math.min(room, checkIns.size()));
        room -= chosenCheckIns.size();
        chosen.addAll(rhythms.subList(0, Math.min(room, rhythms.size())));
        int total = found.size() + checkIns.size();
        return new Selection(
                user, date, chosen, chosenCheckIns, Math.max(0, total - chosen.size() - chosenCheckIns.size()));
    }

    private static String yearlyWhy(YearlyDue due, LocalDate next, LocalDate date) {
        String label = due.date().label();
        String what = Character.toUpperCase(label.charAt(0)) + label.substring(1);
        String when =
                next.equals(date) ? " today" : " " + DateText.ago(next, date) + " (" + DateText.shortDate(next) + ")";
        String years = due.date()
                .year()
                .map(y -> next.getYear() - y)
                .filter(n -> n > 0)
                .map(n -> label.equals("birthday") ? " — turns " + n : " — " + n + (n == 1 ? " year" : " years"))
                .orElse("");
        return what + when + years;
    }

    private record Candidate(Contact contact, DigestItem.Kind kind, LocalDate dueOn, String why, double lateness) {}

    /** The chosen people before their context lines are read. */
    private record Selection(User user, LocalDate date, List<Candidate> chosen, List<Intro> checkIns, int more) {
        Digest digest(Function<Contact, Optional<String>> contextLine) {
            List<DigestItem> items = chosen.stream()
                    .map(c -> new DigestItem(c.contact, c.kind, c.dueOn, c.why, contextLine.apply(c.contact)))
                    .toList();
            return new Digest(
                    user.id(),
                    date,
                    user.settings().zone(),
                    items,
                    checkIns.stream().map(IntroCheckIn::new).toList(),
                    more);
        }
    }
}
