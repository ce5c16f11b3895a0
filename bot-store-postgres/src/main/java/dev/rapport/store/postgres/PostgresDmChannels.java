package dev.rapport.store.postgres;

import dev.rapport.core.domain.UserKey;
import dev.rapport.core.port.DmChannels;
import java.util.Optional;

/** Each person's DM channel with Rapport, in the database. */
public final class PostgresDmChannels implements DmChannels {
    private final Database db;

    public PostgresDmChannels(Database db) {
        this.db = db;
    }

    @Override
    public Optional<String> find(UserKey user) {
        return db.read(c -> Rows.one(
                c,
                "SELECT channel FROM dm_channels WHERE platform = ? AND workspace = ? AND platform_user_id = ?",
                rs -> rs.getString("channel"),
                user.platform(),
                user.workspace(),
                user.platformUserId()));
    }

    @Override
    public void remember(UserKey user, String channel) {
        db.write(c -> Rows.update(
                c,
                "INSERT INTO dm_channels (platform, workspace, platform_user_id, channel) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (platform, workspace, platform_user_id) DO UPDATE SET channel = excluded.channel",
                user.platform(),
                user.workspace(),
                user.platformUserId(),
                channel));
    }

    @Override
    public void forget(UserKey user) {
        db.write(c -> Rows.update(
                c,
                "DELETE FROM dm_channels WHERE platform = ? AND workspace = ? AND platform_user_id = ?",
                user.platform(),
                user.workspace(),
                user.platformUserId()));
    }
}
