package dev.rapport.discord;

import dev.rapport.core.api.Capture;
import dev.rapport.core.api.PlatformUser;
import dev.rapport.core.people.PersonParser;
import dev.rapport.core.reply.CaptureForm;
import dev.rapport.core.reply.Prompt;
import dev.rapport.core.reply.TextFit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.components.checkbox.Checkbox;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.modals.Modal;

/**
 * Core's capture form ("Remember this" on a message) as a Discord modal, and its submission as core's capture. The
 * modal's id says which message it was opened on ({@link Id}), so that the message's link is kept as the note's
 * source with no state here. Who it is about is the message's author, under the name the form shows (editable: it
 * names a new contact); "ask next time" is a checkbox.
 */
final class CaptureModal {
    static final String WHO = "who";
    static final String NOTE = "note";
    static final String ASK = "ask";
    static final String FOLLOW_UP = "followup";

    private CaptureModal() {}

    /**
     * The message a capture modal was opened on, as its custom id: "cap:author:server:channel:message" (the server
     * is "@me" in a DM), at most 100 characters with Discord's 20-digit ids.
     */
    record Id(String authorId, String serverId, String channelId, String messageId) {
        private static final String PREFIX = "cap:";
        private static final Pattern ENCODED =
                Pattern.compile("cap:(\\d{1,20}):(\\d{1,20}|@me):(\\d{1,20}):(\\d{1,20})");

        String encode() {
            return PREFIX + authorId + ":" + serverId + ":" + channelId + ":" + messageId;
        }

        static boolean isOne(String customId) {
            return customId.startsWith(PREFIX);
        }

        static Optional<Id> parse(String customId) {
            Matcher id = ENCODED.matcher(customId);
            return id.matches()
                    ? Optional.of(new Id(id.group(1), id.group(2), id.group(3), id.group(4)))
                    : Optional.empty();
        }

        /** The message's jump link, as Discord writes it. */
        String jumpUrl() {
            return "https://discord.com/channels/" + serverId + "/" + channelId + "/" + messageId;
        }
    }

    /** The modal for a form opened on a message by {@code authorName}. */
    static Modal of(CaptureForm form, Id id, String authorName) {
        TextInput who = TextInput.create(WHO, TextInputStyle.SHORT)
                .setRequired(true)
                .setMaxLength(PersonParser.MAX_NAME_LENGTH)
                .setValue(TextFit.cut(authorName, PersonParser.MAX_NAME_LENGTH, ""))
                .build();
        TextInput.Builder note = input(NOTE, TextInputStyle.PARAGRAPH, form.note());
        if (!form.noteText().isBlank()) {
            note.setValue(TextFit.cut(form.noteText(), TextInput.MAX_VALUE_LENGTH, ""));
        }
        return Modal.create(id.encode(), TextFit.cut(form.title(), Modal.MAX_TITLE_LENGTH, ""))
                .addComponents(
                        Label.of(label(form.personLabel()), who),
                        Label.of(label(form.note().label()), note.build()),
                        Label.of(
                                label(form.askLabel()),
                                TextFit.cut(form.askOption(), Label.DESCRIPTION_MAX_LENGTH, ""),
                                Checkbox.of(ASK)),
                        Label.of(
                                label(form.followUp().label()),
                                input(FOLLOW_UP, TextInputStyle.SHORT, form.followUp())
                                        .build()))
                .build();
    }

    /**
     * The submitted modal as core's capture: about the author, under the name given. The interaction's id names the
     * submission, so one Discord delivers twice is saved once.
     */
    static Capture submitted(
            String interactionId,
            Id id,
            Optional<ModalMapping> who,
            Optional<ModalMapping> note,
            Optional<ModalMapping> ask,
            Optional<ModalMapping> followUp) {
        String name = who.map(ModalMapping::getAsString).map(String::strip).orElse("");
        return new Capture(
                Optional.of(PlatformUser.person(id.authorId(), name)),
                Optional.empty(),
                note.map(ModalMapping::getAsString).orElse(""),
                ask.map(ModalMapping::getAsBoolean).orElse(false),
                followUp.map(ModalMapping::getAsString).map(String::strip).filter(text -> !text.isEmpty()),
                Optional.of(id.jumpUrl()),
                Optional.of(interactionId));
    }

    private static TextInput.Builder input(String id, TextInputStyle style, Prompt prompt) {
        TextInput.Builder input = TextInput.create(id, style)
                .setRequired(!prompt.optional())
                .setMaxLength(
                        Math.min(prompt.maxLength(), Math.min(CaptureForm.INPUT_MAX, TextInput.MAX_VALUE_LENGTH)));
        if (!prompt.placeholder().isBlank()) {
            input.setPlaceholder(TextFit.cut(prompt.placeholder(), TextInput.MAX_PLACEHOLDER_LENGTH, ""));
        }
        return input;
    }

    private static String label(String text) {
        return TextFit.cut(text, Math.min(CaptureForm.LABEL_MAX, Label.LABEL_MAX_LENGTH), "");
    }
}
