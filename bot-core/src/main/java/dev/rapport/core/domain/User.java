package dev.rapport.core.domain;

import java.time.Instant;
import java.util.Optional;

/** A person who uses Rapport on one platform; owns contacts, notes and follow-ups. */
public record User(
        long id,
        UserKey key,
        String displayName,
        Settings settings,
        Optional<String> unreachableReason,
        Instant createdAt) {

    public User withSettings(Settings newSettings) {
        return new User(id, key, displayName, newSettings, unreachableReason, createdAt);
    }
}
