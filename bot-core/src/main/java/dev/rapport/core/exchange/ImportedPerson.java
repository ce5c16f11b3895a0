package dev.rapport.core.exchange;

import java.time.MonthDay;
import java.util.List;
import java.util.Optional;

/** One person as read from a contacts file, before it is compared with the user's list. */
public record ImportedPerson(
        int line,
        String name,
        Optional<String> platformUserId,
        List<String> emails,
        Optional<String> howMet,
        List<String> notes,
        List<Dated> dates) {

    public ImportedPerson {
        emails = List.copyOf(emails);
        notes = List.copyOf(notes);
        dates = List.copyOf(dates);
    }

    /** A yearly date read from the file ("birthday", 12 March, year if given). */
    public record Dated(String label, MonthDay day, Optional<Integer> year) {}
}
