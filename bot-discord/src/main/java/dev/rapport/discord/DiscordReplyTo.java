package dev.rapport.discord;

import dev.rapport.core.inbox.FormFields;
import dev.rapport.discord.command.Attachment;
import java.util.Optional;

/**
 * Where a Discord interaction's answer goes, as the inbox keeps it: the interaction's id (for its deferral), the
 * application and interaction token of its webhook, whether the deferral was private, the pointer a cut reply ends
 * with, and what only the interaction could tell: the member's rights in the channel and an attached file. The token
 * is a secret for 15 minutes: {@link #toString()} never shows it.
 */
record DiscordReplyTo(
        String interactionId,
        long applicationId,
        String token,
        boolean deferredPrivately,
        String pointer,
        boolean canManage,
        Optional<Attachment> file) {

    String encode() {
        FormFields fields = FormFields.empty()
                .with("i", interactionId)
                .with("a", Long.toUnsignedString(applicationId))
                .with("t", token)
                .with("e", deferredPrivately)
                .with("p", pointer)
                .with("m", canManage);
        if (file.isPresent()) {
            fields = fields.with("fn", file.get().fileName())
                    .with("fu", file.get().url())
                    .with("fm", Integer.toString(file.get().maxBytes()));
        }
        return fields.encode();
    }

    /** Reads a handle back; throws IllegalArgumentException when it is not one this adapter wrote. */
    static DiscordReplyTo decode(String encoded) {
        FormFields fields = FormFields.decode(encoded);
        Optional<Attachment> file = fields.get("fu")
                .map(url -> new Attachment(fields.get("fn").orElse("file"), url, Integer.parseInt(fields.need("fm"))));
        return new DiscordReplyTo(
                fields.need("i"),
                Long.parseUnsignedLong(fields.need("a")),
                fields.need("t"),
                fields.flag("e"),
                fields.get("p").orElse(""),
                fields.flag("m"),
                file);
    }

    @Override
    public String toString() {
        return "DiscordReplyTo[interaction=" + interactionId + ", token=(hidden), private=" + deferredPrivately + "]";
    }
}
