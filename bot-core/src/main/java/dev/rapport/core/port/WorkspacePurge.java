package dev.rapport.core.port;

/** Deletes everything Rapport holds of one workspace, for an operator who was asked to. */
public interface WorkspacePurge {

    /**
     * Deletes the workspace's users and all that is theirs (contacts, notes, follow-ups, digests, imports, calendar
     * feeds), its channels' intros and pairing rounds, its waiting requests and its installation, in one transaction.
     */
    Purged purge(String platform, String workspace);

    /** What was deleted. */
    record Purged(int users, int channels, int requests, boolean installation) {}
}
