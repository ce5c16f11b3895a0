package dev.rapport.core.exchange;

import dev.rapport.core.exchange.ImportedPerson.Dated;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a date that comes back every year, as files and people write it: "12 March", "March 12", "12 Mar 1990",
 * "1990-03-12", "--03-12", "--0312". A year before 1900 (Apple writes 1604 for "no year") counts as unknown.
 */
public final class YearlyDates {
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ].*)?");
    private static final Pattern NO_YEAR = Pattern.compile("--(\\d{2})-?(\\d{2})");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern DAY_MONTH =
            Pattern.compile("(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?([a-z]{3,9})\\.?,?(?:\\s+(\\d{4}))?");
    private static final Pattern MONTH_DAY =
            Pattern.compile("([a-z]{3,9})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?");

    private YearlyDates() {}

    public static Optional<Dated> read(String label, String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            Matcher m = ISO.matcher(t);
            if (m.matches()) {
                return of(label, int0(m.group(2)), int0(m.group(3)), m.group(1));
            }
            m = NO_YEAR.matcher(t);
            if (m.matches()) {
                return of(label, int0(m.group(1)), int0(m.group(2)), null);
            }
            m = COMPACT.matcher(t);
            if (m.matches()) {
                return of(label, int0(m.group(2)), int0(m.group(3)), m.group(1));
            }
            Matcher dm = DAY_MONTH.matcher(t);
            if (dm.matches()) {
                return month(dm.group(2)).flatMap(month -> of(label, month, int0(dm.group(1)), dm.group(3)));
            }
            Matcher md = MONTH_DAY.matcher(t);
            if (md.matches()) {
                return month(md.group(1)).flatMap(month -> of(label, month, int0(md.group(2)), md.group(3)));
            }
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** A full date ("12 Mar 2021", "2021-03-12"), when the text has a year. */
    public static Optional<LocalDate> fullDate(String text) {
        return read("", text)
                .filter(d -> d.year().isPresent())
                .map(d -> d.day().atYear(d.year().get()));
    }

    private static Optional<Dated> of(String label, int month, int day, String year) {
        MonthDay monthDay = MonthDay.of(month, day);
        Optional<Integer> known =
                Optional.ofNullable(year).map(Integer::parseInt).filter(y -> y >= 1900);
        if (known.isPresent() && !monthDay.isValidYear(known.get())) {
            return Optional.empty();
        }
        return Optional.of(new Dated(label, monthDay, known));
    }

    private static Optional<Integer> month(String word) {
        for (Month month : Month.values()) {
            String name = month.name().toLowerCase(Locale.ROOT);
            if (word.length() >= 3 && name.startsWith(word)) {
                return Optional.of(month.getValue());
            }
        }
        return word.equals("sept") ? Optional.of(9) : Optional.empty();
    }

    private static int int0(String digits) {
        return Integer.parseInt(digits);
    }
}
