package dev.rapport.core.api;

import java.util.Objects;
import java.util.Optional;

/**
 * What a capture form starts from: the author of the message it was opened on (absent for "Remember someone"), the
 * message's text, and the message's link, kept as the note's source.
 */
public record CaptureStart(Optional<PlatformUser> author, String text, Optional<String> source) {
    public CaptureStart {
        Objects.requireNonNull(author, "author");
        text = text == null ? "" : text;
        Objects.requireNonNull(source, "source");
    }

    /** "Remember someone": an empty form. */
    public static CaptureStart someone() {
        return new CaptureStart(Optional.empty(), "", Optional.empty());
    }

    /** "Remember this" on a message. */
    public static CaptureStart message(PlatformUser author, String text, Optional<String> source) {
        return new CaptureStart(Optional.of(author), text, source);
    }
}
