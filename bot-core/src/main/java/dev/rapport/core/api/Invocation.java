package dev.rapport.core.api;

import dev.rapport.core.domain.User;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A command or action being handled: the user, their local today, now, the text, where it came from, and where it
 * may show its progress before it answers.
 */
public record Invocation(
        User user,
        LocalDate today,
        Instant now,
        Requester from,
        Place place,
        String text,
        Map<String, Mentioned> mentions,
        ChannelRights rights,
        Progress progress) {

    public Invocation {
        mentions = Map.copyOf(mentions);
    }

    public long userId() {
        return user.id();
    }

    /** The team channel the request came from, if it came from one. */
    public Optional<String> teamChannel() {
        return place.teamChannel();
    }

    /** Whether the requester may manage this channel; the adapter is asked at most once. */
    public boolean canManageChannel() {
        return rights.canManageChannel();
    }

    /** The names of the users mentioned, by platform id. */
    public Map<String, String> mentionNames() {
        Map<String, String> names = new LinkedHashMap<>();
        mentions.forEach((id, mentioned) -> names.put(id, mentioned.name()));
        return names;
    }

    public Invocation withText(String newText) {
        return new Invocation(user, today, now, from, place, newText, mentions, rights, progress);
    }
}
