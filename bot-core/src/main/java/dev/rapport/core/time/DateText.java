package dev.rapport.core.time;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** Human text for dates relative to today: "Fri 4 Dec 2026 (in 9 days)", "23 days ago". */
public final class DateText {

    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("EEE d MMM uuuu", Locale.ENGLISH);

    private DateText() {}

    /** "Fri 4 Dec 2026 (in 9 days)", "Wed 25 Nov 2026 (today)", "Tue 24 Nov 2026 (yesterday)". */
    public static String date(LocalDate date, LocalDate today) {
        return fullDate(date) + " (" + ago(date, today) + ")";
    }

    /** "today", "yesterday", "3 days ago"; for a future date "tomorrow", "in 2 days". */
    public static String ago(LocalDate date, LocalDate today) {
        long days = ChronoUnit.DAYS.between(date, today);
        if (days == 0) {
            return "today";
        }
        if (days == 1) {
            return "yesterday";
        }
        if (days == -1) {
            return "tomorrow";
        }
        return days > 0 ? days + " days ago" : "in " + -days + " days";
    }

    /** "Fri 4 Dec 2026": the date alone, without how far it is from today. */
    public static String fullDate(LocalDate date) {
        return FULL.format(date);
    }

    /** "Fri 4 Dec", without the year. */
    public static String shortDate(LocalDate date) {
        return SHORT.format(date);
    }
}
