package dev.rapport.store.postgres;

import dev.rapport.core.port.InstallationStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Installations in PostgreSQL; the bot token arrives sealed and is stored as it came. */
public final class PostgresInstallationStore implements InstallationStore {
    private static final String COLUMNS = "platform, workspace, enterprise_id, team_id, bot_user_id, bot_id, scopes,"
            + " installer_user_id, sealed_token, state, reason, installed_at, changed_at";

    private final Database db;

    public PostgresInstallationStore(Database db) {
        this.db = db;
    }

    @Override
    public void put(Stored installation) {
        db.write(c -> Rows.update(
                c,
                "INSERT INTO installations (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (platform, workspace) DO UPDATE SET enterprise_id = excluded.enterprise_id,"
                        + " team_id = excluded.team_id, bot_user_id = excluded.bot_user_id,"
                        + " bot_id = excluded.bot_id, scopes = excluded.scopes,"
                        + " installer_user_id = excluded.installer_user_id, sealed_token = excluded.sealed_token,"
                        + " state = excluded.state, reason = excluded.reason, installed_at = excluded.installed_at,"
                        + " changed_at = excluded.changed_at",
                installation.platform(),
                installation.workspace(),
                installation.enterpriseId(),
                installation.teamId(),
                installation.botUserId(),
                installation.botId(),
                installation.scopes(),
                installation.installerUserId(),
                installation.sealedToken(),
                installation.state().name(),
                installation.reason(),
                SortableTime.of(installation.installedAt()),
                SortableTime.of(installation.changedAt())));
    }

    @Override
    public Optional<Stored> find(String platform, String workspace) {
        return db.read(c -> Rows.one(
                c,
                "SELECT " + COLUMNS + " FROM installations WHERE platform = ? AND workspace = ?",
                PostgresInstallationStore::stored,
                platform,
                workspace));
    }

    @Override
    public List<Stored> withTokens(String platform) {
        return db.read(c -> Rows.list(
                c,
                "SELECT " + COLUMNS + " FROM installations WHERE platform = ? AND sealed_token IS NOT NULL"
                        + " ORDER BY workspace",
                PostgresInstallationStore::stored,
                platform));
    }

    @Override
    public boolean reseal(String platform, String workspace, String sealedToken) {
        return db.write(c -> Rows.update(
                        c,
                        "UPDATE installations SET sealed_token = ? WHERE platform = ? AND workspace = ?"
                                + " AND state = 'ACTIVE'",
                        sealedToken,
                        platform,
                        workspace))
                > 0;
    }

    @Override
    public boolean close(String platform, String workspace, State state, String reason, Instant at) {
        return db.write(c -> Rows.update(
                        c,
                        "UPDATE installations SET sealed_token = NULL, state = ?, reason = ?, changed_at = ?"
                                + " WHERE platform = ? AND workspace = ? AND state = 'ACTIVE'",
                        state.name(),
                        reason,
                        SortableTime.of(at),
                        platform,
                        workspace))
                > 0;
    }

    private static Stored stored(ResultSet rs) throws SQLException {
        return new Stored(
                rs.getString("platform"),
                rs.getString("workspace"),
                Rows.optionalString(rs, "enterprise_id"),
                Rows.optionalString(rs, "team_id"),
                rs.getString("bot_user_id"),
                rs.getString("bot_id"),
                rs.getString("scopes"),
                rs.getString("installer_user_id"),
                Rows.optionalString(rs, "sealed_token"),
                State.valueOf(rs.getString("state")),
                Rows.optionalString(rs, "reason"),
                Rows.instant(rs, "installed_at"),
                Rows.instant(rs, "changed_at"));
    }
}
