package dev.rapport.store.sqlite;

import dev.rapport.core.port.WorkspacePurge;

/**
 * Deletes one workspace in one transaction: its users (their contacts, notes, follow-ups, digests, imports and
 * calendar feeds go with them, by foreign key), its intros and round channels (their rounds and messages go with
 * them), its waiting requests and its installation. {@code afterPurge} empties the caches in front of the stores.
 */
public final class SqliteWorkspacePurge implements WorkspacePurge {
    private final Database db;
    private final Runnable afterPurge;

    public SqliteWorkspacePurge(Database db, Runnable afterPurge) {
        this.db = db;
        this.afterPurge = afterPurge;
    }

    @Override
    public Purged purge(String platform, String workspace) {
        Purged purged = db.write(c -> {
            Rows.update(c, "DELETE FROM intros WHERE platform = ? AND workspace = ?", platform, workspace);
            int channels = Rows.update(
                    c, "DELETE FROM round_channels WHERE platform = ? AND workspace = ?", platform, workspace);
            int requests =
                    Rows.update(c, "DELETE FROM inbox WHERE platform = ? AND workspace = ?", platform, workspace);
            Rows.update(c, "DELETE FROM dm_channels WHERE platform = ? AND workspace = ?", platform, workspace);
            int users = Rows.update(c, "DELETE FROM users WHERE platform = ? AND workspace = ?", platform, workspace);
            int installation = Rows.update(
                    c, "DELETE FROM installations WHERE platform = ? AND workspace = ?", platform, workspace);
            return new Purged(users, channels, requests, installation > 0);
        });
        db.afterTransaction(afterPurge);
        return purged;
    }
}
