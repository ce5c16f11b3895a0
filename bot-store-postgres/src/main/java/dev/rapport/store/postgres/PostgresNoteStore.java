package dev.rapport.store.postgres;

import static dev.rapport.store.postgres.Rows.instant;
import static dev.rapport.store.postgres.Rows.optionalInstant;
import static dev.rapport.store.postgres.Rows.optionalString;

import dev.rapport.core.domain.Note;
import dev.rapport.core.domain.NoteKind;
import dev.rapport.core.port.NoteStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Notes in PostgreSQL; every statement filters by owner. */
public final class PostgresNoteStore implements NoteStore {
    static final String COLUMNS = "id, owner_id, contact_id, kind, body, tags, answered_at, created_at, answer";

    private final Database db;

    public PostgresNoteStore(Database db) {
        this.db = db;
    }

    @Override
    public Note add(long ownerId, long contactId, NoteKind kind, String body, List<String> tags, Instant at) {
        long id = db.write(c -> Rows.insert(
                c,
                "INSERT INTO notes (owner_id, contact_id, kind, body, tags, created_at)"
                        + " SELECT ?, id, ?, ?, ?, ? FROM contacts WHERE owner_id = ? AND id = ? RETURNING id",
                ownerId,
                kind.name(),
                body,
                String.join(" ", tags),
                at.toString(),
                ownerId,
                contactId));
        return new Note(id, ownerId, contactId, kind, body, tags, Optional.empty(), at, Optional.empty());
    }

    @Override
    public void addAll(long ownerId, NoteKind kind, List<Map.Entry<Long, String>> contactAndBody, Instant at) {
        List<Object[]> rows = contactAndBody.stream()
                .map(e -> new Object[] {ownerId, kind.name(), e.getValue(), "", at.toString(), ownerId, e.getKey()})
                .toList();
        db.write(c -> {
            Rows.batch(
                    c,
                    "INSERT INTO notes (owner_id, contact_id, kind, body, tags, created_at)"
                            + " SELECT ?, id, ?, ?, ?, ? FROM contacts WHERE owner_id = ? AND id = ?",
                    rows);
            return null;
        });
    }

    @Override
    public List<Note> forContact(long ownerId, long contactId) {
        return recent(ownerId, contactId, Integer.MAX_VALUE);
    }

    @Override
    public List<Note> recent(long ownerId, long contactId, int limit) {
        return db.read(c -> Rows.list(
                c,
                "SELECT " + COLUMNS + " FROM notes WHERE owner_id = ? AND contact_id = ? ORDER BY id DESC LIMIT ?",
                PostgresNoteStore::map,
                ownerId,
                contactId,
                limit));
    }

    @Override
    public int answerQuestions(long ownerId, long contactId, Instant at) {
        return db.write(c -> Rows.update(
                c,
                "UPDATE notes SET answered_at = ? WHERE owner_id = ? AND contact_id = ? AND kind = 'QUESTION'"
                        + " AND answered_at IS NULL",
                at.toString(),
                ownerId,
                contactId));
    }

    @Override
    public Optional<Note> byId(long ownerId, long noteId) {
        return db.read(c -> Rows.one(
                c,
                "SELECT " + COLUMNS + " FROM notes WHERE owner_id = ? AND id = ?",
                PostgresNoteStore::map,
                ownerId,
                noteId));
    }

    @Override
    public boolean delete(long ownerId, long noteId) {
        return db.write(c -> Rows.update(c, "DELETE FROM notes WHERE owner_id = ? AND id = ?", ownerId, noteId)) > 0;
    }

    @Override
    public void edit(long ownerId, long noteId, NoteKind kind, String body, List<String> tags) {
        db.write(c -> Rows.update(
                c,
                "UPDATE notes SET kind = ?, body = ?, tags = ? WHERE owner_id = ? AND id = ?",
                kind.name(),
                body,
                String.join(" ", tags),
                ownerId,
                noteId));
    }

    @Override
    public boolean answer(long ownerId, long noteId, Optional<String> answer, Instant at) {
        return db.write(c -> Rows.update(
                        c,
                        "UPDATE notes SET answered_at = ?, answer = ? WHERE owner_id = ? AND id = ?"
                                + " AND kind = 'QUESTION' AND answered_at IS NULL",
                        at.toString(),
                        answer,
                        ownerId,
                        noteId))
                > 0;
    }

    @Override
    public int moveAll(long ownerId, long fromContactId, long toContactId) {
        return db.write(c -> Rows.update(
                c,
                "UPDATE notes SET contact_id = ? WHERE owner_id = ? AND contact_id = ?"
                        + " AND EXISTS (SELECT 1 FROM contacts WHERE owner_id = ? AND id = ?)",
                toContactId,
                ownerId,
                fromContactId,
                ownerId,
                toContactId));
    }

    @Override
    public void setSource(long ownerId, long noteId, String url) {
        db.write(c -> Rows.update(
                c,
                "INSERT INTO note_sources (note_id, owner_id, url) SELECT id, owner_id, ? FROM notes"
                        + " WHERE owner_id = ? AND id = ? ON CONFLICT (note_id) DO UPDATE SET url = excluded.url",
                url,
                ownerId,
                noteId));
    }

    @Override
    public Map<Long, String> sources(long ownerId, long contactId) {
        return db.read(c -> {
            Map<Long, String> sources = new HashMap<>();
            Rows.list(
                            c,
                            "SELECT s.note_id, s.url FROM note_sources s JOIN notes n ON n.id = s.note_id"
                                    + " WHERE s.owner_id = ? AND n.owner_id = ? AND n.contact_id = ?",
                            rs -> Map.entry(rs.getLong("note_id"), rs.getString("url")),
                            ownerId,
                            ownerId,
                            contactId)
                    .forEach(entry -> sources.put(entry.getKey(), entry.getValue()));
            return sources;
        });
    }

    @Override
    public void markSubmitted(long ownerId, String submission, long noteId, Instant at) {
        db.write(c -> Rows.update(
                c,
                "INSERT INTO capture_submissions (owner_id, submission, note_id, created_at) VALUES (?, ?, ?, ?)",
                ownerId,
                submission,
                noteId,
                at.toString()));
    }

    @Override
    public Optional<Long> submitted(long ownerId, String submission) {
        return db.read(c -> Rows.one(
                c,
                "SELECT note_id FROM capture_submissions WHERE owner_id = ? AND submission = ?",
                rs -> rs.getLong("note_id"),
                ownerId,
                submission));
    }

    @Override
    public NoteCounts countsFor(long ownerId, long contactId) {
        return db.read(c -> Rows.one(
                        c,
                        "SELECT COUNT(*) AS notes, COALESCE(SUM(CASE WHEN kind = 'QUESTION' AND answered_at IS NULL THEN 1 ELSE 0 END), 0)"
                                + " AS open_questions FROM notes WHERE owner_id = ? AND contact_id = ?",
                        rs -> new NoteCounts(rs.getInt("notes"), rs.getInt("open_questions")),
                        ownerId,
                        contactId)
                .orElse(NoteCounts.NONE));
    }

    @Override
    public Map<Long, NoteCounts> counts(long ownerId) {
        return db.read(c -> {
            Map<Long, NoteCounts> counts = new HashMap<>();
            Rows.list(
                            c,
                            "SELECT contact_id, COUNT(*) AS notes,"
                                    + " SUM(CASE WHEN kind = 'QUESTION' AND answered_at IS NULL THEN 1 ELSE 0 END) AS open_questions"
                                    + " FROM notes WHERE owner_id = ? GROUP BY contact_id",
                            rs -> Map.entry(
                                    rs.getLong("contact_id"),
                                    new NoteCounts(rs.getInt("notes"), rs.getInt("open_questions"))),
                            ownerId)
                    .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
            return counts;
        });
    }

    static Note map(ResultSet rs) throws SQLException {
        String tags = rs.getString("tags");
        return new Note(
                rs.getLong("id"),
                rs.getLong("owner_id"),
                rs.getLong("contact_id"),
                NoteKind.valueOf(rs.getString("kind")),
                rs.getString("body"),
                tags.isEmpty() ? List.of() : Arrays.asList(tags.split(" ")),
                optionalInstant(rs, "answered_at"),
                instant(rs, "created_at"),
                optionalString(rs, "answer"));
    }
}
