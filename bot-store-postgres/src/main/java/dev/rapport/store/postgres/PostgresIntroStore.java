package dev.rapport.store.postgres;

import static dev.rapport.store.postgres.Rows.instant;

import dev.rapport.core.domain.ChannelKey;
import dev.rapport.core.domain.Intro;
import dev.rapport.core.domain.Person;
import dev.rapport.core.domain.UserKey;
import dev.rapport.core.port.IntroStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Intros in PostgreSQL; check-ins are scoped by the introducer. */
public final class PostgresIntroStore implements IntroStore {
    static final String COLUMNS = "id, platform, workspace, channel_id, introducer_id, introducer_name,"
            + " a_user_id, a_name, b_user_id, b_name, why, created_at, check_in_on, check_in";

    private final Database db;

    public PostgresIntroStore(Database db) {
        this.db = db;
    }

    @Override
    public Intro create(Intro intro) {
        long id = db.write(c -> Rows.insert(
                c,
                "INSERT INTO intros (platform, workspace, channel_id, introducer_id, introducer_name, a_user_id,"
                        + " a_name, b_user_id, b_name, why, created_at, check_in_on, check_in)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                intro.channel().platform(),
                intro.channel().workspace(),
                intro.channel().channelId(),
                intro.introducerId(),
                intro.introducerName(),
                intro.a().platformUserId(),
                intro.a().name(),
                intro.b().platformUserId(),
                intro.b().name(),
                intro.why(),
                SortableTime.of(intro.createdAt()),
                intro.checkInOn(),
                intro.checkIn().name()));
        return byId(id).orElseThrow();
    }

    @Override
    public Optional<Intro> byId(long introId) {
        return db.read(
                c -> Rows.one(c, "SELECT " + COLUMNS + " FROM intros WHERE id = ?", PostgresIntroStore::map, introId));
    }

    @Override
    public List<Intro> waitingFor(UserKey person) {
        return db.read(c -> Rows.list(
                c,
                "SELECT " + COLUMNS + " FROM intros WHERE platform = ? AND workspace = ?"
                        + " AND ((a_user_id = ? AND a_found_at IS NULL) OR (b_user_id = ? AND b_found_at IS NULL))"
                        + " ORDER BY id",
                PostgresIntroStore::map,
                person.platform(),
                person.workspace(),
                person.platformUserId(),
                person.platformUserId()));
    }

    @Override
    public void markFound(long introId, String platformUserId, Instant at) {
        db.write(c -> {
            String when = SortableTime.of(at);
            Rows.update(
                    c,
                    "UPDATE intros SET a_found_at = ? WHERE id = ? AND a_user_id = ? AND a_found_at IS NULL",
                    when,
                    introId,
                    platformUserId);
            return Rows.update(
                    c,
                    "UPDATE intros SET b_found_at = ? WHERE id = ? AND b_user_id = ? AND b_found_at IS NULL",
                    when,
                    introId,
                    platformUserId);
        });
    }

    @Override
    public List<Intro> checkInsDue(long introducerId, LocalDate date) {
        return db.read(c -> Rows.list(
                c,
                "SELECT " + COLUMNS + " FROM intros WHERE introducer_id = ? AND check_in = 'OPEN'"
                        + " AND check_in_on <= ? ORDER BY check_in_on, id",
                PostgresIntroStore::map,
                introducerId,
                date));
    }

    @Override
    public void updateCheckIn(long introducerId, long introId, Intro.CheckIn state, LocalDate on) {
        db.write(c -> Rows.update(
                c,
                "UPDATE intros SET check_in = ?, check_in_on = ? WHERE introducer_id = ? AND id = ?",
                state.name(),
                on,
                introducerId,
                introId));
    }

    static Intro map(ResultSet rs) throws SQLException {
        return new Intro(
                rs.getLong("id"),
                new ChannelKey(rs.getString("platform"), rs.getString("workspace"), rs.getString("channel_id")),
                rs.getLong("introducer_id"),
                rs.getString("introducer_name"),
                new Person(rs.getString("a_user_id"), rs.getString("a_name")),
                new Person(rs.getString("b_user_id"), rs.getString("b_name")),
                rs.getString("why"),
                instant(rs, "created_at"),
                LocalDate.parse(rs.getString("check_in_on")),
                Intro.CheckIn.valueOf(rs.getString("check_in")));
    }
}
