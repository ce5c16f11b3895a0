package dev.rapport.store.postgres;

import static dev.rapport.store.postgres.Rows.instant;
import static dev.rapport.store.postgres.Rows.optionalInstant;
import static dev.rapport.store.postgres.Rows.optionalString;

import dev.rapport.core.domain.ChannelKey;
import dev.rapport.core.domain.Match;
import dev.rapport.core.domain.MemberChoice;
import dev.rapport.core.domain.PastGroup;
import dev.rapport.core.domain.Person;
import dev.rapport.core.domain.Round;
import dev.rapport.core.domain.RoundChannel;
import dev.rapport.core.domain.RoundStats;
import dev.rapport.core.port.RoundStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Pairing rounds in PostgreSQL. */
public final class PostgresRoundStore implements RoundStore {
    private static final String CHANNEL_COLUMNS =
            "id, platform, workspace, channel_id, rounds_on, every_weeks, revisit, next_round_at";
    private static final String MATCH_COLUMNS = "m.id, m.round_id, m.group_no, m.platform_user_id, m.display_name,"
            + " m.answer, r.ran_at, ch.platform, ch.workspace, ch.channel_id";
    private static final String MATCH_FROM = " FROM round_matches m JOIN rounds r ON r.id = m.round_id"
            + " JOIN round_channels ch ON ch.id = r.channel_ref";

    private final Database db;

    public PostgresRoundStore(Database db) {
        this.db = db;
    }

    @Override
    public Optional<RoundChannel> channel(ChannelKey key) {
        return db.read(c -> Rows.one(
                c,
                "SELECT " + CHANNEL_COLUMNS
                        + " FROM round_channels WHERE platform = ? AND workspace = ? AND channel_id = ?",
                PostgresRoundStore::channel,
                key.platform(),
                key.workspace(),
                key.channelId()));
    }

    @Override
    public Optional<RoundChannel> channel(long channelId) {
        return db.read(c -> Rows.one(
                c,
                "SELECT " + CHANNEL_COLUMNS + " FROM round_channels WHERE id = ?",
                PostgresRoundStore::channel,
                channelId));
    }

    @Override
    public RoundChannel ensureChannel(ChannelKey key) {
        return db.write(c -> {
            Rows.update(
                    c,
                    "INSERT INTO round_channels (platform, workspace, channel_id, every_weeks) VALUES (?, ?, ?, ?)"
                            + " ON CONFLICT (platform, workspace, channel_id) DO NOTHING",
                    key.platform(),
                    key.workspace(),
                    key.channelId(),
                    RoundChannel.DEFAULT_WEEKS);
            return channel(key).orElseThrow();
        });
    }

    @Override
    public void update(RoundChannel channel) {
        db.write(c -> Rows.update(
                c,
                "UPDATE round_channels SET rounds_on = ?, every_weeks = ?, revisit = ?, next_round_at = ? WHERE id = ?",
                channel.on(),
                channel.everyWeeks(),
                channel.revisit(),
                channel.nextRoundAt().map(SortableTime::of),
                channel.id()));
    }

    @Override
    public List<RoundChannel> dueBy(Instant now) {
        return db.read(c -> Rows.list(
                c,
                "SELECT " + CHANNEL_COLUMNS + " FROM round_channels WHERE next_round_at IS NOT NULL"
                        + " AND next_round_at <= ? ORDER BY next_round_at, id",
                PostgresRoundStore::channel,
                SortableTime.of(now)));
    }

    @Override
    public List<MemberChoice> choices(long channelId) {
        return db.read(c -> Rows.list(
                c,
                "SELECT platform_user_id, display_name, choice, skip_next FROM round_members"
                        + " WHERE channel_ref = ? ORDER BY platform_user_id",
                rs -> new MemberChoice(
                        rs.getString("platform_user_id"),
                        rs.getString("display_name"),
                        MemberChoice.Choice.valueOf(rs.getString("choice")),
                        rs.getInt("skip_next") == 1),
                channelId));
    }

    @Override
    public void saveChoice(long channelId, MemberChoice choice) {
        db.write(c -> Rows.update(
                c,
                "INSERT INTO round_members (channel_ref, platform_user_id, display_name, choice, skip_next)"
                        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (channel_ref, platform_user_id) DO UPDATE SET"
                        + " display_name = excluded.display_name, choice = excluded.choice,"
                        + " skip_next = excluded.skip_next",
                channelId,
                choice.platformUserId(),
                choice.name(),
                choice.choice().name(),
                choice.skipNext()));
    }

    @Override
    public void clearSkips(long channelId) {
        db.write(c -> Rows.update(
                c, "UPDATE round_members SET skip_next = 0 WHERE channel_ref = ? AND skip_next = 1", channelId));
    }

    @Override
    public Round addRound(long channelId, Instant at) {
        return db.write(c -> {
            int number = Rows.one(
                            c,
                            "SELECT COALESCE(MAX(number), 0) + 1 AS next FROM rounds WHERE channel_ref = ?",
                            rs -> rs.getInt("next"),
                            channelId)
                    .orElse(1);
            long id = Rows.insert(
                    c,
                    "INSERT INTO rounds (channel_ref, number, ran_at) VALUES (?, ?, ?) RETURNING id",
                    channelId,
                    number,
                    SortableTime.of(at));
            return new Round(id, channelId, number, at);
        });
    }

    @Override
    public Match addMatch(Round round, int group, Person person) {
        long id = db.write(c -> Rows.insert(
                c,
                "INSERT INTO round_matches (round_id, group_no, platform_user_id, display_name) VALUES (?, ?, ?, ?)"
                        + " RETURNING id",
                round.id(),
                group,
                person.platformUserId(),
                person.name()));
        return match(id).orElseThrow();
    }

    @Override
    public List<PastGroup> history(long channelId, int rounds) {
        return db.read(c -> {
            int last = Rows.one(
                            c,
                            "SELECT COALESCE(MAX(number), 0) AS last FROM rounds WHERE channel_ref = ?",
                            rs -> rs.getInt("last"),
                            channelId)
                    .orElse(0);
            Map<String, List<String>> members = new LinkedHashMap<>();
            Map<String, Integer> ago = new LinkedHashMap<>();
            Map<String, Boolean> met = new LinkedHashMap<>();
            Rows.list(
                            c,
                            "SELECT r.number, m.round_id, m.group_no, m.platform_user_id, m.answer"
                                    + " FROM round_matches m JOIN rounds r ON r.id = m.round_id"
                                    + " WHERE r.channel_ref = ? AND r.number > ? ORDER BY r.number DESC, m.id",
                            rs -> new Object[] {
                                rs.getLong("round_id") + ":" + rs.getInt("group_no"),
                                last - rs.getInt("number") + 1,
                                rs.getString("platform_user_id"),
                                "MET".equals(rs.getString("answer"))
                            },
                            channelId,
                            last - rounds)
                    .forEach(row -> {
                        String group = (String) row[0];
                        members.computeIfAbsent(group, g -> new ArrayList<>()).add((String) row[2]);
                        ago.put(group, (Integer) row[1]);
                        met.merge(group, (Boolean) row[3], Boolean::logicalOr);
                    });
            List<PastGroup> history = new ArrayList<>();
            members.forEach((group, people) -> history.add(new PastGroup(ago.get(group), people, met.get(group))));
            return history;
        });
    }

    @Override
    public Optional<Match> match(long matchId) {
        return db.read(c -> Rows.one(
                c, "SELECT " + MATCH_COLUMNS + MATCH_FROM + " WHERE m.id = ?", PostgresRoundStore::match, matchId));
    }

    @Override
    public List<Match> group(long roundId, int group) {
        return db.read(c -> Rows.list(
                c,
                "SELECT " + MATCH_COLUMNS + MATCH_FROM + " WHERE m.round_id = ? AND m.group_no = ? ORDER BY m.id",
                PostgresRoundStore::match,
                roundId,
                group));
    }

    @Override
    public void answer(long matchId, Match.Answer answer, Instant at) {
        db.write(c -> Rows.update(
                c,
                "UPDATE round_matches SET answer = ?, answered_at = ? WHERE id = ?",
                answer.name(),
                SortableTime.of(at),
                matchId));
    }

    @Override
    public RoundStats stats(long channelId) {
        return db.read(c -> {
            String groups = "SELECT DISTINCT m.round_id, m.group_no FROM round_matches m"
                    + " JOIN rounds r ON r.id = m.round_id WHERE r.channel_ref = ?";
            int rounds = count(c, "SELECT COUNT(*) FROM rounds WHERE channel_ref = ?", channelId);
            int all = count(c, "SELECT COUNT(*) FROM (" + groups + ")", channelId);
            int met = count(c, "SELECT COUNT(*) FROM (" + groups + " AND m.answer = 'MET')", channelId);
            Optional<Round> last = Rows.one(
                    c,
                    "SELECT id, channel_ref, number, ran_at FROM rounds WHERE channel_ref = ?"
                            + " ORDER BY number DESC LIMIT 1",
                    rs -> new Round(
                            rs.getLong("id"), rs.getLong("channel_ref"), rs.getInt("number"), instant(rs, "ran_at")),
                    channelId);
            int lastGroups = last.isEmpty()
                    ? 0
                    : count(
                            c,
                            "SELECT COUNT(DISTINCT group_no) FROM round_matches WHERE round_id = ?",
                            last.get().id());
            return new RoundStats(rounds, all, met, last.map(Round::ranAt), lastGroups);
        });
    }

    private static int count(java.sql.Connection c, String sql, long id) throws SQLException {
        return Rows.one(c, sql, rs -> rs.getInt(1), id).orElse(0);
    }

    private static RoundChannel channel(ResultSet rs) throws SQLException {
        return new RoundChannel(
                rs.getLong("id"),
                new ChannelKey(rs.getString("platform"), rs.getString("workspace"), rs.getString("channel_id")),
                rs.getInt("rounds_on") == 1,
                rs.getInt("every_weeks"),
                rs.getInt("revisit") == 1,
                optionalInstant(rs, "next_round_at"));
    }

    private static Match match(ResultSet rs) throws SQLException {
        return new Match(
                rs.getLong("id"),
                rs.getLong("round_id"),
                new ChannelKey(rs.getString("platform"), rs.getString("workspace"), rs.getString("channel_id")),
                instant(rs, "ran_at"),
                rs.getInt("group_no"),
                new Person(rs.getString("platform_user_id"), rs.getString("display_name")),
                optionalString(rs, "answer").map(Match.Answer::valueOf));
    }
}
