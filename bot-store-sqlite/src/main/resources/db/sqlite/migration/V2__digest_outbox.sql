-- The daily digest's outbox: one row per user and local date. The unique key is what makes a digest happen at
-- most once per day, across ticks, restarts and retries.
--   state: CLAIMED (owed, not delivered yet) → SENT, or a closing state:
--          NOTHING_DUE (planned, nothing to say), UNREACHABLE (the platform cannot message the user),
--          EXPIRED (the user's local date passed before delivery), SKIPPED (paused or not a digest day by send time).
-- Instants are ISO-8601 UTC to the second ("2026-11-25T09:00:00Z"), so that text order is time order.
CREATE TABLE digest_outbox (
    id              INTEGER PRIMARY KEY,
    user_id         INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    local_date      TEXT    NOT NULL,
    state           TEXT    NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    last_error      TEXT,
    next_attempt_at TEXT,
    claimed_at      TEXT    NOT NULL,
    sent_at         TEXT,
    closed_at       TEXT,
    UNIQUE (user_id, local_date)
);
CREATE INDEX digest_outbox_pending ON digest_outbox (next_attempt_at) WHERE state = 'CLAIMED';

-- The scheduler works zone by zone: which zones exist, and who in a zone has reached their digest time.
CREATE INDEX users_zone_digest_time ON users (time_zone, digest_time);

-- Planning a digest reads only the contacts whose rhythm has lapsed, not a user's whole circle.
CREATE INDEX contacts_owner_rhythm ON contacts (owner_id, rhythm_next) WHERE rhythm_next IS NOT NULL;
