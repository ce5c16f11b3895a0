-- The digest time a day's entry was claimed for. A day closed unsent (nothing due, or paused) is owed again once the
-- user moves their digest to a later time that same date; only a SENT entry ends the day. Rows from before this
-- column are never reopened.
ALTER TABLE digest_outbox ADD COLUMN digest_time TEXT;
