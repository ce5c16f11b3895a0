-- Where a note came from (issue 12's "Remember this"): the link of the message it was filed from. One source per
-- note, owned as the note is; it goes with its note.
CREATE TABLE note_sources (
    note_id  INTEGER PRIMARY KEY REFERENCES notes (id) ON DELETE CASCADE,
    owner_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    url      TEXT    NOT NULL
);
CREATE INDEX note_sources_owner ON note_sources (owner_id);
