package dev.rapport.core.api;

import java.util.Objects;

/**
 * A platform account as its platform's directory describes it: the id, the name to file it under, and what it is (a
 * person, a bot, a deleted account, or Rapport itself), so that core decides who a note may be about.
 */
public record PlatformUser(String id, String name, Standing standing) {
    public PlatformUser {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(standing, "standing");
    }

    /** What an account is. */
    public enum Standing {
        PERSON,
        BOT,
        DELETED,
        RAPPORT
    }

    public static PlatformUser person(String id, String name) {
        return new PlatformUser(id, name, Standing.PERSON);
    }
}
