package dev.rapport.core.time;

import static java.time.temporal.ChronoUnit.DAYS;
import static java.time.temporal.ChronoUnit.MONTHS;
import static java.time.temporal.ChronoUnit.WEEKS;
import static java.time.temporal.ChronoUnit.YEARS;
import static java.util.Map.entry;

import dev.rapport.core.domain.Cadence;
import java.math.BigInteger;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Reads the small English grammar of follow-up moments ("tomorrow", "1 Dec", "every 3 weeks") against a given today. */
public final class TimePhrases {

    /** A time phrase at the start of a longer text: what it means, its words as typed, and the text after it. */
    public record Leading(When when, String phrase, String rest) {
        public Leading {
            Objects.requireNonNull(when, "when");
            Objects.requireNonNull(phrase, "phrase");
            Objects.requireNonNull(rest, "rest");
        }
    }

    private static final List<String> EXAMPLES =
            List.of("tomorrow", "in 3 days", "next friday", "1 Dec", "2026-12-01", "every 3 weeks");

    // The longest form, "1st of December 2027", has four words; one spare costs nothing.
    private static final int MAX_PHRASE_WORDS = 5;
    private static final int MAX_YEARS_AHEAD = 10;
    private static final int MAX_SHOWN_CHARACTERS = 40;

    // Unicode-aware, so a non-breaking space pasted from a chat client separates words too.
    private static final Pattern SEPARATORS = Pattern.compile("(?U)[\\s,]+");
    private static final Pattern EDGES = Pattern.compile("(?U)^[\\s,]+|[\\s,]+$");
    private static final Pattern WORD = Pattern.compile("(?U)[^\\s,]+");
    private static final Pattern SPACES = Pattern.compile("(?U)\\s+");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");

    private static final Map<String, Integer> NUMBER_WORDS = Map.ofEntries(
            entry("a", 1),
            entry("an", 1),
            entry("one", 1),
            entry("two", 2),
            entry("three", 3),
            entry("four", 4),
            entry("five", 5),
            entry("six", 6),
            entry("seven", 7),
            entry("eight", 8),
            entry("nine", 9),
            entry("ten", 10),
            entry("eleven", 11),
            entry("twelve", 12));
    private static final Map<String, ChronoUnit> UNITS =
            Map.of("day", DAYS, "week", WEEKS, "month", MONTHS, "year", YEARS);
    private static final Map<String, Cadence> RHYTHM_WORDS = Map.of(
            "daily", Cadence.every(1, DAYS),
            "weekly", Cadence.every(1, WEEKS),
            "biweekly", Cadence.every(2, WEEKS),
            "fortnightly", Cadence.every(2, WEEKS),
            "monthly", Cadence.every(1, MONTHS),
            "quarterly", Cadence.every(3, MONTHS),
            "yearly", Cadence.every(1, YEARS),
            "annually", Cadence.every(1, YEARS));

    private static final String NUMBER = "([0-9]+|" + String.join("|", NUMBER_WORDS.keySet()) + ")";
    private static final String UNIT = "(" + String.join("|", UNITS.keySet()) + ")";
    private static final String WEEKDAY = alternatives(Stream.concat(
            Arrays.stream(DayOfWeek.values()).map(TimePhrases::lowerName), Stream.of("tues", "thur", "thurs")));
    private static final Pattern WEEKDAY_WORD = Pattern.compile(WEEKDAY);
    private static final String MONTH =
            alternatives(Stream.concat(Arrays.stream(Month.values()).map(TimePhrases::lowerName), Stream.of("sept")));
    private static final String DAY = "([0-9]{1,2})(?:st|nd|rd|th)?";
    private static final String RHYTHM = "(" + String.join("|", RHYTHM_WORDS.keySet()) + ")";

    private record Rule(Pattern pattern, BiFunction<Matcher, LocalDate, Parse> read) {}

    // Tried in order against the whole normalised phrase; the first whole match decides.
    private static final List<Rule> RULES = List.of(
            rule("today", (m, today) -> on(today)),
            rule("tomorrow", (m, today) -> on(today.plusDays(1))),
            rule("in <number> <unit>s?", (m, today) -> in(amount(m.group(1)), UNITS.get(m.group(2)), today)),
            rule("in <number> (?:hour|minute)s?", (m, today) -> refuse("Follow-ups go by the day, not the hour.")),
            rule("yesterday", (m, today) -> refuse("Yesterday is in the past; follow-ups look ahead.")),
            rule(
                    "last (?:week|month|year|<weekday>)",
                    (m, today) -> refuse("That is in the past; follow-ups look ahead.")),
            rule("in (?:a|one) fortnight", (m, today) -> on(today.plusWeeks(2))),
            rule("in <number> fortnights", (m, today) -> in(amount(m.group(1)), WEEKS, today, 2)),
            // A week starts on Monday; "this week" is what is left of it, so it starts today.
            rule("this week", (m, today) -> on(today)),
            rule("next week", (m, today) -> on(nextWeekMonday(today))),
            rule(
                    "(?:the )?end of (?:the |this )?month",
                    (m, today) -> on(today.with(TemporalAdjusters.lastDayOfMonth()))),
            rule("next month", (m, today) -> on(today.plusMonths(1).withDayOfMonth(1))),
            // "friday" and "this friday": the coming one, today excluded. "next friday": the Friday of next week.
            rule("(?:this |on )?<weekday>", (m, today) -> on(today.with(TemporalAdjusters.next(weekday(m.group(1)))))),
            rule("next <weekday>", (m, today) -> on(nextWeekMonday(today).with(weekday(m.group(1))))),
            rule("this weekend", (m, today) -> on(weekend(today))),
            rule("([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})", TimePhrases::iso),
            rule(
                    "(?:on )?<day> (?:of )?<month>(?: ([0-9]{4}))?",
                    (m, today) -> dayOfMonth(m.group(1), m.group(2), m.group(3), today)),
            rule(
                    "(?:on )?<month> <day>(?: ([0-9]{4}))?",
                    (m, today) -> dayOfMonth(m.group(2), m.group(1), m.group(3), today)),
            rule("[0-9]{1,4}[/.-][0-9]{1,2}(?:[/.-][0-9]{1,4})?", (m, today) -> ambiguous(m.group())),
            rule("every <unit>", (m, today) -> every(1, UNITS.get(m.group(1)))),
            rule("every <number> <unit>s?", (m, today) -> every(amount(m.group(1)), UNITS.get(m.group(2)))),
            rule("every other <unit>", (m, today) -> every(2, UNITS.get(m.group(1)))),
            rule("every <weekday>", (m, today) -> every(Cadence.weekly(weekday(m.group(1))))),
            rule("<rhythm>", (m, today) -> every(RHYTHM_WORDS.get(m.group(1)))));

    private TimePhrases() {}

    /** Reads the whole text as one time phrase; never throws for any text, null included. */
    public static Parse parse(String text, LocalDate today) {
        Objects.requireNonNull(today, "today");
        String phrase = text == null ? "" : normalise(text);
        if (phrase.isEmpty()) {
            return refuse("Tell me when.");
        }
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(phrase);
            if (m.matches()) {
                return rule.read().apply(m, today);
            }
        }
        return refuse("I couldn't read “" + shown(text) + "” as a date.");
    }

    /**
     * The longest run of leading words that is a time phrase, and the rest of the text, as in
     * "next friday travelling until May". Empty when the text does not start with a time phrase.
     */
    public static Optional<Leading> parseLeading(String text, LocalDate today) {
        Objects.requireNonNull(today, "today");
        if (text == null) {
            return Optional.empty();
        }
        List<MatchResult> words =
                WORD.matcher(text).results().limit(MAX_PHRASE_WORDS).toList();
        Optional<Leading> longest = Optional.empty();
        // Shortest first, stopping once no rule could match a longer run: a phrase of more words is this one, a
        // space and more, so a rule that failed here before the end of the input fails on every longer run too.
        // Most words of a note start no phrase at all, and cost one look at each rule.
        for (int count = 1; count <= words.size(); count++) {
            int end = words.get(count - 1).end();
            String phrase = text.substring(words.get(0).start(), end);
            String normalised = normalise(phrase);
            boolean longerMayMatch = false;
            Parse read = null;
            for (Rule rule : RULES) {
                Matcher m = rule.pattern().matcher(normalised);
                // Every rule runs, for its hitEnd; the first that matches decides, as in parse.
                if (m.matches() && read == null) {
                    read = rule.read().apply(m, today);
                }
                longerMayMatch |= m.hitEnd();
            }
            if (read instanceof Parse.Ok ok) {
                String rest = EDGES.matcher(text.substring(end)).replaceAll("");
                longest = Optional.of(new Leading(ok.when(), phrase, rest));
            }
            if (!longerMayMatch) {
                break;
            }
        }
        return longest;
    }

    /** Short examples of phrases, for error messages and help. */
    public static List<String> examples() {
        return EXAMPLES;
    }

    private static Rule rule(String template, BiFunction<Matcher, LocalDate, Parse> read) {
        String regex = template.replace("<number>", NUMBER)
                .replace("<unit>", UNIT)
                .replace("<weekday>", WEEKDAY)
                .replace("<month>", MONTH)
                .replace("<day>", DAY)
                .replace("<rhythm>", RHYTHM);
        return new Rule(Pattern.compile(regex), read);
    }

    private static Parse in(int amount, ChronoUnit unit, LocalDate today) {
        return refuseAmount(amount, unit).orElseGet(() -> on(today.plus(amount, unit)));
    }

    private static Parse in(int amount, ChronoUnit unit, LocalDate today, int factor) {
        return in((int) Math.min(Integer.MAX_VALUE, (long) amount * factor), unit, today);
    }

    private static LocalDate nextWeekMonday(LocalDate today) {
        return today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    }

    private static Parse every(int amount, ChronoUnit unit) {
        return refuseAmount(amount, unit).orElseGet(() -> every(Cadence.every(amount, unit)));
    }

    private static Optional<Parse> refuseAmount(int amount, ChronoUnit unit) {
        if (amount < 1) {
            return Optional.of(refuse("The number has to be at least 1."));
        }
        // Rhythms and "in N ..." share one reach, so an absurd number is refused before any date arithmetic.
        return Cadence.allows(amount, unit) ? Optional.empty() : Optional.of(tooFar());
    }

    private static Parse iso(Matcher m, LocalDate today) {
        int year = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        int day = Integer.parseInt(m.group(3));
        boolean real = month >= 1
                && month <= 12
                && day >= 1
                && day <= YearMonth.of(year, month).lengthOfMonth();
        return real ? dated(LocalDate.of(year, month, day), today) : refuse(m.group() + " isn't a real date.");
    }

    private static Parse dayOfMonth(String dayText, String monthText, String yearText, LocalDate today) {
        int day = Integer.parseInt(dayText);
        Month month = month(monthText);
        String name = day + " " + month.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
        if (day < 1 || day > month.maxLength()) {
            return refuse(name + " isn't a real date.");
        }
        MonthDay monthDay = MonthDay.of(month, day);
        if (yearText != null) {
            int year = Integer.parseInt(yearText);
            return monthDay.isValidYear(year)
                    ? dated(monthDay.atYear(year), today)
                    : refuse(name + " " + year + " isn't a real date.");
        }
        // Without a year: the next such date from today on; 29 Feb may be a few years away.
        int year = today.getYear();
        while (!monthDay.isValidYear(year) || monthDay.atYear(year).isBefore(today)) {
            year++;
        }
        return on(monthDay.atYear(year));
    }

    private static Parse dated(LocalDate date, LocalDate today) {
        if (date.isBefore(today)) {
            return refuse("That date is in the past: " + DateText.date(date, today) + ".");
        }
        return date.isAfter(today.plusYears(MAX_YEARS_AHEAD)) ? tooFar() : on(date);
    }

    private static Parse ambiguous(String numbers) {
        return new Parse.Error("“" + numbers
                + "” is ambiguous: day/month or month/day? Write the month as a word, like 1 Dec, or use 2026-12-01.");
    }

    private static LocalDate weekend(LocalDate today) {
        DayOfWeek day = today.getDayOfWeek();
        boolean isWeekend = day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
        return isWeekend ? today : today.with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
    }

    private static Parse on(LocalDate date) {
        return new Parse.Ok(new When.On(date));
    }

    private static Parse every(Cadence cadence) {
        return new Parse.Ok(new When.Every(cadence));
    }

    private static Parse tooFar() {
        return refuse("That's too far ahead; I plan up to " + MAX_YEARS_AHEAD + " years out.");
    }

    private static Parse refuse(String reason) {
        return new Parse.Error(reason + " Try: " + String.join(", ", EXAMPLES) + ".");
    }

    private static int amount(String word) {
        Integer named = NUMBER_WORDS.get(word);
        if (named != null) {
            return named;
        }
        // Any run of digits is accepted here, so clamp rather than overflow; the range check refuses it.
        return new BigInteger(word).min(BigInteger.valueOf(Integer.MAX_VALUE)).intValue();
    }

    /** The day a weekday word names ("fri", "Thurs", "monday"), as the phrases read it; empty for any other word. */
    static Optional<DayOfWeek> weekdayNamed(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return WEEKDAY_WORD.matcher(lower).matches() ? Optional.of(weekday(lower)) : Optional.empty();
    }

    private static DayOfWeek weekday(String word) {
        return Arrays.stream(DayOfWeek.values())
                .filter(day -> lowerName(day).startsWith(word))
                .findFirst()
                .orElseThrow();
    }

    private static Month month(String word) {
        return Arrays.stream(Month.values())
                .filter(month -> lowerName(month).startsWith(word))
                .findFirst()
                .orElseThrow();
    }

    private static String normalise(String text) {
        String trimmed = EDGES.matcher(text).replaceAll("");
        return SEPARATORS.matcher(trimmed).replaceAll(" ").toLowerCase(Locale.ROOT);
    }

    /** The user's text as it may be echoed in one line: spaces collapsed, control characters dropped, cut short. */
    static String shown(String text) {
        String line =
                CONTROL.matcher(SPACES.matcher(text).replaceAll(" ").strip()).replaceAll("");
        if (line.codePointCount(0, line.length()) <= MAX_SHOWN_CHARACTERS) {
            return line;
        }
        return line.substring(0, line.offsetByCodePoints(0, MAX_SHOWN_CHARACTERS)) + "…";
    }

    private static String lowerName(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** A regex group of the given words and their three-letter abbreviations. */
    private static String alternatives(Stream<String> words) {
        return words.flatMap(word -> Stream.of(word, word.substring(0, 3)))
                .distinct()
                .sorted(Comparator.comparing(String::length).reversed())
                .collect(Collectors.joining("|", "(", ")"));
    }
}
