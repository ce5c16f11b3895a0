package dev.rapport.core.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** On which days of the week a user receives the digest: every day, weekdays, weekends, or any chosen days. */
public record DigestDays(Set<DayOfWeek> days) {
    public static final DigestDays EVERYDAY = new DigestDays(EnumSet.allOf(DayOfWeek.class));
    public static final DigestDays WEEKDAYS = new DigestDays(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
    public static final DigestDays WEEKENDS = new DigestDays(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));

    // The two stored codes older databases hold; every other set is stored as its days, "MON,WED,FRI".
    private static final String EVERYDAY_CODE = "EVERYDAY";
    private static final String WEEKDAYS_CODE = "WEEKDAYS";

    public DigestDays {
        if (days.isEmpty()) {
            throw new IllegalArgumentException("a digest needs at least one day");
        }
        days = Set.copyOf(EnumSet.copyOf(days));
    }

    public static DigestDays of(Collection<DayOfWeek> days) {
        return new DigestDays(EnumSet.copyOf(days));
    }

    public boolean includes(LocalDate date) {
        return days.contains(date.getDayOfWeek());
    }

    /** "every day", "weekdays", "weekends", "Mon, Wed and Fri". */
    public String describe() {
        if (equals(EVERYDAY)) {
            return "every day";
        }
        if (equals(WEEKDAYS)) {
            return "weekdays";
        }
        if (equals(WEEKENDS)) {
            return "weekends";
        }
        List<String> names = inOrder().stream()
                .map(day -> day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH))
                .toList();
        return names.size() == 1
                ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    /** How the set is stored: "EVERYDAY", "WEEKDAYS", or the days in week order, "MON,WED,FRI". */
    public String code() {
        if (equals(EVERYDAY)) {
            return EVERYDAY_CODE;
        }
        if (equals(WEEKDAYS)) {
            return WEEKDAYS_CODE;
        }
        return inOrder().stream().map(day -> day.name().substring(0, 3)).collect(Collectors.joining(","));
    }

    /** The set a stored {@link #code()} stands for; empty for anything {@code code()} does not write. */
    public static Optional<DigestDays> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        if (EVERYDAY_CODE.equals(code)) {
            return Optional.of(EVERYDAY);
        }
        if (WEEKDAYS_CODE.equals(code)) {
            return Optional.of(WEEKDAYS);
        }
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : code.split(",", -1)) {
            Optional<DayOfWeek> day = Arrays.stream(DayOfWeek.values())
                    .filter(d -> d.name().substring(0, 3).equals(part))
                    .findFirst();
            if (day.isEmpty()) {
                return Optional.empty();
            }
            days.add(day.get());
        }
        DigestDays read = new DigestDays(days);
        return read.code().equals(code) ? Optional.of(read) : Optional.empty();
    }

    /** Every stored code whose days include {@code date}'s day of the week, so a store can select by code. */
    public static List<String> codesIncluding(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        List<String> codes = new ArrayList<>();
        int all = 1 << DayOfWeek.values().length;
        for (int mask = 1; mask < all; mask++) {
            EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            for (DayOfWeek d : DayOfWeek.values()) {
                if ((mask & (1 << d.ordinal())) != 0) {
                    days.add(d);
                }
            }
            if (days.contains(day)) {
                codes.add(new DigestDays(days).code());
            }
        }
        return codes;
    }

    private List<DayOfWeek> inOrder() {
        return EnumSet.copyOf(days).stream().toList();
    }
}
