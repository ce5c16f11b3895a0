-- Introductions posted in channels. a and b are platform users (by id, so renames still resolve); the why is what
-- the introducer posted publicly. Instants are UTC text with fixed milliseconds so that they sort as text.
CREATE TABLE intros (
    id              INTEGER PRIMARY KEY,
    platform        TEXT    NOT NULL,
    workspace       TEXT    NOT NULL,
    channel_id      TEXT    NOT NULL,
    introducer_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    introducer_name TEXT    NOT NULL,
    a_user_id       TEXT    NOT NULL,
    a_name          TEXT    NOT NULL,
    b_user_id       TEXT    NOT NULL,
    b_name          TEXT    NOT NULL,
    why             TEXT    NOT NULL,
    created_at      TEXT    NOT NULL,
    check_in_on     TEXT    NOT NULL,
    check_in        TEXT    NOT NULL DEFAULT 'OPEN',
    a_found_at      TEXT,
    b_found_at      TEXT
);
CREATE INDEX intros_check_ins ON intros (introducer_id, check_in, check_in_on);
CREATE INDEX intros_waiting_a ON intros (platform, workspace, a_user_id) WHERE a_found_at IS NULL;
CREATE INDEX intros_waiting_b ON intros (platform, workspace, b_user_id) WHERE b_found_at IS NULL;

-- Pairing rounds per channel.
CREATE TABLE round_channels (
    id            INTEGER PRIMARY KEY,
    platform      TEXT    NOT NULL,
    workspace     TEXT    NOT NULL,
    channel_id    TEXT    NOT NULL,
    rounds_on     INTEGER NOT NULL DEFAULT 0,
    every_weeks   INTEGER NOT NULL DEFAULT 2,
    revisit       INTEGER NOT NULL DEFAULT 0,
    next_round_at TEXT,
    UNIQUE (platform, workspace, channel_id)
);
CREATE INDEX round_channels_due ON round_channels (next_round_at) WHERE next_round_at IS NOT NULL;

-- Members' own choices: joined (where the platform cannot list members), left, and sitting out the next round.
CREATE TABLE round_members (
    channel_ref      INTEGER NOT NULL REFERENCES round_channels (id) ON DELETE CASCADE,
    platform_user_id TEXT    NOT NULL,
    display_name     TEXT    NOT NULL,
    choice           TEXT    NOT NULL DEFAULT 'NONE',
    skip_next        INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (channel_ref, platform_user_id)
);

CREATE TABLE rounds (
    id          INTEGER PRIMARY KEY,
    channel_ref INTEGER NOT NULL REFERENCES round_channels (id) ON DELETE CASCADE,
    number      INTEGER NOT NULL,
    ran_at      TEXT    NOT NULL,
    UNIQUE (channel_ref, number)
);

-- Who was in which group (pair or trio) of a round, and their answer to "Did you meet?".
CREATE TABLE round_matches (
    id               INTEGER PRIMARY KEY,
    round_id         INTEGER NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
    group_no         INTEGER NOT NULL,
    platform_user_id TEXT    NOT NULL,
    display_name     TEXT    NOT NULL,
    answer           TEXT,
    answered_at      TEXT,
    UNIQUE (round_id, platform_user_id)
);
CREATE INDEX round_matches_group ON round_matches (round_id, group_no);

-- The rounds' direct messages: one row per person, round and kind, claimed by the unique key, marked when sent.
CREATE TABLE round_dms (
    id         INTEGER PRIMARY KEY,
    match_id   INTEGER NOT NULL REFERENCES round_matches (id) ON DELETE CASCADE,
    kind       TEXT    NOT NULL,
    due_at     TEXT    NOT NULL,
    status     TEXT    NOT NULL DEFAULT 'PENDING',
    attempts   INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    sent_at    TEXT,
    UNIQUE (match_id, kind)
);
CREATE INDEX round_dms_pending ON round_dms (status, due_at);
