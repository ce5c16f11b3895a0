package dev.rapport.core.time;

import dev.rapport.core.domain.DigestDays;
import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads which days of the week something happens: "weekdays", "weekends", "every day", "mon,wed,fri", "tue-thu". */
public final class WeekDays {

    /** The forms, for error messages, help and option descriptions. */
    public static final String EXAMPLES = "weekdays, weekends, every day, or days like mon,wed,fri";

    private static final Map<String, DigestDays> WORDS = Map.ofEntries(
            Map.entry("every day", DigestDays.EVERYDAY),
            Map.entry("everyday", DigestDays.EVERYDAY),
            Map.entry("daily", DigestDays.EVERYDAY),
            Map.entry("all days", DigestDays.EVERYDAY),
            Map.entry("all week", DigestDays.EVERYDAY),
            Map.entry("weekdays", DigestDays.WEEKDAYS),
            Map.entry("week days", DigestDays.WEEKDAYS),
            Map.entry("workdays", DigestDays.WEEKDAYS),
            Map.entry("working days", DigestDays.WEEKDAYS),
            Map.entry("weekends", DigestDays.WEEKENDS),
            Map.entry("weekend", DigestDays.WEEKENDS));
    private static final Pattern EVERY = Pattern.compile("^(?:every|on)\\s+");
    private static final Pattern AND = Pattern.compile("(?U)\\s+and\\s+");
    private static final Pattern TO = Pattern.compile("(?U)\\s*(?:[\\-–]|\\bto\\b|\\bthrough\\b|\\bthru\\b)\\s*");
    private static final Pattern PARTS = Pattern.compile("(?U)[\\s,;/&+]+");
    private static final Pattern RANGE = Pattern.compile("([^\\-–]+)\\s*[\\-–]\\s*([^\\-–]+)");
    private static final Pattern SPACES = Pattern.compile("(?U)\\s+");

    private WeekDays() {}

    /** Reads the whole text as a set of days; never throws for any text, null included. */
    public static Reading<DigestDays> read(String text) {
        String typed = text == null ? "" : SPACES.matcher(text).replaceAll(" ").strip();
        String lower = typed.toLowerCase(Locale.ROOT).replaceAll("[.!]+$", "");
        if (lower.isEmpty()) {
            return refuse("Which days?");
        }
        DigestDays named = WORDS.get(lower);
        if (named != null) {
            return new Reading.Ok<>(named);
        }
        String list = EVERY.matcher(lower).replaceFirst("");
        list = TO.matcher(AND.matcher(list).replaceAll(",")).replaceAll("-");
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : PARTS.split(list)) {
            if (part.isEmpty()) {
                continue;
            }
            Optional<EnumSet<DayOfWeek>> read = part(part);
            if (read.isEmpty()) {
                return refuse("I couldn't read “" + TimePhrases.shown(part) + "” as a day of the week.");
            }
            days.addAll(read.get());
        }
        return days.isEmpty() ? refuse("Which days?") : new Reading.Ok<>(DigestDays.of(days));
    }

    /** One day ("fri", "fridays") or a run of days ("mon-fri", "fri-mon" wraps over the weekend). */
    private static Optional<EnumSet<DayOfWeek>> part(String part) {
        Matcher range = RANGE.matcher(part);
        if (range.matches()) {
            Optional<DayOfWeek> from = day(range.group(1));
            Optional<DayOfWeek> to = day(range.group(2));
            if (from.isEmpty() || to.isEmpty()) {
                return Optional.empty();
            }
            EnumSet<DayOfWeek> run = EnumSet.of(from.get());
            for (DayOfWeek d = from.get(); d != to.get(); d = d.plus(1)) {
                run.add(d.plus(1));
            }
            return Optional.of(run);
        }
        return day(part).map(EnumSet::of);
    }

    private static Optional<DayOfWeek> day(String word) {
        return TimePhrases.weekdayNamed(word)
                .or(() -> word.endsWith("s")
                        ? TimePhrases.weekdayNamed(word.substring(0, word.length() - 1))
                        : Optional.empty());
    }

    private static Reading<DigestDays> refuse(String reason) {
        return new Reading.Error<>(reason + " Digest days are " + EXAMPLES + ".");
    }
}
