-- E-mail addresses on contacts: an import recognises people already known by them.
CREATE TABLE contact_emails (
    owner_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    email      TEXT    NOT NULL,
    PRIMARY KEY (owner_id, contact_id, email)
);

-- Dates that come back every year (birthdays, anniversaries); year is NULL when unknown.
CREATE TABLE yearly_dates (
    id         INTEGER PRIMARY KEY,
    owner_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    label      TEXT    NOT NULL,
    month      INTEGER NOT NULL,
    day        INTEGER NOT NULL,
    year       INTEGER,
    UNIQUE (owner_id, contact_id, label)
);

-- How many days before a yearly date the digest mentions it too; no row means on the day only.
CREATE TABLE yearly_date_leads (
    owner_id    INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    days_before INTEGER NOT NULL
);

-- A file read for an import's preview, until confirmed or cancelled.
CREATE TABLE pending_imports (
    id         INTEGER PRIMARY KEY,
    owner_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    file_name  TEXT    NOT NULL,
    content    TEXT    NOT NULL,
    created_at TEXT    NOT NULL
);
CREATE INDEX pending_imports_owner ON pending_imports (owner_id, created_at);

-- A private calendar feed per user, known by the SHA-256 of its secret token only.
CREATE TABLE calendar_feeds (
    owner_id   INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    token_hash TEXT    NOT NULL UNIQUE,
    created_at TEXT    NOT NULL
);
