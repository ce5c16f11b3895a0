-- PostgreSQL mirror of SQLite's migration of the same version; TEXT is COLLATE "C" so it compares as SQLite's.
-- The rounds' direct messages go through the same delivery as digests: set just before a message is handed to the
-- platform and cleared when the platform says it did not take it, so that after a crash the platform is asked
-- before the message is sent again.
ALTER TABLE round_dms ADD COLUMN send_started_at TEXT COLLATE "C";
