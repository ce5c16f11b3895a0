package dev.rapport.core.port;

import dev.rapport.core.domain.Contact;
import dev.rapport.core.domain.Intro;
import dev.rapport.core.domain.NoteKind;
import dev.rapport.core.domain.YearlyDate;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the digest planner reads, for many users in one query: the scheduler's sweep plans hundreds of digests at a
 * time. Each answer is what the per-user stores would give for the same owner, scoped by owner.
 */
public interface DigestReads {

    /**
     * For each owner asked about: the digest's choice on that owner's date, made by the store in digest order —
     * open follow-ups due (oldest due first, then by name), yearly dates in their window (soonest first, then by
     * name), open intro check-ins due (oldest first), lapsed rhythms (most overdue for their cadence first, then
     * longest due, then by name), each contact once in its first place — the first {@code max} of them with their
     * context, and how many more there are. Owners with nothing due are left out.
     */
    Map<Long, Choice> choose(List<Wanted> wanted);

    /**
     * For each owner: every yearly date of their contacts with the contact, and how many days before it the owner
     * wants it mentioned; the planner picks those falling in that window from the owner's date.
     */
    Map<Long, List<YearlyDue>> yearlyDates(Set<Long> owners);

    /** A yearly date with its contact and the owner's lead days. */
    record YearlyDue(Contact contact, YearlyDate date, int daysBefore) {}

    /** One owner's digest to choose: their local date and how many items it may show (at least one). */
    record Wanted(long ownerId, LocalDate date, int max) {}

    /** What one owner's digest shows, in digest order, and how many due items are left out. */
    record Choice(List<Chosen> people, List<Intro> checkIns, int more) {
        public Choice {
            people = List.copyOf(people);
            checkIns = List.copyOf(checkIns);
        }
    }

    /** Why a person is in the digest, in digest order (intro check-ins come between yearly dates and rhythms). */
    enum Reason {
        FOLLOW_UP,
        YEARLY_DATE,
        RHYTHM
    }

    /**
     * A person chosen: why, since when (the follow-up's due date, the yearly date's next day, the rhythm's lapse),
     * the follow-up's reason or the yearly date when that is why, and the note their context line comes from.
     */
    record Chosen(
            Contact contact,
            Reason reason,
            LocalDate dueOn,
            Optional<String> followUpReason,
            Optional<YearlyDate> yearlyDate,
            Optional<ContextNote> context) {}

    /**
     * The note a context line is made of: among the contact's newest notes, the newest open question, else the newest
     * note the user wrote (not a question), else the newest note Rapport kept.
     */
    record ContextNote(NoteKind kind, String body) {}
}
