package dev.rapport.core.command;

import dev.rapport.core.domain.User;
import java.time.Instant;
import java.util.List;

/** Work to do whenever someone uses Rapport, before their command runs (contacts that intros left waiting). */
public interface Arrival {
    /** Runs in its own transaction; returns notices to show the user with their reply. */
    List<Section> arrived(User user, Instant now);
}
