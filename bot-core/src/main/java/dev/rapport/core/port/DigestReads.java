package dev.rapport.core.port;

import dev.rapport.core.domain.Contact;
import dev.rapport.core.domain.FollowUp;
import dev.rapport.core.domain.Intro;
import dev.rapport.core.domain.Note;
import dev.rapport.core.domain.YearlyDate;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the digest planner reads, for many users in a few queries: the scheduler's sweep plans hundreds of digests at
 * a time. Each answer is what the per-user stores would give for the same owner, scoped by owner.
 */
public interface DigestReads {

    /** For each owner: the open follow-ups due on or before that owner's date, oldest due first. */
    Map<Long, List<FollowUp>> openFollowUpsDue(Map<Long, LocalDate> dateByOwner);

    /** For each owner: the contacts with an open follow-up due, or a rhythm lapsed, by that owner's date. */
    Map<Long, List<Contact>> contactsDue(Map<Long, LocalDate> dateByOwner);

    /** For each introducer: their open intro check-ins due on or before that owner's date, oldest first. */
    Map<Long, List<Intro>> introCheckInsDue(Map<Long, LocalDate> dateByOwner);

    /** For each contact named (by owner): its newest notes, newest first, at most {@code limit}. */
    Map<Long, List<Note>> recentNotes(Map<Long, Set<Long>> contactIdsByOwner, int limit);

    /**
     * For each owner: every yearly date of their contacts with the contact, and how many days before it the owner
     * wants it mentioned; the planner picks those falling in that window from the owner's date.
     */
    Map<Long, List<YearlyDue>> yearlyDates(Set<Long> owners);

    /** A yearly date with its contact and the owner's lead days. */
    record YearlyDue(Contact contact, YearlyDate date, int daysBefore) {}
}
