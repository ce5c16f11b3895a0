-- Every command, button press and modal submission, written down before the platform is told it arrived. The key is
-- the platform's own id of the request, so a replay or a retry of it finds the row already there. Rows of one user
-- run one at a time, oldest first (lane = the user's platform key).
CREATE TABLE inbox (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    dedupe_key    TEXT NOT NULL UNIQUE,
    lane          TEXT NOT NULL,
    platform      TEXT NOT NULL,
    workspace     TEXT NOT NULL,
    user_id       TEXT NOT NULL,
    payload       TEXT NOT NULL,
    reply_to      TEXT NOT NULL,
    reply_until   TEXT NOT NULL,
    received_at   TEXT NOT NULL,
    state         TEXT NOT NULL DEFAULT 'PENDING',
    lease_until   TEXT,
    attempts      INTEGER NOT NULL DEFAULT 0,
    ran_at        TEXT,
    answered_at   TEXT,
    told_at       TEXT
);
CREATE INDEX inbox_lanes ON inbox (lane, state, id);
CREATE INDEX inbox_pending ON inbox (id) WHERE state = 'PENDING';
CREATE INDEX inbox_untold ON inbox (lane) WHERE told_at IS NULL AND state IN ('RAN', 'EXPIRED');
