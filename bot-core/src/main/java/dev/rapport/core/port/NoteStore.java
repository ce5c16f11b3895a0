package dev.rapport.core.port;

import dev.rapport.core.domain.Note;
import dev.rapport.core.domain.NoteKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Notes about contacts. Every method is scoped by the owner's id. */
public interface NoteStore {
    Note add(long ownerId, long contactId, NoteKind kind, String body, List<String> tags, Instant at);

    /** Adds many untagged notes of one kind at once (an import), as {@link #add} one by one would. */
    default void addAll(long ownerId, NoteKind kind, List<Map.Entry<Long, String>> contactAndBody, Instant at) {
        contactAndBody.forEach(e -> add(ownerId, e.getKey(), kind, e.getValue(), List.of(), at));
    }

    /** Newest first. */
    List<Note> forContact(long ownerId, long contactId);

    /** Newest first, at most {@code limit}. */
    List<Note> recent(long ownerId, long contactId, int limit);

    /** Marks the contact's open questions answered; returns how many. */
    int answerQuestions(long ownerId, long contactId, Instant at);

    /** One note of the owner's, by id. */
    Optional<Note> byId(long ownerId, long noteId);

    /** Deletes one note; false when it is not the owner's or already gone. */
    boolean delete(long ownerId, long noteId);

    /** Writes a note again: its kind, text and tags. */
    void edit(long ownerId, long noteId, NoteKind kind, String body, List<String> tags);

    /** Marks one open question answered, keeping the answer when given; false when it was not open. */
    boolean answer(long ownerId, long noteId, Optional<String> answer, Instant at);

    /** Moves every note of one contact to another (a merge); returns how many. */
    int moveAll(long ownerId, long fromContactId, long toContactId);

    /**
     * Keeps where one of the owner's notes came from (the link of the message it was filed from), replacing any
     * source it had; nothing happens when the note is not the owner's.
     */
    void setSource(long ownerId, long noteId, String url);

    /** The sources of the owner's notes about one contact, by note id; notes without a source are not in it. */
    Map<Long, String> sources(long ownerId, long contactId);

    /** Records that a form submission (a platform's id for it) was saved as this note of the owner's. */
    void markSubmitted(long ownerId, String submission, long noteId, Instant at);

    /** The note a form submission of the owner's was saved as, if it was saved before. */
    Optional<Long> submitted(long ownerId, String submission);

    /** How many notes and open questions one contact has. */
    NoteCounts countsFor(long ownerId, long contactId);

    /** For every contact of the owner that has notes: how many notes, and how many open questions. */
    Map<Long, NoteCounts> counts(long ownerId);

    /** How many notes and open questions one contact has. */
    record NoteCounts(int notes, int openQuestions) {
        public static final NoteCounts NONE = new NoteCounts(0, 0);

        /** "Things known", the same everywhere: every note except the questions still open. */
        public int known() {
            return notes - openQuestions;
        }
    }
}
