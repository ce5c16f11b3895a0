package dev.rapport.core.command;

import dev.rapport.core.action.Action;
import dev.rapport.core.api.ActionHandler;
import dev.rapport.core.api.CommandHandler;
import dev.rapport.core.api.Invocation;
import dev.rapport.core.domain.DigestDays;
import dev.rapport.core.domain.Settings;
import dev.rapport.core.exchange.CalendarSettings;
import dev.rapport.core.link.AccountLinking;
import dev.rapport.core.port.UserStore;
import dev.rapport.core.reply.Button;
import dev.rapport.core.reply.Reply;
import dev.rapport.core.reply.Section;
import dev.rapport.core.reply.Wording;
import dev.rapport.core.time.ClockTimes;
import dev.rapport.core.time.DateText;
import dev.rapport.core.time.Parse;
import dev.rapport.core.time.Reading;
import dev.rapport.core.time.TimePhrases;
import dev.rapport.core.time.TimeZones;
import dev.rapport.core.time.WeekDays;
import dev.rapport.core.time.When;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * /settings: show the settings, or change one of them (time zone, digest time and days, pause, the cap, "ask me
 * about" topics). A change answers with the one line it changed; only a bare /settings shows them all.
 */
public final class SettingsCommand implements CommandHandler, ActionHandler {
    static final int MAX_TOPICS_LENGTH = 300;

    /** The forms each setting takes, for /help and the table's footer. */
    static final String FORMS = "timezone Berlin | digest 8:30am | days mon,wed,fri | pause for 2 weeks"
            + " | pause until 3 Jan | resume | max 5 | about climbing, Rust | link | digest on discord | unlink";

    private static final String ZONE_EXAMPLE = "/settings timezone Berlin";
    private static final String TIME_EXAMPLE = "/settings digest 8:30am";
    private static final String DAYS_EXAMPLE = "/settings days mon,wed,fri";
    private static final String PAUSE_EXAMPLE = "/settings pause for 2 weeks";
    private static final Pattern AT = Pattern.compile("(?iu)^at\\s+");
    private static final Pattern PAUSE_FOR = Pattern.compile("(?iu)^for\\s+(.+)$");
    private static final Pattern PAUSE_UNTIL = Pattern.compile("(?iu)^(?:until|till|til|through|thru)\\s+(.+)$");
    private static final Pattern NO_DAYS = Pattern.compile("(?iu)never|none|no days|nothing|off");
    private static final Pattern MAX = Pattern.compile("(?iu)([0-9]{1,9})(?:\\s+(?:people|persons?))?");

    private final UserStore users;

    private final Optional<CalendarSettings> calendar;

    private final Optional<AccountLinking> linking;

    public SettingsCommand(UserStore users) {
        this(users, Optional.empty(), Optional.empty());
    }

    /**
     * With {@code calendar}: /settings calendar and /settings birthdays (issue 13); with {@code linking}: /settings
     * link, unlink and digest on slack|discord (issue 12).
     */
    public SettingsCommand(UserStore users, Optional<CalendarSettings> calendar, Optional<AccountLinking> linking) {
        this.users = users;
        this.calendar = calendar;
        this.linking = linking;
    }

    @Override
    public String name() {
        return "settings";
    }

    @Override
    public Reply handle(Invocation invocation) {
        String[] parts = invocation.text().strip().split("\\s+", 2);
        String key = parts[0].toLowerCase(Locale.ROOT);
        String value = parts.length > 1 ? parts[1].strip() : "";
        Optional<Reply> more = calendar.flatMap(c -> c.handle(invocation, key, value))
                .or(() -> linking.flatMap(l -> l.handle(invocation, key, value)));
        if (more.isPresent()) {
            return more.get();
        }
        return switch (key) {
            case "" -> table(invocation);
            case "timezone", "tz", "zone" -> zone(invocation, value);
            case "digest", "time" -> digestTime(invocation, value);
            case "days" -> days(invocation, value);
            case "pause" -> pause(invocation, value);
            case "resume" -> pausedUntil(invocation, Optional.empty(), "");
            case "max" -> max(invocation, value);
            case "about" -> about(invocation, value);
            default ->
                Reply.error(
                        "I don't know the setting “" + parts[0] + "”. Settings are " + settingNames() + ".",
                        ZONE_EXAMPLE);
        };
    }

    private String settingNames() {
        List<String> names = new ArrayList<>(List.of("timezone", "digest", "days", "pause", "resume", "max", "about"));
        calendar.ifPresent(c -> names.addAll(List.of("calendar", "birthdays")));
        linking.ifPresent(l -> names.addAll(List.of("link", "unlink")));
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    @Override
    public Set<Class<? extends Action>> actions() {
        return Set.of(Action.SetZone.class);
    }

    /** A suggested zone's button. */
    @Override
    public Reply act(Action action, Invocation invocation) {
        return changeZone(invocation, ((Action.SetZone) action).zone());
    }

    private Reply zone(Invocation invocation, String value) {
        TimeZones.Reading reading = TimeZones.read(value, invocation.now());
        if (reading instanceof TimeZones.Reading.Found found) {
            return changeZone(invocation, found.zone());
        }
        TimeZones.Reading.Unclear unclear = (TimeZones.Reading.Unclear) reading;
        String message = unclear.message() + " Nothing was changed. "
                + (unclear.suggestions().isEmpty()
                        ? "Give " + TimeZones.EXAMPLES + "."
                        : "Pick yours, or give your city:");
        if (unclear.suggestions().isEmpty()) {
            return Reply.error(message, ZONE_EXAMPLE);
        }
        return Reply.error(message)
                .withButtons(unclear.suggestions().stream()
                        .map(zone -> Button.of(
                                zone.getId(), new Action.SetZone(zone).id(), "/settings timezone " + zone.getId()))
                        .toList());
    }

    private Reply changeZone(Invocation invocation, ZoneId zone) {
        Settings current = invocation.user().settings();
        LocalTime there = ZonedDateTime.ofInstant(invocation.now(), zone).toLocalTime();
        return change(
                invocation,
                current.withZone(zone),
                "Time zone",
                zoneValue(current),
                zone.getId(),
                "It is " + ClockTimes.shown(there) + " there now.");
    }

    private Reply digestTime(Invocation invocation, String value) {
        Reading<LocalTime> reading = ClockTimes.read(AT.matcher(value).replaceFirst(""));
        if (reading instanceof Reading.Error<LocalTime> error) {
            return Reply.error(error.message(), TIME_EXAMPLE);
        }
        LocalTime time = ((Reading.Ok<LocalTime>) reading).value();
        Settings current = invocation.user().settings();
        return change(
                invocation,
                current.withDigestTime(time),
                "Digest time",
                ClockTimes.shown(current.digestTime()),
                ClockTimes.shown(time),
                "");
    }

    private Reply days(Invocation invocation, String value) {
        if (NO_DAYS.matcher(value).matches()) {
            return Reply.error(
                    "A digest needs at least one day. To stop digests for a while, pause them.", PAUSE_EXAMPLE);
        }
        Reading<DigestDays> reading = WeekDays.read(value);
        if (reading instanceof Reading.Error<DigestDays> error) {
            return Reply.error(error.message(), DAYS_EXAMPLE);
        }
        DigestDays days = ((Reading.Ok<DigestDays>) reading).value();
        Settings current = invocation.user().settings();
        return change(
                invocation,
                current.withDigestDays(days),
                "Digest days",
                current.digestDays().describe(),
                days.describe(),
                "");
    }

    /** "for 2 weeks" pauses fourteen days from today on; "until 3 Jan" (or just "3 Jan") pauses through 3 Jan. */
    private Reply pause(Invocation invocation, String value) {
        if (value.isEmpty()) {
            return Reply.error("Pause for how long, or until when?", PAUSE_EXAMPLE);
        }
        LocalDate today = invocation.today();
        Matcher forLong = PAUSE_FOR.matcher(value);
        Matcher until = PAUSE_UNTIL.matcher(value);
        Parse parse;
        boolean isLength;
        if (forLong.matches()) {
            parse = TimePhrases.parse("in " + forLong.group(1), today);
            isLength = true;
        } else {
            String phrase = until.matches() ? until.group(1) : value;
            parse = TimePhrases.parse(phrase, today);
            Parse asLength = TimePhrases.parse("in " + phrase, today);
            isLength = !until.matches() && parse instanceof Parse.Error && asLength instanceof Parse.Ok;
            parse = isLength ? asLength : parse;
        }
        if (parse instanceof Parse.Error error) {
            return Reply.error(error.message(), PAUSE_EXAMPLE);
        }
        if (!(((Parse.Ok) parse).when() instanceof When.On on)) {
            return Reply.error("A pause needs a date or a length, not a rhythm.", PAUSE_EXAMPLE);
        }
        LocalDate through = isLength ? on.date().minusDays(1) : on.date();
        return pausedUntil(
                invocation,
                Optional.of(through),
                "Digests start again on " + DateText.shortDate(through.plusDays(1))
                        + "; /settings resume ends the pause sooner.");
    }

    private Reply pausedUntil(Invocation invocation, Optional<LocalDate> through, String after) {
        Settings current = invocation.user().settings();
        return change(
                invocation,
                current.withPausedUntil(through),
                "Paused",
                pausedValue(current, invocation.today()),
                through.map(date -> "through " + DateText.fullDate(date)).orElse("no"),
                after);
    }

    private Reply max(Invocation invocation, String value) {
        Matcher m = MAX.matcher(value);
        int max = m.matches() ? Integer.parseInt(m.group(1)) : -1;
        if (max < 1 || max > Settings.MAX_ITEMS_LIMIT) {
            return Reply.error(
                    "The digest holds between 1 and " + Settings.MAX_ITEMS_LIMIT + " people.", "/settings max 5");
        }
        Settings current = invocation.user().settings();
        return change(invocation, current.withMaxItems(max), "Digest holds", holds(current), holds(max), "");
    }

    private Reply about(Invocation invocation, String value) {
        if (value.length() > MAX_TOPICS_LENGTH) {
            return Reply.error(
                    "Keep “ask me about” under " + MAX_TOPICS_LENGTH + " characters.",
                    "/settings about climbing, Rust, moving to Lisbon");
        }
        Settings current = invocation.user().settings();
        return change(
                invocation,
                current.withAboutTopics(value),
                "Ask me about",
                topics(current.aboutTopics()),
                topics(value),
                value.isEmpty() ? "" : "Only your pairing partners see it.");
    }

    /**
     * Saves the settings and answers with the one line that changed: "Digest time: 8:30 pm (was 9:00 am)." Values
     * hold no parenthesis of their own, so the line never doubles them.
     */
    private Reply change(Invocation invocation, Settings updated, String label, String was, String now, String after) {
        users.saveSettings(invocation.userId(), updated);
        String line = label + ": " + now + (was.equals(now) ? " (unchanged)." : " (was " + was + ").");
        return Reply.text(after.isEmpty() ? line : line + " " + after);
    }

    private Reply table(Invocation invocation) {
        Settings s = invocation.user().settings();
        List<Section.Field> fields = new ArrayList<>(List.of(
                new Section.Field("Time zone", zoneValue(s)),
                new Section.Field("Digest time", ClockTimes.shown(s.digestTime())),
                new Section.Field("Digest days", s.digestDays().describe()),
                new Section.Field("Paused", pausedValue(s, invocation.today())),
                new Section.Field("Digest holds", holds(s)),
                new Section.Field("Ask me about", topics(s.aboutTopics()))));
        linking.ifPresent(l -> fields.add(l.field(invocation)));
        return Reply.of(Section.titled("Your settings", "Change one: /settings " + FORMS, fields));
    }

    private static String zoneValue(Settings s) {
        return s.zone().getId() + (s.zoneChosen() ? "" : ", not set yet");
    }

    private static String pausedValue(Settings s, LocalDate today) {
        return s.pausedUntil()
                .filter(until -> !until.isBefore(today))
                .map(until -> "through " + DateText.fullDate(until))
                .orElse("no");
    }

    private static String holds(Settings s) {
        return holds(s.maxItems());
    }

    private static String holds(int max) {
        return "at most " + Wording.people(max);
    }

    /** User text in quotes, so that its own parentheses never meet the line's. */
    private static String topics(String topics) {
        return topics.isEmpty() ? "nothing" : "“" + topics + "”";
    }
}
