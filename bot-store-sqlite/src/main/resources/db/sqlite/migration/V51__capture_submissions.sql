-- Forms of "Remember this" already saved (issue 12), by the platform's id of the submission (a Slack view id), so a
-- submission sent again (a replay, a retry) is recognised and not saved twice. note_id is the note it was saved as;
-- the row stays when that note is deleted, so an undone capture is not brought back by a replay either.
CREATE TABLE capture_submissions (
    owner_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    submission TEXT    NOT NULL,
    note_id    INTEGER NOT NULL,
    created_at TEXT    NOT NULL,
    PRIMARY KEY (owner_id, submission)
);
