package dev.rapport.core.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A keep-in-touch rhythm: every N days, weeks, months or years, or every given weekday. */
public final class Cadence {

    private static final Pattern CODE = Pattern.compile("P([0-9]{1,9})([DWMY])");

    private final int amount;
    private final Unit unit;
    private final DayOfWeek weekday; // null unless this is the "every Friday" form

    private Cadence(int amount, Unit unit, DayOfWeek weekday) {
        this.amount = amount;
        this.unit = unit;
        this.weekday = weekday;
    }

    /** Every {@code amount} days, weeks, months or years; at most ten years apart. */
    public static Cadence every(int amount, ChronoUnit unit) {
        Objects.requireNonNull(unit, "unit");
        Unit step = Unit.of(unit)
                .orElseThrow(() ->
                        new IllegalArgumentException("A rhythm counts days, weeks, months or years, not " + unit));
        if (!step.allows(amount)) {
            throw new IllegalArgumentException("A rhythm of every " + amount + " " + unit + " is out of range");
        }
        return new Cadence(amount, step, null);
    }

    /** Every given weekday, such as every Friday. */
    public static Cadence weekly(DayOfWeek day) {
        return new Cadence(1, Unit.WEEK, Objects.requireNonNull(day, "day"));
    }

    /** Whether {@link #every} accepts this amount: a rhythm spans at most ten years, so absurd numbers are refused. */
    public static boolean allows(int amount, ChronoUnit unit) {
        return Unit.of(unit).map(step -> step.allows(amount)).orElse(false);
    }

    /** The first date of this rhythm strictly after {@code from}; months and years clamp to the month's end. */
    public LocalDate next(LocalDate from) {
        return weekday != null ? from.with(TemporalAdjusters.next(weekday)) : from.plus(amount, unit.chrono);
    }

    /** "every day", "every 3 weeks", "every Friday". */
    public String describe() {
        if (weekday != null) {
            return "every " + weekday.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        }
        String noun = unit.name().toLowerCase(Locale.ROOT);
        return amount == 1 ? "every " + noun : "every " + amount + " " + noun + "s";
    }

    /** The stable storage form: "P3W" (ISO-8601 period style, weeks kept as weeks) or a weekday such as "FRIDAY". */
    public String code() {
        return weekday != null ? weekday.name() : "P" + amount + unit.letter;
    }

    /** Reads {@link #code()} back; empty for anything that is not a valid code. */
    public static Optional<Cadence> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        // Stored codes are few ("P2W", "P1M", "FRIDAY"); the digest sweep reads millions of them.
        return PARSED.computeIfAbsent(code, Cadence::parseCode);
    }

    private static final java.util.Map<String, Optional<Cadence>> PARSED =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static Optional<Cadence> parseCode(String code) {
        String upper = code.strip().toUpperCase(Locale.ROOT);
        Optional<DayOfWeek> day = Arrays.stream(DayOfWeek.values())
                .filter(d -> d.name().equals(upper))
                .findFirst();
        if (day.isPresent()) {
            return day.map(Cadence::weekly);
        }
        Matcher m = CODE.matcher(upper);
        if (!m.matches()) {
            return Optional.empty();
        }
        int amount = Integer.parseInt(m.group(1));
        Unit step = Unit.ofLetter(m.group(2));
        return step.allows(amount) ? Optional.of(new Cadence(amount, step, null)) : Optional.empty();
    }

    /** Rough length in days, for ranking how overdue rhythms of different lengths are. */
    public long approximateDays() {
        return (long) amount * unit.days;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cadence that
                && amount == that.amount
                && unit == that.unit
                && Objects.equals(weekday, that.weekday);
    }

    @Override
    public int hashCode() {
        return Objects.hash(amount, unit, weekday);
    }

    @Override
    public String toString() {
        return "Cadence[" + code() + "]";
    }

    private enum Unit {
        DAY(ChronoUnit.DAYS, "D", 1, 3650),
        WEEK(ChronoUnit.WEEKS, "W", 7, 520),
        MONTH(ChronoUnit.MONTHS, "M", 30, 120),
        YEAR(ChronoUnit.YEARS, "Y", 365, 10);

        final ChronoUnit chrono;
        final String letter;
        final int days;
        final int max;

        Unit(ChronoUnit chrono, String letter, int days, int max) {
            this.chrono = chrono;
            this.letter = letter;
            this.days = days;
            this.max = max;
        }

        boolean allows(int amount) {
            return amount >= 1 && amount <= max;
        }

        static Optional<Unit> of(ChronoUnit chrono) {
            return Arrays.stream(values()).filter(u -> u.chrono == chrono).findFirst();
        }

        static Unit ofLetter(String letter) {
            return Arrays.stream(values())
                    .filter(u -> u.letter.equals(letter))
                    .findFirst()
                    .orElseThrow();
        }
    }
}
