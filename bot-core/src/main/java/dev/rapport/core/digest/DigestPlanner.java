package dev.rapport.core.digest;

import dev.rapport.core.domain.Cadence;
import dev.rapport.core.domain.Contact;
import dev.rapport.core.domain.FollowUp;
import dev.rapport.core.domain.Intro;
import dev.rapport.core.domain.User;
import dev.rapport.core.domain.YearlyDate;
import dev.rapport.core.people.ContactContext;
import dev.rapport.core.port.ContactStore;
import dev.rapport.core.port.DigestReads;
import dev.rapport.core.port.DigestReads.Choice;
import dev.rapport.core.port.DigestReads.Chosen;
import dev.rapport.core.port.DigestReads.Wanted;
import dev.rapport.core.port.DigestReads.YearlyDue;
import dev.rapport.core.port.FollowUpStore;
import dev.rapport.core.time.DateText;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
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
 * user through the stores and chooses here; the scheduler's sweep lets the store choose for hundreds at once in one
 * query ({@link DigestReads#choose}), which a property test holds to this choice on random data in every store, so
 * the digest and {@code /today} agree.
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

    /**
     * Many users' digests, each on its own date, chosen by the store in one read (see {@link DigestReads#choose}):
     * the same choice as {@link #plan}, keyed by user id in the order given.
     */
    public static Map<Long, Digest> planAll(Map<User, LocalDate> dates, DigestReads reads) {
        List<Wanted> wanted = new ArrayList<>(dates.size());
        dates.forEach((user, date) -> wanted.add(
                new Wanted(user.id(), date, Math.max(1, user.settings().maxItems()))));
        Map<Long, Choice> choices = reads.choose(wanted);
        Map<Long, Digest> digests = new LinkedHashMap<>();
        dates.forEach((user, date) -> digests.put(user.id(), digest(user, date, choices.get(user.id()))));
        return digests;
    }

    private static Digest digest(User user, LocalDate date, Choice choice) {
        if (choice == null) {
            return new Digest(user.id(), date, user.settings().zone(), List.of(), List.of(), 0);
        }
        List<DigestItem> items = new ArrayList<>(choice.people().size());
        for (Chosen chosen : choice.people()) {
            Contact contact = chosen.contact();
            Optional<String> context = chosen.context().map(note -> ContactContext.lineOf(note.kind(), note.body()));
            items.add(
                    switch (chosen.reason()) {
                        case FOLLOW_UP ->
                            new DigestItem(
                                    contact,
                                    DigestItem.Kind.FOLLOW_UP,
                                    chosen.dueOn(),
                                    followUpWhy(chosen.dueOn(), chosen.followUpReason(), date),
                                    context);
                        case YEARLY_DATE -> {
                            YearlyDate yearly = chosen.yearlyDate().orElseThrow();
                            yield new DigestItem(
                                    contact,
                                    DigestItem.Kind.YEARLY_DATE,
                                    chosen.dueOn(),
                                    yearlyWhy(yearly, chosen.dueOn(), date),
                                    context);
                        }
                        case RHYTHM ->
                            new DigestItem(
                                    contact, DigestItem.Kind.RHYTHM, chosen.dueOn(), rhythmWhy(contact, date), context);
                    });
        }
        return new Digest(
                user.id(),
                date,
                user.settings().zone(),
                items,
                choice.checkIns().stream().map(IntroCheckIn::new).toList(),
                choice.more());
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
                String why = followUpWhy(followUp.dueOn(), followUp.reason(), date);
                found.add(new Candidate(contact, DigestItem.Kind.FOLLOW_UP, followUp.dueOn(), why, 0));
            }
        }
        for (YearlyDue due : yearly) {
            LocalDate next = due.date().nextOn(date);
            long days = ChronoUnit.DAYS.between(date, next);
            if (days <= Math.max(0, due.daysBefore())
                    && included.add(due.contact().id())) {
                found.add(new Candidate(
                        due.contact(), DigestItem.Kind.YEARLY_DATE, next, yearlyWhy(due.date(), next, date), 0));
            }
        }
        for (Contact contact : candidates) {
            if (contact.rhythmLapsedOn(date) && included.add(contact.id())) {
                LocalDate next = contact.rhythmNext().orElseThrow();
                Cadence cadence = contact.rhythm().orElseThrow();
                double lateness = (double) ChronoUnit.DAYS.between(next, date) / cadence.approximateDays();
                found.add(new Candidate(contact, DigestItem.Kind.RHYTHM, next, rhythmWhy(contact, date), lateness));
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

    private static String followUpWhy(LocalDate dueOn, Optional<String> reason, LocalDate date) {
        return (dueOn.isBefore(date) ? "Follow-up overdue since " + DateText.ago(dueOn, date) : "Follow-up due today")
                + reason.map(r -> " — about " + r).orElse("");
    }

    private static String rhythmWhy(Contact contact, LocalDate date) {
        return "Keep in touch " + contact.rhythm().orElseThrow().describe() + " — "
                + ContactContext.lastContact(contact, date);
    }

    private static String yearlyWhy(YearlyDate yearly, LocalDate next, LocalDate date) {
        String label = yearly.label();
        String what = Character.toUpperCase(label.charAt(0)) + label.substring(1);
        String when =
                next.equals(date) ? " today" : " " + DateText.ago(next, date) + " (" + DateText.shortDate(next) + ")";
        String years = yearly.year()
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
