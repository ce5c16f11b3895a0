package dev.rapport.core.domain;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Optional;

/** A date that comes back every year on a contact ("birthday: 12 March"), with its year when known. */
public record YearlyDate(long id, long ownerId, long contactId, String label, MonthDay day, Optional<Integer> year) {

    public static YearlyDate of(long ownerId, long contactId, String label, MonthDay day, Optional<Integer> year) {
        return new YearlyDate(0, ownerId, contactId, label, day, year);
    }

    public YearlyDate withId(long newId) {
        return new YearlyDate(newId, ownerId, contactId, label, day, year);
    }

    /** The first day on or after {@code from} that this date falls on (29 February falls on 28 February otherwise). */
    public LocalDate nextOn(LocalDate from) {
        LocalDate thisYear = day.atYear(from.getYear());
        return thisYear.isBefore(from) ? day.atYear(from.getYear() + 1) : thisYear;
    }

    /** How it reads: "birthday, 12 March" or "birthday, 12 March 1990". */
    public String describe() {
        String date = day.getDayOfMonth() + " "
                + day.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH);
        return label + ", " + date + year.map(y -> " " + y).orElse("");
    }
}
