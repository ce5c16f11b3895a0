package dev.rapport.core.command;

import dev.rapport.core.api.CommandHandler;
import dev.rapport.core.api.Invocation;
import dev.rapport.core.domain.DigestDays;
import dev.rapport.core.domain.Settings;
import dev.rapport.core.exchange.CalendarSettings;
import dev.rapport.core.port.UserStore;
import dev.rapport.core.reply.Reply;
import dev.rapport.core.reply.Section;
import dev.rapport.core.time.DateText;
import dev.rapport.core.time.Parse;
import dev.rapport.core.time.TimePhrases;
import dev.rapport.core.time.When;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** /settings: show or change time zone, digest time and days, pause, the cap, and "ask me about" topics. */
public final class SettingsCommand implements CommandHandler {
    static final int MAX_TOPICS_LENGTH = 300;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("H:mm");

    private final UserStore users;

    private final Optional<CalendarSettings> calendar;

    public SettingsCommand(UserStore users) {
        this(users, Optional.empty());
    }

    /** With {@code calendar}: /settings calendar and /settings birthdays (issue 13). */
    public SettingsCommand(UserStore users, Optional<CalendarSettings> calendar) {
        this.users = users;
        this.calendar = calendar;
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
        Settings current = invocation.user().settings();
        Optional<Reply> more = calendar.flatMap(c -> c.handle(invocation, key, value));
        if (more.isPresent()) {
            return more.get();
        }
        return switch (key) {
            case "" -> show(current, invocation, "Your settings");
            case "timezone", "tz", "zone" -> zone(invocation, value);
            case "digest" -> digestTime(invocation, value);
            case "days" -> days(invocation, value);
            case "pause" -> pause(invocation, value);
            case "resume" -> save(invocation, current.withPausedUntil(Optional.empty()), "Digests resumed.");
            case "max" -> max(invocation, value);
            case "about" -> about(invocation, value);
            default ->
                Reply.error(
                        "I don't know the setting “" + parts[0]
                                + "”. Settings are timezone, digest, days, pause, resume," + " max and about"
                                + (calendar.isPresent() ? ", calendar and birthdays." : "."),
                        "/settings timezone Europe/Berlin");
        };
    }

    private Reply zone(Invocation invocation, String value) {
        try {
            if (value.isEmpty() || !(value.contains("/") || value.equalsIgnoreCase("UTC"))) {
                throw new DateTimeException("not a region");
            }
            ZoneId zone = ZoneId.of(value.equalsIgnoreCase("UTC") ? "UTC" : value);
            return save(invocation, invocation.user().settings().withZone(zone), "Time zone set to " + zone + ".");
        } catch (DateTimeException e) {
            return Reply.error(
                    "“" + value + "” is not a time zone I know. Use an Area/City name.",
                    "/settings timezone America/New_York");
        }
    }

    private Reply digestTime(Invocation invocation, String value) {
        try {
            LocalTime time = LocalTime.parse(value, CLOCK);
            return save(
                    invocation,
                    invocation.user().settings().withDigestTime(time),
                    "Your digest now comes at " + time + ".");
        } catch (DateTimeParseException e) {
            return Reply.error("The digest time is a 24-hour time like 08:30.", "/settings digest 08:30");
        }
    }

    private Reply days(Invocation invocation, String value) {
        DigestDays days;
        switch (value.toLowerCase(Locale.ROOT)) {
            case "weekdays" -> days = DigestDays.WEEKDAYS;
            case "everyday", "every day", "daily" -> days = DigestDays.EVERYDAY;
            default -> {
                return Reply.error("Digest days are “weekdays” or “everyday”.", "/settings days weekdays");
            }
        }
        return save(
                invocation, invocation.user().settings().withDigestDays(days), "Digests come " + days.describe() + ".");
    }

    private Reply pause(Invocation invocation, String value) {
        if (value.isEmpty()) {
            return Reply.error("Pause until when?", "/settings pause until 2 Jan");
        }
        String phrase = value.replaceFirst("(?i)^until\\s+", "");
        Parse parse = TimePhrases.parse(phrase, invocation.today());
        if (parse instanceof Parse.Error error) {
            return Reply.error(error.message(), "/settings pause until 2 Jan");
        }
        if (!(((Parse.Ok) parse).when() instanceof When.On on)) {
            return Reply.error("Pause needs a date, not a rhythm.", "/settings pause until 2 Jan");
        }
        return save(
                invocation,
                invocation.user().settings().withPausedUntil(Optional.of(on.date())),
                "Digests paused through " + DateText.date(on.date(), invocation.today())
                        + ". /settings resume ends the pause.");
    }

    private Reply max(Invocation invocation, String value) {
        int max;
        try {
            max = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            max = -1;
        }
        if (max < 1 || max > Settings.MAX_ITEMS_LIMIT) {
            return Reply.error(
                    "The digest holds between 1 and " + Settings.MAX_ITEMS_LIMIT + " people.", "/settings max 5");
        }
        return save(
                invocation,
                invocation.user().settings().withMaxItems(max),
                "Your digest holds at most " + max + " people.");
    }

    private Reply about(Invocation invocation, String value) {
        if (value.length() > MAX_TOPICS_LENGTH) {
            return Reply.error(
                    "Keep “ask me about” under " + MAX_TOPICS_LENGTH + " characters.",
                    "/settings about climbing, Rust, moving to Lisbon");
        }
        String message = value.isEmpty()
                ? "Cleared your “ask me about” topics."
                : "Pairing partners will see: ask me about " + value + ".";
        return save(invocation, invocation.user().settings().withAboutTopics(value), message);
    }

    private Reply save(Invocation invocation, Settings settings, String message) {
        users.saveSettings(invocation.userId(), settings);
        return show(settings, invocation, message);
    }

    private static Reply show(Settings s, Invocation invocation, String heading) {
        List<Section.Field> fields = List.of(
                new Section.Field("Time zone", s.zone().getId() + (s.zoneChosen() ? "" : " (not set yet)")),
                new Section.Field("Digest time", s.digestTime().toString()),
                new Section.Field("Digest days", s.digestDays().describe()),
                new Section.Field(
                        "Paused",
                        s.pausedUntil()
                                .filter(until -> !until.isBefore(invocation.today()))
                                .map(until -> "through " + DateText.date(until, invocation.today()))
                                .orElse("no")),
                new Section.Field("Most people per digest", String.valueOf(s.maxItems())),
                new Section.Field("Ask me about", s.aboutTopics().isEmpty() ? "—" : s.aboutTopics()));
        return Reply.of(Section.titled(
                heading,
                "Change one: /settings timezone Europe/Berlin · digest 08:30 · days weekdays · pause until 2 Jan"
                        + " · resume · max 5 · about climbing, Rust",
                fields));
    }
}
