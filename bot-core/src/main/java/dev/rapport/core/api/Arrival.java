package dev.rapport.core.api;

import dev.rapport.core.domain.User;
import dev.rapport.core.reply.Section;
import java.time.Instant;
import java.util.List;

/** Work to do whenever someone uses Rapport, before their command runs (a welcome, contacts that intros left). */
public interface Arrival {
    /** Runs in its own transaction; returns notices to show the user with their reply. */
    List<Section> arrived(User user, boolean firstTime, Instant now);
}
