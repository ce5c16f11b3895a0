package dev.rapport.core.port;

import dev.rapport.core.domain.Note;
import dev.rapport.core.domain.NoteKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Notes about contacts. Every method is scoped by the owner's id. */
public interface NoteStore {
    Note add(long ownerId, long contactId, NoteKind kind, String body, List<String> tags, Instant at);

    /** Newest first. */
    List<Note> forContact(long ownerId, long contactId);

    /** Newest first, at most {@code limit}. */
    List<Note> recent(long ownerId, long contactId, int limit);

    /** Marks the contact's open questions answered; returns how many. */
    int answerQuestions(long ownerId, long contactId, Instant at);

    /** How many notes and open questions one contact has. */
    NoteCounts countsFor(long ownerId, long contactId);

    /** For every contact of the owner that has notes: how many notes, and how many open questions. */
    Map<Long, NoteCounts> counts(long ownerId);

    /** How many notes and open questions one contact has. */
    record NoteCounts(int notes, int openQuestions) {
        public static final NoteCounts NONE = new NoteCounts(0, 0);
    }
}
