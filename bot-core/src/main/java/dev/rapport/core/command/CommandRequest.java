package dev.rapport.core.command;

import java.util.Map;
import java.util.Optional;

/**
 * A command as typed: who, where, which command ("remember", without the slash) and its text. Mentions in the text
 * are written {@code <@ID>}; {@code mentionNames} maps those ids to display names when the adapter knows them.
 * {@code canManageChannel} says whether the requester may change the channel's settings (Discord: Manage Channels;
 * Slack: workspace admin or the channel's creator); adapters that cannot tell leave it false.
 */
public record CommandRequest(
        Requester from,
        Optional<String> channelId,
        String command,
        String text,
        Map<String, String> mentionNames,
        boolean canManageChannel) {

    public CommandRequest {
        command = command == null ? "" : command;
        text = text == null ? "" : text;
        mentionNames = Map.copyOf(mentionNames);
    }

    /** A request from someone without channel-manager rights. */
    public CommandRequest(
            Requester from, Optional<String> channelId, String command, String text, Map<String, String> mentionNames) {
        this(from, channelId, command, text, mentionNames, false);
    }

    public static CommandRequest of(Requester from, String command, String text) {
        return new CommandRequest(from, Optional.empty(), command, text, Map.of());
    }

    public CommandRequest withChannelRights(boolean canManage) {
        return new CommandRequest(from, channelId, command, text, mentionNames, canManage);
    }
}
