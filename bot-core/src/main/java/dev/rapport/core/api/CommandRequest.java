package dev.rapport.core.api;

import java.util.Map;
import java.util.Objects;

/**
 * A command as typed: who, where, which command ("remember", without the slash) and its text. Mentions in the text
 * are written {@code <@ID>}; {@code mentions} says what the adapter knows of those users. {@code rights} answers,
 * when core asks, whether the requester may manage the channel.
 */
public record CommandRequest(
        Requester from,
        Place place,
        String command,
        String text,
        Map<String, Mentioned> mentions,
        ChannelRights rights) {

    public CommandRequest {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(place, "place");
        command = command == null ? "" : command;
        text = text == null ? "" : text;
        mentions = Map.copyOf(mentions);
        Objects.requireNonNull(rights, "rights");
    }

    /** A command typed nowhere in particular (the console), mentioning nobody the adapter knows. */
    public static CommandRequest of(Requester from, String command, String text) {
        return new CommandRequest(from, Place.none(), command, text, Map.of(), ChannelRights.NONE);
    }

    public CommandRequest in(Place newPlace) {
        return new CommandRequest(from, newPlace, command, text, mentions, rights);
    }

    public CommandRequest withMentions(Map<String, Mentioned> newMentions) {
        return new CommandRequest(from, place, command, text, newMentions, rights);
    }

    public CommandRequest withRights(ChannelRights newRights) {
        return new CommandRequest(from, place, command, text, mentions, newRights);
    }
}
