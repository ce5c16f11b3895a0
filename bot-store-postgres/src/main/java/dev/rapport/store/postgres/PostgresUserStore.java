package dev.rapport.store.postgres;

import static dev.rapport.store.postgres.Rows.instant;
import static dev.rapport.store.postgres.Rows.optionalDate;
import static dev.rapport.store.postgres.Rows.optionalString;

import dev.rapport.core.domain.DigestDays;
import dev.rapport.core.domain.Settings;
import dev.rapport.core.domain.User;
import dev.rapport.core.domain.UserKey;
import dev.rapport.core.port.UserStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

/** Users in PostgreSQL. */
public final class PostgresUserStore implements UserStore {
    // Shared with PostgresDigestOutbox, which reads users joined to their outbox rows.
    static final String COLUMNS = "id, platform, workspace, platform_user_id, display_name, time_zone,"
            + " zone_chosen, digest_time, digest_days, paused_until, max_items, about_topics, unreachable_reason,"
            + " created_at";

    private final Database db;

    public PostgresUserStore(Database db) {
        this.db = db;
    }

    @Override
    public Optional<User> find(UserKey key) {
        return db.read(c -> Rows.one(
                c,
                "SELECT " + COLUMNS + " FROM users WHERE platform = ? AND workspace = ? AND platform_user_id = ?",
                PostgresUserStore::map,
                key.platform(),
                key.workspace(),
                key.platformUserId()));
    }

    @Override
    public Optional<User> byId(long userId) {
        return db.read(
                c -> Rows.one(c, "SELECT " + COLUMNS + " FROM users WHERE id = ?", PostgresUserStore::map, userId));
    }

    @Override
    public User findOrCreate(UserKey key, String displayName, Settings initial, Instant now) {
        return db.write(c -> {
            Rows.update(
                    c,
                    "INSERT INTO users (platform, workspace, platform_user_id, display_name, time_zone, zone_chosen,"
                            + " digest_time, digest_days, max_items, about_topics, created_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                            + " ON CONFLICT (platform, workspace, platform_user_id)"
                            + " DO UPDATE SET display_name = excluded.display_name"
                            + " WHERE users.display_name <> excluded.display_name",
                    key.platform(),
                    key.workspace(),
                    key.platformUserId(),
                    displayName,
                    initial.zone().getId(),
                    initial.zoneChosen(),
                    initial.digestTime().toString(),
                    initial.digestDays().code(),
                    initial.maxItems(),
                    initial.aboutTopics(),
                    now.toString());
            return find(key).orElseThrow();
        });
    }

    @Override
    public void saveSettings(long userId, Settings s) {
        db.write(c -> Rows.update(
                c,
                "UPDATE users SET time_zone = ?, zone_chosen = ?, digest_time = ?, digest_days = ?, paused_until = ?,"
                        + " max_items = ?, about_topics = ? WHERE id = ?",
                s.zone().getId(),
                s.zoneChosen(),
                s.digestTime().toString(),
                s.digestDays().code(),
                s.pausedUntil(),
                s.maxItems(),
                s.aboutTopics(),
                userId));
    }

    @Override
    public void markUnreachable(long userId, Optional<String> reason) {
        db.write(c -> Rows.update(c, "UPDATE users SET unreachable_reason = ? WHERE id = ?", reason, userId));
    }

    private static DigestDays digestDays(String code) throws SQLException {
        return DigestDays.fromCode(code).orElseThrow(() -> new SQLException("Unknown digest days: " + code));
    }

    static User map(ResultSet rs) throws SQLException {
        Settings settings = new Settings(
                ZoneId.of(rs.getString("time_zone")),
                rs.getInt("zone_chosen") == 1,
                LocalTime.parse(rs.getString("digest_time")),
                digestDays(rs.getString("digest_days")),
                optionalDate(rs, "paused_until"),
                rs.getInt("max_items"),
                rs.getString("about_topics"));
        return new User(
                rs.getLong("id"),
                new UserKey(rs.getString("platform"), rs.getString("workspace"), rs.getString("platform_user_id")),
                rs.getString("display_name"),
                settings,
                optionalString(rs, "unreachable_reason"),
                instant(rs, "created_at"));
    }
}
