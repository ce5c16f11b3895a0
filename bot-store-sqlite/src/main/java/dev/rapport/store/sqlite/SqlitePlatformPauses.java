package dev.rapport.store.sqlite;

import dev.rapport.core.port.PlatformPauses;
import java.time.Instant;
import java.util.Optional;

/** Platform pauses in the database, so that a pause holds for every process that opens it. */
public final class SqlitePlatformPauses implements PlatformPauses {
    private final Database db;

    public SqlitePlatformPauses(Database db) {
        this.db = db;
    }

    @Override
    public Optional<Instant> pausedUntil(String platform) {
        return db.read(c -> Rows.one(
                c,
                "SELECT paused_until FROM platform_pauses WHERE platform = ?",
                rs -> Rows.instant(rs, "paused_until"),
                platform));
    }

    @Override
    public void pause(String platform, Instant until) {
        db.write(c -> Rows.update(
                c,
                "INSERT INTO platform_pauses (platform, paused_until) VALUES (?, ?) ON CONFLICT (platform) DO UPDATE"
                        + " SET paused_until = excluded.paused_until"
                        + " WHERE excluded.paused_until > platform_pauses.paused_until",
                platform,
                SortableTime.of(until)));
    }
}
