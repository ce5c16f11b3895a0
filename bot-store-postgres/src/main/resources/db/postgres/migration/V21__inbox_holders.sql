-- PostgreSQL mirror of SQLite's migration of the same version; TEXT is COLLATE "C" so it compares as SQLite's.
-- Several Rapport instances may work one inbox. claimed_by names the instance that claimed a row last; lease_until
-- says until when the row is its own. At start an instance voids only its own leases; another instance's row is taken
-- over only once its lease ran out. A claim counts an attempt, and a worker marks its row only while claimed_by and
-- attempts are still its claim's, so a worker whose row was taken over cannot finish it.
ALTER TABLE inbox ADD COLUMN claimed_by TEXT COLLATE "C";
