package dev.rapport.core.port;

import java.time.Instant;

/**
 * Jobs that must run on one instance at a time (starting pairing rounds, for one): an instance runs the job only
 * while it holds the job's lease.
 */
public interface JobLeases {
    /**
     * Takes or renews the job's lease: true when nobody else holds it at {@code now} (never held, ended, or already
     * this holder's), and it is then this holder's until {@code lease.until()}; false, changing nothing, otherwise.
     */
    boolean hold(String job, Lease lease, Instant now);
}
