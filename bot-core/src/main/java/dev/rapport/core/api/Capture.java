package dev.rapport.core.api;

import java.util.Objects;
import java.util.Optional;

/**
 * A capture form as submitted: the platform user chosen (as the directory describes them) or a free name, the note,
 * whether to ask it next time, an optional follow-up time phrase, and the source the form kept.
 */
public record Capture(
        Optional<PlatformUser> person,
        Optional<String> name,
        String note,
        boolean askNextTime,
        Optional<String> followUp,
        Optional<String> source) {
    public Capture {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(name, "name");
        note = note == null ? "" : note;
        Objects.requireNonNull(followUp, "followUp");
        Objects.requireNonNull(source, "source");
    }
}
