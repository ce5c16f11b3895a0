package dev.rapport.core.command;

import dev.rapport.core.api.Arrival;
import dev.rapport.core.domain.User;
import dev.rapport.core.reply.Section;
import dev.rapport.core.time.ClockTimes;
import java.time.Instant;
import java.util.List;

/** The first reply to someone new whose platform gave no time zone (Discord) asks, once, for theirs. */
public final class Welcome implements Arrival {
    @Override
    public List<Section> arrived(User user, boolean firstTime, Instant now) {
        if (!firstTime || user.settings().zoneChosen()) {
            return List.of();
        }
        return List.of(Section.of("Welcome! Until you set your time zone Rapport uses UTC, so your daily reminder comes"
                + " at " + ClockTimes.shown(user.settings().digestTime())
                + " UTC. Set yours with your city: /settings timezone Berlin"));
    }
}
