package dev.rapport.core.command;

import java.util.Map;
import java.util.Optional;

/**
 * A command as typed: who, where, which command ("remember", without the slash) and its text. Mentions in the text
 * are written {@code <@ID>}; {@code mentionNames} maps those ids to display names when the adapter knows them.
 */
public record CommandRequest(
        Requester from, Optional<String> channelId, String command, String text, Map<String, String> mentionNames) {

    public CommandRequest {
        command = command == null ? "" : command;
        text = text == null ? "" : text;
        mentionNames = Map.copyOf(mentionNames);
    }

    public static CommandRequest of(Requester from, String command, String text) {
        return new CommandRequest(from, Optional.empty(), command, text, Map.of());
    }
}
