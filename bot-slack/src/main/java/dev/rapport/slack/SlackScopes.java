package dev.rapport.slack;

import java.util.List;

/** The bot scopes Rapport asks for when it is installed; the manifests declare exactly these. */
final class SlackScopes {
    static final List<String> BOT = List.of(
            "commands",
            "chat:write",
            "im:write",
            "users:read",
            "files:write",
            "files:read",
            "channels:read",
            "groups:read",
            "im:history");

    private SlackScopes() {}

    /** As Slack's authorize URL takes them. */
    static String joined() {
        return String.join(",", BOT);
    }
}
