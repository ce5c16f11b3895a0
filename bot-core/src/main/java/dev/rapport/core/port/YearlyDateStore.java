package dev.rapport.core.port;

import dev.rapport.core.domain.YearlyDate;
import java.util.List;

/** Yearly dates on contacts (birthdays, anniversaries). Every method is scoped by the owner's id. */
public interface YearlyDateStore {
    /** Stores the date, replacing the contact's date of the same label; returns it with its id. */
    YearlyDate put(YearlyDate date);

    /** Stores many dates at once (an import), as {@link #put} one by one would. */
    default void putAll(List<YearlyDate> dates) {
        dates.forEach(this::put);
    }

    List<YearlyDate> forContact(long ownerId, long contactId);

    /** Every yearly date of the owner's contacts, by contact then label. */
    List<YearlyDate> all(long ownerId);

    /** How many days before a yearly date the digest mentions it too (0: on the day only). */
    int daysBefore(long ownerId);

    void setDaysBefore(long ownerId, int days);
}
