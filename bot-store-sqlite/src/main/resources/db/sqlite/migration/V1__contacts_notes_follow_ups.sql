-- Users per platform identity, with their settings. Dates are ISO local dates, instants ISO-8601 UTC.
CREATE TABLE users (
    id                 INTEGER PRIMARY KEY,
    platform           TEXT    NOT NULL,
    workspace          TEXT    NOT NULL,
    platform_user_id   TEXT    NOT NULL,
    display_name       TEXT    NOT NULL,
    time_zone          TEXT    NOT NULL DEFAULT 'UTC',
    zone_chosen        INTEGER NOT NULL DEFAULT 0,
    digest_time        TEXT    NOT NULL DEFAULT '09:00',
    digest_days        TEXT    NOT NULL DEFAULT 'EVERYDAY',
    paused_until       TEXT,
    max_items          INTEGER NOT NULL DEFAULT 5,
    about_topics       TEXT    NOT NULL DEFAULT '',
    unreachable_reason TEXT,
    created_at         TEXT    NOT NULL,
    UNIQUE (platform, workspace, platform_user_id)
);

-- A person in one user's circle.
CREATE TABLE contacts (
    id               INTEGER PRIMARY KEY,
    owner_id         INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name             TEXT    NOT NULL,
    name_key         TEXT    NOT NULL,
    platform_user_id TEXT,
    how_met          TEXT,
    rhythm           TEXT,
    rhythm_next      TEXT,
    last_contact     TEXT,
    last_initiator   TEXT,
    created_at       TEXT    NOT NULL
);
CREATE UNIQUE INDEX contacts_owner_name ON contacts (owner_id, name_key);
CREATE UNIQUE INDEX contacts_owner_platform_user ON contacts (owner_id, platform_user_id)
    WHERE platform_user_id IS NOT NULL;

CREATE TABLE notes (
    id          INTEGER PRIMARY KEY,
    owner_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    contact_id  INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    kind        TEXT    NOT NULL,
    body        TEXT    NOT NULL,
    tags        TEXT    NOT NULL DEFAULT '',
    answered_at TEXT,
    created_at  TEXT    NOT NULL
);
CREATE INDEX notes_owner_contact ON notes (owner_id, contact_id, id);

CREATE TABLE follow_ups (
    id         INTEGER PRIMARY KEY,
    owner_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    due_on     TEXT    NOT NULL,
    reason     TEXT,
    status     TEXT    NOT NULL,
    created_at TEXT    NOT NULL,
    closed_at  TEXT
);
CREATE UNIQUE INDEX follow_ups_one_open ON follow_ups (owner_id, contact_id) WHERE status = 'OPEN';
CREATE INDEX follow_ups_owner_due ON follow_ups (owner_id, status, due_on);
