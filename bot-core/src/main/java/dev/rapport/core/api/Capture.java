package dev.rapport.core.api;

import java.util.Objects;
import java.util.Optional;

/**
 * A capture form as submitted: the platform user chosen (as the directory describes them) or a free name, the note,
 * whether to ask it next time, an optional follow-up time phrase, the source the form kept, and the platform's id for
 * this submission (a Slack view id, a Discord interaction id), by which a submission sent twice is saved once.
 */
public record Capture(
        Optional<PlatformUser> person,
        Optional<String> name,
        String note,
        boolean askNextTime,
        Optional<String> followUp,
        Optional<String> source,
        Optional<String> submission) {
    public Capture {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(name, "name");
        note = note == null ? "" : note;
        Objects.requireNonNull(followUp, "followUp");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(submission, "submission");
    }

    /** A submission the platform gives no id for: sent twice, it is saved twice. */
    public Capture(
            Optional<PlatformUser> person,
            Optional<String> name,
            String note,
            boolean askNextTime,
            Optional<String> followUp,
            Optional<String> source) {
        this(person, name, note, askNextTime, followUp, source, Optional.empty());
    }
}
