package dev.rapport.core.time;

import dev.rapport.core.domain.Names;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads a time zone as people name it: an IANA name in any case ("europe/berlin"), the city a zone is named after
 * ("Berlin", "new york", "São Paulo"), or UTC/GMT. An abbreviation ("EST", "CET") or an offset ("+02:00", "UTC+2")
 * names no place, and places move their clocks in summer, so it is answered with the places it may mean.
 */
public final class TimeZones {

    /** The outcome of reading a time zone. */
    public sealed interface Reading permits Reading.Found, Reading.Unclear {
        /** The text names this zone. */
        record Found(ZoneId zone) implements Reading {
            public Found {
                Objects.requireNonNull(zone, "zone");
            }
        }

        /** The text names no one zone: why, in a sentence fit to show, and the zones it may mean (maybe none). */
        record Unclear(String message, List<ZoneId> suggestions) implements Reading {
            public Unclear {
                Objects.requireNonNull(message, "message");
                suggestions = List.copyOf(suggestions);
            }
        }
    }

    /** The forms a zone is given in, for error messages, help and option descriptions. */
    public static final String EXAMPLES = "a city like Berlin or New York, or an Area/City name like Europe/Berlin";

    /** The most zones suggested for one unclear text. */
    public static final int MAX_SUGGESTIONS = 5;

    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final Set<String> UNIVERSAL = Set.of("utc", "gmt", "z", "zulu", "etc/utc", "etc/gmt", "utc0");
    // Areas of the tz database that only hold old aliases ("US/Eastern"): valid names, but not offered as places.
    private static final List<String> ALIAS_AREAS = List.of("US/", "Canada/", "Brazil/", "Chile/", "Mexico/");
    // Where many people live, so that an abbreviation or an offset suggests these first.
    private static final List<String> WELL_KNOWN = List.of(
            "America/New_York",
            "America/Chicago",
            "America/Denver",
            "America/Los_Angeles",
            "America/Phoenix",
            "America/Anchorage",
            "Pacific/Honolulu",
            "America/Toronto",
            "America/Vancouver",
            "America/Halifax",
            "America/St_Johns",
            "America/Mexico_City",
            "America/Bogota",
            "America/Lima",
            "America/Santiago",
            "America/Sao_Paulo",
            "America/Argentina/Buenos_Aires",
            "Europe/London",
            "Europe/Dublin",
            "Europe/Lisbon",
            "Europe/Berlin",
            "Europe/Paris",
            "Europe/Madrid",
            "Europe/Rome",
            "Europe/Amsterdam",
            "Europe/Zurich",
            "Europe/Stockholm",
            "Europe/Warsaw",
            "Europe/Athens",
            "Europe/Helsinki",
            "Europe/Kyiv",
            "Europe/Istanbul",
            "Europe/Moscow",
            "Africa/Lagos",
            "Africa/Cairo",
            "Africa/Johannesburg",
            "Africa/Nairobi",
            "Asia/Jerusalem",
            "Asia/Dubai",
            "Asia/Karachi",
            "Asia/Kolkata",
            "Asia/Dhaka",
            "Asia/Bangkok",
            "Asia/Jakarta",
            "Asia/Singapore",
            "Asia/Shanghai",
            "Asia/Hong_Kong",
            "Asia/Manila",
            "Asia/Seoul",
            "Asia/Tokyo",
            "Australia/Perth",
            "Australia/Adelaide",
            "Australia/Brisbane",
            "Australia/Sydney",
            "Australia/Melbourne",
            "Pacific/Auckland");

    private static final Pattern OFFSET =
            Pattern.compile("(?:utc|gmt)?\\s*([+\\-−])\\s*([0-9]{1,2})(?::?([0-9]{2}))?", Pattern.CASE_INSENSITIVE);
    private static final Pattern ABBREVIATION = Pattern.compile("[A-Za-z]{2,6}");
    private static final Pattern IGNORED = Pattern.compile("[\\s_\\-'.]+");
    private static final Pattern SPACES = Pattern.compile("(?U)\\s+");
    private static final int MIN_PART = 3;
    private static final int MIN_TYPO = 4;

    private TimeZones() {}

    /** Reads {@code text} as a zone; {@code now} decides which places an offset fits. Never throws. */
    public static Reading read(String text, Instant now) {
        Objects.requireNonNull(now, "now");
        String typed = text == null ? "" : SPACES.matcher(text).replaceAll(" ").strip();
        if (typed.isEmpty()) {
            return unclear("Which time zone?", List.of());
        }
        if (UNIVERSAL.contains(typed.toLowerCase(Locale.ROOT))) {
            return new Reading.Found(typed.equalsIgnoreCase("gmt") ? ZoneId.of("GMT") : UTC);
        }
        String key = key(typed);
        Optional<ZoneId> named = Optional.ofNullable(Known.BY_NAME.get(key));
        if (named.isPresent()) {
            return new Reading.Found(named.get());
        }
        Matcher offset = OFFSET.matcher(typed);
        if (offset.matches()) {
            return offset(typed, offset, now);
        }
        List<ZoneId> cities = Known.BY_CITY.getOrDefault(key, List.of());
        if (!cities.isEmpty()) {
            return city(typed, cities);
        }
        List<ZoneId> abbreviated = Known.BY_ABBREVIATION.getOrDefault(typed.toUpperCase(Locale.ROOT), List.of());
        if (ABBREVIATION.matcher(typed).matches() && !abbreviated.isEmpty()) {
            return unclear(
                    "“" + typed.toUpperCase(Locale.ROOT) + "” is an abbreviation, not a place; Rapport needs the place"
                            + " to follow its clock changes.",
                    ranked(abbreviated.stream()));
        }
        return unclear("“" + TimePhrases.shown(typed) + "” is not a time zone I know.", alike(key));
    }

    /** Zones that fit what someone has typed so far, for autocomplete: the best reading first, then by name. */
    public static List<String> suggest(String typed, Instant now, int limit) {
        Set<String> found = new LinkedHashSet<>();
        String key = key(typed == null ? "" : typed);
        if (key.isEmpty()) {
            found.add(UTC.getId());
        }
        Reading reading = read(typed, now);
        if (reading instanceof Reading.Found f) {
            found.add(f.zone().getId());
        } else {
            ((Reading.Unclear) reading).suggestions().forEach(zone -> found.add(zone.getId()));
        }
        ranked(Known.PLACES.stream().filter(zone -> key(zone.getId()).contains(key)), limit)
                .forEach(zone -> found.add(zone.getId()));
        return found.stream().limit(limit).toList();
    }

    private static Reading offset(String typed, Matcher m, Instant now) {
        int sign = m.group(1).equals("+") ? 1 : -1;
        int hours = Integer.parseInt(m.group(2));
        int minutes = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        ZoneOffset offset;
        try {
            offset = ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
        } catch (DateTimeException e) {
            return unclear("“" + typed + "” is no offset from UTC: those go from -18:00 to +18:00.", List.of());
        }
        if (offset.getTotalSeconds() == 0) {
            return new Reading.Found(UTC);
        }
        List<ZoneId> fitting = ranked(Known.PLACES.stream()
                .filter(zone -> zone.getRules().getOffset(now).equals(offset)
                        || zone.getRules().getStandardOffset(now).equals(offset)));
        return unclear(
                "“" + typed + "” is an offset, not a place; most places change theirs in summer, so Rapport needs"
                        + " the place.",
                fitting);
    }

    private static Reading city(String typed, List<ZoneId> cities) {
        if (cities.stream().map(ZoneId::getRules).distinct().count() == 1) {
            return new Reading.Found(cities.stream()
                    .min(Comparator.comparing(TimeZones::rank)
                            .thenComparing(zone -> -zone.getId().split("/").length)
                            .thenComparing(ZoneId::getId))
                    .orElseThrow());
        }
        return unclear("Several time zones are called “" + typed + "”.", ranked(cities.stream()));
    }

    /** Zones whose city starts with, contains, or is one letter away from the typed key. */
    private static List<ZoneId> alike(String key) {
        if (key.length() < MIN_PART) {
            return List.of();
        }
        Predicate<String> fits = city -> city.startsWith(key) || city.contains(key) || oneEditApart(city, key);
        return ranked(Known.BY_CITY.entrySet().stream()
                .filter(entry -> fits.test(entry.getKey()))
                .flatMap(entry -> entry.getValue().stream()));
    }

    /** Well-known places first, in that order, then the rest by name; at most {@link #MAX_SUGGESTIONS}. */
    private static List<ZoneId> ranked(Stream<ZoneId> zones) {
        return ranked(zones, MAX_SUGGESTIONS);
    }

    private static List<ZoneId> ranked(Stream<ZoneId> zones, int limit) {
        // An alias ("Asia/Calcutta") keeps the very rules of its zone ("Asia/Kolkata"): offer only one of them.
        Set<ZoneRules> offered = new HashSet<>();
        return zones.distinct()
                .sorted(Comparator.comparing(TimeZones::rank).thenComparing(ZoneId::getId))
                .filter(zone -> offered.add(zone.getRules()))
                .limit(limit)
                .toList();
    }

    private static int rank(ZoneId zone) {
        int index = WELL_KNOWN.indexOf(zone.getId());
        return index < 0 ? WELL_KNOWN.size() : index;
    }

    private static Reading unclear(String message, List<ZoneId> suggestions) {
        return new Reading.Unclear(message, suggestions);
    }

    /** Case, accents, spaces, underscores, hyphens and dots do not count: "sao paulo" is "America/Sao_Paulo". */
    private static String key(String text) {
        return IGNORED.matcher(Names.fold(text)).replaceAll("");
    }

    private static String city(ZoneId zone) {
        String id = zone.getId();
        return key(id.substring(id.lastIndexOf('/') + 1));
    }

    /** Same length with one letter changed, or one letter more or less. */
    private static boolean oneEditApart(String a, String b) {
        String longer = a.length() >= b.length() ? a : b;
        String shorter = longer == a ? b : a;
        if (longer.length() - shorter.length() > 1 || shorter.length() < MIN_TYPO || a.equals(b)) {
            return a.equals(b);
        }
        int i = 0;
        while (i < shorter.length() && shorter.charAt(i) == longer.charAt(i)) {
            i++;
        }
        int skip = longer.length() == shorter.length() ? 1 : 0;
        return longer.substring(i + 1).equals(shorter.substring(Math.min(shorter.length(), i + skip)));
    }

    /** The tz database as this JVM has it, indexed once. */
    private static final class Known {
        /** Every named zone people live in, aliases and Etc/ offsets aside. */
        static final List<ZoneId> PLACES;

        static final Map<String, ZoneId> BY_NAME;
        static final Map<String, List<ZoneId>> BY_CITY;
        static final Map<String, List<ZoneId>> BY_ABBREVIATION;

        static {
            List<String> regions = ZoneId.getAvailableZoneIds().stream()
                    .filter(id -> id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/"))
                    .sorted()
                    .toList();
            Map<String, ZoneId> byName = new HashMap<>();
            ZoneId.getAvailableZoneIds().stream()
                    .filter(id -> id.contains("/") && !id.startsWith("SystemV/"))
                    .forEach(id -> byName.put(key(id), ZoneId.of(id)));
            BY_NAME = Map.copyOf(byName);
            PLACES = regions.stream()
                    .filter(id -> ALIAS_AREAS.stream().noneMatch(id::startsWith))
                    .map(ZoneId::of)
                    .toList();
            BY_CITY = Map.copyOf(PLACES.stream().collect(Collectors.groupingBy(TimeZones::city)));
            Map<String, List<ZoneId>> byAbbreviation = new TreeMap<>();
            for (ZoneId zone : PLACES) {
                TimeZone legacy = TimeZone.getTimeZone(zone);
                for (boolean summer : new boolean[] {false, true}) {
                    String name = legacy.getDisplayName(summer, TimeZone.SHORT, Locale.ENGLISH);
                    if (ABBREVIATION.matcher(name).matches()) {
                        byAbbreviation
                                .computeIfAbsent(name.toUpperCase(Locale.ROOT), n -> new ArrayList<>())
                                .add(zone);
                    }
                }
            }
            BY_ABBREVIATION = Map.copyOf(byAbbreviation);
        }
    }
}
