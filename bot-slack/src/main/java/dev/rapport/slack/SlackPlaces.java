package dev.rapport.slack;

import dev.rapport.core.api.Place;

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
}
