-- An answered question keeps what the answer was.
ALTER TABLE notes ADD COLUMN answer TEXT;

-- A command that named nobody exactly, kept so that a "did you mean" button can run it for the chosen contact.
CREATE TABLE pending_choices (
    id         INTEGER PRIMARY KEY,
    owner_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    command    TEXT    NOT NULL,
    rest       TEXT    NOT NULL,
    created_at TEXT    NOT NULL
);
CREATE INDEX pending_choices_owner ON pending_choices (owner_id, id);
