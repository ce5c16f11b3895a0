package dev.rapport.core.time;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a time of day as people type it ("8am", "8:30 pm", "noon", "20:15") and writes one back ("8:30 pm"). */
public final class ClockTimes {

    /** Forms of a time of day, for error messages, help and option descriptions. */
    public static final String EXAMPLES = "8am, 8:30pm, noon or 20:15";

    private static final Map<String, LocalTime> WORDS = Map.of(
            "noon", LocalTime.NOON,
            "midday", LocalTime.NOON,
            "midnight", LocalTime.MIDNIGHT);
    // "8", "08:30", "8.30", "8 am", "8:30p.m.", "12 AM"; the hour and minutes are checked after the match.
    private static final Pattern CLOCK =
            Pattern.compile("([0-9]{1,2})(?:[:.h]([0-9]{2}))?\\s*(?:(a|p)\\.?m\\.?)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern SPACES = Pattern.compile("(?U)\\s+");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("h:mm a", Locale.ENGLISH);

    private ClockTimes() {}

    /** Reads the whole text as one time of day; never throws for any text, null included. */
    public static Reading<LocalTime> read(String text) {
        String typed = text == null ? "" : SPACES.matcher(text).replaceAll(" ").strip();
        if (typed.isEmpty()) {
            return refuse("What time?");
        }
        String lower = typed.toLowerCase(Locale.ROOT);
        LocalTime named = WORDS.get(lower);
        if (named != null) {
            return new Reading.Ok<>(named);
        }
        Matcher m = CLOCK.matcher(lower);
        if (!m.matches()) {
            return refuse("I couldn't read “" + shown(typed) + "” as a time of day.");
        }
        int hour = Integer.parseInt(m.group(1));
        int minute = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        if (minute > 59) {
            return refuse("“" + shown(typed) + "” has " + minute + " minutes; minutes go from 00 to 59.");
        }
        if (m.group(3) == null) {
            return hour > 23
                    ? refuse("There is no " + hour + ":" + twoDigits(minute) + ": hours go from 0 to 23.")
                    : new Reading.Ok<>(LocalTime.of(hour, minute));
        }
        if (hour < 1 || hour > 12) {
            return refuse("With am or pm the hour goes from 1 to 12; “" + shown(typed) + "” has " + hour + ".");
        }
        boolean pm = m.group(3).equals("p");
        return new Reading.Ok<>(LocalTime.of(hour % 12 + (pm ? 12 : 0), minute));
    }

    /** "8:30 am", "12:00 pm", "12:00 am". */
    public static String shown(LocalTime time) {
        return SHOWN.format(time).toLowerCase(Locale.ROOT);
    }

    private static Reading<LocalTime> refuse(String reason) {
        return new Reading.Error<>(reason + " Try " + EXAMPLES + ".");
    }

    private static String twoDigits(int minute) {
        return minute < 10 ? "0" + minute : String.valueOf(minute);
    }

    private static String shown(String typed) {
        return TimePhrases.shown(typed);
    }
}
