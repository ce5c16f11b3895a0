package dev.rapport.core.inbox;

import dev.rapport.core.api.Invocation;
import dev.rapport.core.api.Notices;
import dev.rapport.core.domain.User;
import dev.rapport.core.port.Inbox;
import dev.rapport.core.reply.Section;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tells a user, once, about requests of theirs that were acknowledged but not finished: ones that could not run
 * before their reply channel expired (a long outage), and ones that ran but whose answer was not confirmed. The
 * latter is worded as a doubt, not a loss: a crash between the platform taking the answer and the row being marked
 * answered leaves the same trace as an answer the platform never took.
 */
public final class UnfinishedRequests implements Notices {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MMM d, HH:mm", Locale.ENGLISH);

    private final Clock clock;
    private final Inbox inbox;

    public UnfinishedRequests(Clock clock, Inbox inbox) {
        this.clock = clock;
        this.inbox = inbox;
    }

    @Override
    public List<Section> forUser(User user, Invocation invocation) {
        Instant now = clock.instant();
        List<Section> notices = new ArrayList<>();
        for (Inbox.Row row : inbox.untold(user.key(), now)) {
            notices.add(Section.of(text(row, user.settings().zone())));
            inbox.told(row.id(), now);
        }
        return notices;
    }

    static String text(Inbox.Row row, ZoneId zone) {
        String what;
        try {
            what = "“" + InboxPayload.decode(row.payload()).shown() + "”";
        } catch (RuntimeException e) {
            what = "a request";
        }
        String when = TIME.format(row.receivedAt().atZone(zone));
        return row.state() == Inbox.State.RAN
                ? "I did " + what + " (sent " + when + "), but its answer may not have reached you."
                        + " No need to send it again."
                : "I could not finish " + what + " (sent " + when + "): I was down until it was too late to answer."
                        + " Nothing of it was saved; please send it again.";
    }
}
