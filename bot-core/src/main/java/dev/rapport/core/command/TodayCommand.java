package dev.rapport.core.command;

import dev.rapport.core.api.CommandHandler;
import dev.rapport.core.api.Invocation;
import dev.rapport.core.digest.DigestPlanner;
import dev.rapport.core.digest.DigestView;
import dev.rapport.core.reply.Reply;

/** /today: what today's digest holds, right now. */
public final class TodayCommand implements CommandHandler {
    private final DigestPlanner planner;

    public TodayCommand(DigestPlanner planner) {
        this.planner = planner;
    }

    @Override
    public String name() {
        return "today";
    }

    @Override
    public Reply handle(Invocation invocation) {
        return DigestView.render(planner.plan(invocation.user(), invocation.today()));
    }
}
