-- Several Rapport instances may share one database (PostgreSQL mirrors this version). An instance takes outbox rows
-- under a lease: claimed_by names it, lease_until says until when the rows are its own. A row whose lease ran out
-- (its instance died) may be taken over by another, which asks the platform before resending if send_started_at is
-- set. takeovers counts those takeovers.
ALTER TABLE digest_outbox ADD COLUMN claimed_by TEXT;
ALTER TABLE digest_outbox ADD COLUMN lease_until TEXT;
ALTER TABLE digest_outbox ADD COLUMN takeovers INTEGER NOT NULL DEFAULT 0;
ALTER TABLE round_dms ADD COLUMN claimed_by TEXT;
ALTER TABLE round_dms ADD COLUMN lease_until TEXT;
ALTER TABLE round_dms ADD COLUMN takeovers INTEGER NOT NULL DEFAULT 0;

-- A platform that answered a rate limit with Retry-After is paused for every instance until paused_until.
CREATE TABLE platform_pauses (
    platform     TEXT PRIMARY KEY,
    paused_until TEXT NOT NULL
);

-- Jobs run by one instance at a time (starting pairing rounds): the holder runs it until lease_until.
CREATE TABLE job_leases (
    job         TEXT PRIMARY KEY,
    holder      TEXT NOT NULL,
    lease_until TEXT NOT NULL
);
