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
        Instant createdAt) {

    public Note {
        tags = List.copyOf(tags);
    }

    public boolean isOpenQuestion() {
        return kind == NoteKind.QUESTION && answeredAt.isEmpty();
    }
}
