package dev.rapport.core.reply;

import java.util.List;
import java.util.Optional;

/** A block of a reply: an optional heading, body text, label/value fields, and buttons that belong to it. */
public record Section(Optional<String> heading, Text body, List<Field> fields, List<Button> buttons) {
    public Section {
        fields = List.copyOf(fields);
        buttons = List.copyOf(buttons);
    }

    public static Section of(String body) {
        return of(Text.plain(body));
    }

    public static Section of(Text body) {
        return new Section(Optional.empty(), body, List.of(), List.of());
    }

    public static Section titled(String heading, String body) {
        return new Section(Optional.of(heading), Text.plain(body), List.of(), List.of());
    }

    public static Section titled(String heading, String body, List<Field> fields) {
        return new Section(Optional.of(heading), Text.plain(body), fields, List.of());
    }

    public Section withButtons(List<Button> newButtons) {
        return new Section(heading, body, fields, newButtons);
    }

    /** A label and its value, shown side by side where the platform can. */
    public record Field(String label, String value) {}
}
