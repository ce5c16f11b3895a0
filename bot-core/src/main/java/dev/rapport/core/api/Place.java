package dev.rapport.core.api;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a command was typed or a button pressed, as the platform says: a team channel, a direct message with
 * Rapport, a group direct message, or nowhere in particular (the console, an app's home tab). The rules about
 * places (intros and pairing rounds belong to a team channel) are core's, the same on every platform.
 */
public record Place(Kind kind, Optional<String> channelId) {
    public Place {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(channelId, "channelId");
    }

    /** The kinds of place. */
    public enum Kind {
        TEAM_CHANNEL,
        DIRECT_MESSAGE,
        GROUP_MESSAGE,
        NONE
    }

    public static Place teamChannel(String channelId) {
        return new Place(Kind.TEAM_CHANNEL, Optional.of(channelId));
    }

    public static Place directMessage(String channelId) {
        return new Place(Kind.DIRECT_MESSAGE, Optional.ofNullable(channelId));
    }

    public static Place groupMessage(String channelId) {
        return new Place(Kind.GROUP_MESSAGE, Optional.ofNullable(channelId));
    }

    public static Place none() {
        return new Place(Kind.NONE, Optional.empty());
    }

    /** The channel's id when this is a team channel, where the whole team sees a post. */
    public Optional<String> teamChannel() {
        return kind == Kind.TEAM_CHANNEL ? channelId : Optional.empty();
    }
}
