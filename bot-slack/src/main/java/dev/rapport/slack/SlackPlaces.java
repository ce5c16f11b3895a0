package dev.rapport.slack;

import dev.rapport.core.api.Place;
import java.util.Arrays;
import java.util.Optional;

/**
 * What kind of place a Slack channel is, from what Slack sends with a command or a click: a direct message with
 * Rapport (ids starting with D, named "directmessage"), a group direct message ("mpdm-…"), else a team channel.
 */
final class SlackPlaces {
    private SlackPlaces() {}

    static Place of(String channelId, String channelName) {
        if (channelId == null || channelId.isBlank()) {
            return Place.none();
        }
        if (channelId.startsWith("D") || "directmessage".equals(channelName)) {
            return Place.directMessage(channelId);
        }
        if (channelName != null && channelName.startsWith("mpdm-")) {
            return Place.groupMessage(channelId);
        }
        return Place.teamChannel(channelId);
    }

    /** A place as a modal's private metadata kept it: its kind's name and channel id (either may be missing). */
    static Place stored(String kindName, String channelId) {
        Place.Kind kind = Arrays.stream(Place.Kind.values())
                .filter(k -> k.name().equals(kindName))
                .findFirst()
                .orElse(Place.Kind.NONE);
        Optional<String> channel = Optional.ofNullable(channelId).filter(id -> !id.isBlank());
        return channel.isEmpty() ? Place.none() : new Place(kind, channel);
    }
}
