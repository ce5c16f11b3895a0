package dev.rapport.core.reply;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** What core answers, for any platform to render: sections, buttons, maybe a file. */
public record Reply(
        List<Section> sections,
        List<Button> buttons,
        Visibility visibility,
        Optional<Attachment> attachment,
        boolean isError) {

    public Reply {
        sections = List.copyOf(sections);
        buttons = List.copyOf(buttons);
    }

    public static Reply of(Section... sections) {
        return new Reply(List.of(sections), List.of(), Visibility.PRIVATE, Optional.empty(), false);
    }

    public static Reply text(String text) {
        return of(Section.of(text));
    }

    /** A user mistake: one line saying what is wrong and, if given, a correct example. */
    public static Reply error(String reason, String example) {
        String body = example.isEmpty() ? reason : reason + "\nExample: " + example;
        return new Reply(List.of(Section.of(body)), List.of(), Visibility.PRIVATE, Optional.empty(), true);
    }

    public static Reply error(String reason) {
        return error(reason, "");
    }

    public Reply withButtons(List<Button> newButtons) {
        return new Reply(sections, newButtons, visibility, attachment, isError);
    }

    public Reply withAttachment(Attachment file) {
        return new Reply(sections, buttons, visibility, Optional.of(file), isError);
    }

    public Reply visibleTo(Visibility newVisibility) {
        return new Reply(sections, buttons, newVisibility, attachment, isError);
    }

    /** A reply with a section put first (a notice the user should see). */
    public Reply withNotice(Section notice) {
        List<Section> all = new ArrayList<>();
        all.add(notice);
        all.addAll(sections);
        return new Reply(all, buttons, visibility, attachment, isError);
    }

    /** Every button of the reply: each section's, then the reply's own. */
    public List<Button> allButtons() {
        List<Button> all = new ArrayList<>();
        sections.forEach(section -> all.addAll(section.buttons()));
        all.addAll(buttons);
        return all;
    }

    /** All text of the reply as plain characters: headings, bodies, fields and button labels. */
    public String plainText() {
        List<String> parts = new ArrayList<>();
        for (Section section : sections) {
            section.heading().ifPresent(parts::add);
            parts.add(section.body().plainText());
            section.fields().forEach(field -> parts.add(field.label() + ": " + field.value()));
            section.buttons().forEach(button -> parts.add(button.label()));
        }
        buttons.forEach(button -> parts.add(button.label()));
        return parts.stream().filter(part -> !part.isEmpty()).collect(Collectors.joining("\n"));
    }

    /** Who sees a reply. */
    public enum Visibility {
        /** Only the person who asked (ephemeral). */
        PRIVATE,
        /** Everyone in the channel (an intro post). */
        CHANNEL
    }
}
