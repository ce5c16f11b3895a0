package dev.rapport.core.command;

import dev.rapport.core.api.Invocation;
import dev.rapport.core.api.Notices;
import dev.rapport.core.domain.User;
import dev.rapport.core.reply.Section;
import dev.rapport.core.time.ClockTimes;
import java.util.List;

/** The first reply to someone new whose platform gave no time zone (Discord) asks, once, for theirs. */
public final class Welcome implements Notices {
    @Override
    public List<Section> forUser(User user, Invocation invocation) {
        return List.of();
    }

    @Override
    public List<Section> forFirstRequest(User afterCommand) {
        if (afterCommand.settings().zoneChosen()) {
            return List.of();
        }
        return List.of(Section.of("Welcome! Until you set your time zone Rapport uses UTC, so your daily reminder comes"
                + " at " + ClockTimes.shown(afterCommand.settings().digestTime())
                + " UTC. Set yours with your city: /settings timezone Berlin"));
    }
}
