package dev.rapport.core.command;

import dev.rapport.core.api.CommandHandler;
import dev.rapport.core.api.Invocation;
import dev.rapport.core.digest.DigestPlanner;
import dev.rapport.core.digest.DigestView;
import dev.rapport.core.digest.UndeliveredDigestNotice;
import dev.rapport.core.domain.Settings;
import dev.rapport.core.reply.Reply;
import dev.rapport.core.reply.Section;
import dev.rapport.core.time.DateText;
import java.util.Optional;

/** /today: what today's digest holds, right now. */
public final class TodayCommand implements CommandHandler {
    private final DigestPlanner planner;
    private final UndeliveredDigestNotice undelivered;

    /** @param undelivered says, once, that the digest could not be sent as a direct message */
    public TodayCommand(DigestPlanner planner, UndeliveredDigestNotice undelivered) {
        this.planner = planner;
        this.undelivered = undelivered;
    }

    @Override
    public String name() {
        return "today";
    }

    @Override
    public Reply handle(Invocation invocation) {
        Reply due = DigestView.render(planner.plan(invocation.user(), invocation.today()));
        Optional<Section> notDelivered = undelivered.forToday(invocation.user());
        if (notDelivered.isPresent()) {
            due = due.withNotice(notDelivered.get());
        }
        Settings settings = invocation.user().settings();
        if (!settings.pausedOn(invocation.today())) {
            return due;
        }
        // /today still shows what is due, but never as if a digest were coming.
        return due.withNotice(Section.of("Digests are paused through "
                + DateText.shortDate(settings.pausedUntil().orElseThrow())
                + "; this is what would be due. /settings resume starts them again."));
    }
}
