package dev.rapport.core.port;

import dev.rapport.core.domain.Settings;
import dev.rapport.core.domain.User;
import dev.rapport.core.domain.UserKey;
import java.time.Instant;
import java.util.Optional;

/** Users and their settings. */
public interface UserStore {
    Optional<User> find(UserKey key);

    Optional<User> byId(long userId);

    /** Creates the user on first contact; an existing user is returned unchanged (display name refreshed). */
    User findOrCreate(UserKey key, String displayName, Settings initial, Instant now);

    void saveSettings(long userId, Settings settings);

    /** Records why direct messages to this user fail; empty clears it. */
    void markUnreachable(long userId, Optional<String> reason);
}
