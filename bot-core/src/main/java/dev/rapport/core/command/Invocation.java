package dev.rapport.core.command;

import dev.rapport.core.domain.User;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/** A command or action being handled: the user, their local today, now, the text and where it came from. */
public record Invocation(
        User user,
        LocalDate today,
        Instant now,
        Requester from,
        Optional<String> channelId,
        String text,
        Map<String, String> mentionNames,
        boolean canManageChannel) {

    /** An invocation without channel-manager rights. */
    public Invocation(
            User user,
            LocalDate today,
            Instant now,
            Requester from,
            Optional<String> channelId,
            String text,
            Map<String, String> mentionNames) {
        this(user, today, now, from, channelId, text, mentionNames, false);
    }

    public long userId() {
        return user.id();
    }

    public Invocation withChannelRights(boolean canManage) {
        return new Invocation(user, today, now, from, channelId, text, mentionNames, canManage);
    }

    public Invocation withText(String newText) {
        return new Invocation(user, today, now, from, channelId, newText, mentionNames, canManageChannel);
    }
}
