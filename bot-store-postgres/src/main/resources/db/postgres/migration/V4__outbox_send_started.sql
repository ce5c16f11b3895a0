-- PostgreSQL mirror of SQLite's migration of the same version; TEXT is COLLATE "C" so it compares as SQLite's.
-- Set just before a digest is handed to the platform, cleared when the platform says it did not take it.
-- A CLAIMED row that still has it after a crash may already have reached the user: the scheduler asks the platform
-- before sending again.
ALTER TABLE digest_outbox ADD COLUMN send_started_at TEXT COLLATE "C";
