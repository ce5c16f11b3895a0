package dev.rapport.discord.command;

import dev.rapport.core.api.Requester;
import dev.rapport.core.domain.UserKey;
import java.util.Optional;
import net.dv8tion.jda.api.entities.User;

/** Who is asking, in core's terms. Discord users are global (no workspace) and Discord tells no time zone. */
public final class Requesters {
    public static final String PLATFORM = "discord";

    private Requesters() {}

    public static Requester of(User user) {
        return new Requester(key(user.getId()), user.getEffectiveName(), Optional.empty());
    }

    public static UserKey key(String userId) {
        return new UserKey(PLATFORM, "", userId);
    }
}
