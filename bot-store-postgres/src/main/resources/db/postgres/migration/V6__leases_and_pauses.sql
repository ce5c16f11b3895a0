-- PostgreSQL mirror of SQLite's migration of the same version; TEXT is COLLATE "C" so it compares as SQLite's.
-- Several Rapport instances may share one database (PostgreSQL mirrors this version). An instance takes outbox rows
-- under a lease: claimed_by names it, lease_until says until when the rows are its own. A row whose lease ran out
-- (its instance died) may be taken over by another, which asks the platform before resending if send_started_at is
-- set. takeovers counts those takeovers.
ALTER TABLE digest_outbox ADD COLUMN claimed_by TEXT COLLATE "C";
ALTER TABLE digest_outbox ADD COLUMN lease_until TEXT COLLATE "C";
ALTER TABLE digest_outbox ADD COLUMN takeovers BIGINT NOT NULL DEFAULT 0;
ALTER TABLE round_dms ADD COLUMN claimed_by TEXT COLLATE "C";
ALTER TABLE round_dms ADD COLUMN lease_until TEXT COLLATE "C";
ALTER TABLE round_dms ADD COLUMN takeovers BIGINT NOT NULL DEFAULT 0;

-- A platform that answered a rate limit with Retry-After is paused for every instance until paused_until.
CREATE TABLE platform_pauses (
    platform     TEXT COLLATE "C" PRIMARY KEY,
    paused_until TEXT COLLATE "C" NOT NULL
);

-- Jobs run by one instance at a time (starting pairing rounds): the holder runs it until lease_until.
CREATE TABLE job_leases (
    job         TEXT COLLATE "C" PRIMARY KEY,
    holder      TEXT COLLATE "C" NOT NULL,
    lease_until TEXT COLLATE "C" NOT NULL
);
