package dev.rapport.store.sqlite;

import dev.rapport.core.port.JobLeases;
import dev.rapport.core.port.Lease;
import java.time.Instant;

/** Job leases in the database: a job's row names its holder until its lease ends. */
public final class SqliteJobLeases implements JobLeases {
    private final Database db;

    public SqliteJobLeases(Database db) {
        this.db = db;
    }

    @Override
    public boolean hold(String job, Lease lease, Instant now) {
        return db.write(c -> Rows.update(
                        c,
                        "INSERT INTO job_leases (job, holder, lease_until) VALUES (?, ?, ?) ON CONFLICT (job) DO UPDATE"
                                + " SET holder = excluded.holder, lease_until = excluded.lease_until"
                                + " WHERE job_leases.lease_until < ? OR job_leases.holder = excluded.holder",
                        job,
                        lease.holder(),
                        SortableTime.of(lease.until()),
                        SortableTime.of(now)))
                == 1;
    }
}
