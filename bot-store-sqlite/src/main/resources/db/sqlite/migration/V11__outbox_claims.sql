-- Every take of an outbox row, by any instance, counts one more claim (PostgreSQL mirrors this version). An instance
-- marks a row (sending, sent, retry, unreachable, closed) only while claimed_by and claims are still those of its own
-- take: one that was slow past its lease, and whose row another instance took over, cannot mark it any more.
ALTER TABLE digest_outbox ADD COLUMN claims INTEGER NOT NULL DEFAULT 0;
ALTER TABLE round_dms ADD COLUMN claims INTEGER NOT NULL DEFAULT 0;
