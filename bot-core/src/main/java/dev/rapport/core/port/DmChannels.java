package dev.rapport.core.port;

import dev.rapport.core.domain.UserKey;
import java.util.Optional;

/**
 * The direct-message channel a platform gave Rapport for each person (Slack's {@code conversations.open}), kept in
 * the database so that neither a restart nor another instance pays the lookup again. A channel the platform says is
 * gone is forgotten and looked up afresh.
 */
public interface DmChannels {
    Optional<String> find(UserKey user);

    /** Remembers the person's channel; a later lookup's answer replaces an earlier one. */
    void remember(UserKey user, String channel);

    void forget(UserKey user);
}
