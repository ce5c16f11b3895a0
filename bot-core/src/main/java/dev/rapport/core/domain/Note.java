package dev.rapport.core.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One thing a user wrote about a contact. */
public record Note(
        long id,
        long ownerId,
        long contactId,
        NoteKind kind,
        String body,
        List<String> tags,
        Optional<Instant> answeredAt,
        Instant createdAt,
        Optional<String> answer) {

    public Note {
        tags = List.copyOf(tags);
    }

    /** Written by the user (a note, a question, what happened), not kept by Rapport (a snooze reason, an intro). */
    public boolean writtenByUser() {
        return kind.writtenByUser();
    }

    public boolean isOpenQuestion() {
        return kind == NoteKind.QUESTION && answeredAt.isEmpty();
    }
}
