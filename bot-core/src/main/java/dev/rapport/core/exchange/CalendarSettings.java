package dev.rapport.core.exchange;

import dev.rapport.core.api.Invocation;
import dev.rapport.core.port.YearlyDateStore;
import dev.rapport.core.reply.Reply;
import dev.rapport.core.reply.Section;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings of issue 13: {@code /settings calendar} (a private subscription link; {@code reset} makes a new one
 * and revokes the old, {@code off} revokes it) and {@code /settings birthdays <days>} (how many days before a yearly
 * date the digest mentions it too).
 */
public final class CalendarSettings {
    public static final int MAX_DAYS_BEFORE = 14;
    private static final Pattern DAYS = Pattern.compile("(?i)(\\d{1,3})(?:\\s+days?)?(?:\\s+before)?");

    private final CalendarFeed feed;
    private final YearlyDateStore yearlyDates;
    private final Optional<String> publicUrl;

    public CalendarSettings(CalendarFeed feed, YearlyDateStore yearlyDates, Optional<String> publicUrl) {
        this.feed = feed;
        this.yearlyDates = yearlyDates;
        this.publicUrl = publicUrl.map(url -> url.replaceAll("/+$", "")).filter(url -> !url.isBlank());
    }

    /** The reply for one of these settings; empty for any other key. */
    public Optional<Reply> handle(Invocation invocation, String key, String value) {
        return switch (key) {
            case "calendar" ->
                Optional.of(calendar(invocation, value.toLowerCase(Locale.ROOT).strip()));
            case "birthdays", "yearly" -> Optional.of(daysBefore(invocation, value));
            default -> Optional.empty();
        };
    }

    private Reply calendar(Invocation invocation, String value) {
        long owner = invocation.userId();
        if (value.equals("off")) {
            return Reply.text(
                    feed.revoke(owner)
                            ? "Calendar link revoked: calendars subscribed to it stop updating."
                            : "You have no calendar link.");
        }
        if (publicUrl.isEmpty()) {
            return Reply.text("A calendar link needs Rapport's public address, which this server has not set"
                    + " (RAPPORT_PUBLIC_URL). Meanwhile /export calendar gives you the same calendar as a file.");
        }
        if (value.equals("reset") || !feed.has(owner)) {
            boolean replaced = value.equals("reset") && feed.has(owner);
            String url = publicUrl.get() + "/calendar/" + feed.newToken(owner, invocation.now()) + ".ics";
            return Reply.of(Section.titled(
                            "Your private calendar link",
                            url
                                    + "\nAdd it to your calendar app as a subscription (\"From URL\"): follow-ups, rhythm dates"
                                    + " and birthdays, kept up to date. Anyone with the link can read it, so keep it to"
                                    + " yourself; /settings calendar reset makes a new one"
                                    + (replaced ? " (the old link has stopped working)." : " and stops this one.")))
                    .visibleTo(Reply.Visibility.PRIVATE);
        }
        return Reply.text("Your calendar link is active. It was shown once, when it was made; Rapport keeps only a"
                + " fingerprint of it. /settings calendar reset makes a new link and stops the old one;"
                + " /settings calendar off stops it.");
    }

    private Reply daysBefore(Invocation invocation, String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        int days;
        if (v.isEmpty()) {
            int now = yearlyDates.daysBefore(invocation.userId());
            return Reply.text(
                    now == 0
                            ? "Birthdays and other yearly dates come up in your digest on the day."
                            : "Birthdays and other yearly dates come up in your digest " + now
                                    + " days before, and on the day.");
        }
        if (v.equals("on the day") || v.equals("off")) {
            days = 0;
        } else {
            Matcher m = DAYS.matcher(v);
            if (!m.matches() || Integer.parseInt(m.group(1)) > MAX_DAYS_BEFORE) {
                return Reply.error(
                        "Say how many days before (0 to " + MAX_DAYS_BEFORE + "), or \"on the day\".",
                        "/settings birthdays 3 days before");
            }
            days = Integer.parseInt(m.group(1));
        }
        yearlyDates.setDaysBefore(invocation.userId(), days);
        return Reply.text(
                days == 0
                        ? "Birthdays and other yearly dates will come up on the day."
                        : "Birthdays and other yearly dates will come up " + days + (days == 1 ? " day" : " days")
                                + " before, and stay in your digest until the day.");
    }
}
