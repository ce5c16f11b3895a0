package dev.rapport.store.sqlite;

import dev.rapport.core.domain.Cadence;
import dev.rapport.core.domain.ChannelKey;
import dev.rapport.core.domain.Contact;
import dev.rapport.core.domain.Initiator;
import dev.rapport.core.domain.Intro;
import dev.rapport.core.domain.NoteKind;
import dev.rapport.core.domain.Person;
import dev.rapport.core.domain.YearlyDate;
import dev.rapport.core.people.ContactContext;
import dev.rapport.core.port.DigestReads;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The digest planner's bulk reads in SQLite. Each query joins a VALUES list of the owners asked about (with their
 * date), so every row read is scoped by its owner and each owner is compared with their own local date. The digest's
 * choice is made by the database: a window function ranks each owner's due items, and only the chosen rows come back.
 */
public final class SqliteDigestReads implements DigestReads {
    // SQLite allows 32,766 parameters per statement; stay well below it.
    private static final int PAIRS_PER_QUERY = 2_000;
    private static final int OWNERS_PER_QUERY = 1_000;

    private final Database db;

    public SqliteDigestReads(Database db) {
        this.db = db;
    }

    @Override
    public Map<Long, Choice> choose(List<Wanted> wanted) {
        Map<Long, Choice> choices = new HashMap<>();
        for (int from = 0; from < wanted.size(); from += OWNERS_PER_QUERY) {
            List<Wanted> chunk = wanted.subList(from, Math.min(wanted.size(), from + OWNERS_PER_QUERY));
            // The owners go in as one JSON array, so that the statement is the same, and small, for every batch.
            StringBuilder json = new StringBuilder(chunk.size() * 40).append('[');
            for (Wanted one : chunk) {
                json.append(json.length() == 1 ? "[" : ",[")
                        .append(one.ownerId())
                        .append(",\"")
                        .append(one.date())
                        .append("\",")
                        .append(julianDay(one.date()))
                        .append(',')
                        .append(Math.max(1, one.max()))
                        .append(']');
            }
            String owners = json.append(']').toString();
            db.read(c -> {
                try (PreparedStatement statement = c.prepareStatement(CHOOSE)) {
                    statement.setString(1, owners);
                    try (ResultSet rs = statement.executeQuery()) {
                        readChoices(rs, choices);
                    }
                }
                return null;
            });
        }
        return choices;
    }

    // The window ranks, per owner, every due item in digest order; only the first max of them are read back, joined
    // to their rows, with the count of the rest. The rhythm and follow-up ranges and the context note's newest notes
    // are read through covering indexes (V30), so ranking touches no table row but the follow-up's contact name.
    private static final String CHOOSE = chooseSql();

    private static String chooseSql() {
        String wanted = "wanted AS MATERIALIZED (SELECT value ->> 0 AS owner_id, value ->> 1 AS day,"
                + " value ->> 2 AS jday, value ->> 3 AS max_items FROM json_each(?))";
        String dueFollowUp = "SELECT 1 FROM follow_ups f2 WHERE f2.owner_id = c.owner_id AND f2.contact_id = c.id"
                + " AND f2.status = 'OPEN' AND f2.due_on <= w.day";
        String yearlyInWindow = "SELECT 1 FROM yearly_dates y2 LEFT JOIN yearly_date_leads l2 ON l2.owner_id ="
                + " y2.owner_id WHERE y2.owner_id = c.owner_id AND y2.contact_id = c.id AND "
                + inWindow("y2", "l2");
        String due = "due (owner_id, max_items, kind, late, due_on, name, ref, extra) AS ("
                // Open follow-ups due.
                + "SELECT f.owner_id, w.max_items, 0, 0.0, f.due_on, c.name, f.contact_id, f.id FROM wanted w"
                + " JOIN follow_ups f INDEXED BY follow_ups_open_due ON f.owner_id = w.owner_id"
                + " AND f.status = 'OPEN' AND f.due_on <= w.day"
                + " JOIN contacts c ON c.id = f.contact_id AND c.owner_id = f.owner_id"
                // Yearly dates in their window: each contact's first by label, unless a follow-up has them.
                + " UNION ALL SELECT owner_id, max_items, 1, 0.0, next, name, contact_id, yid FROM ("
                + "SELECT y.owner_id, w.max_items, c.name, y.contact_id, y.id AS yid, " + nextOn("y") + " AS next,"
                + " ROW_NUMBER() OVER (PARTITION BY y.owner_id, y.contact_id ORDER BY y.label) AS pick"
                + " FROM wanted w JOIN yearly_dates y ON y.owner_id = w.owner_id"
                + " JOIN contacts c ON c.id = y.contact_id AND c.owner_id = y.owner_id"
                + " LEFT JOIN yearly_date_leads l ON l.owner_id = y.owner_id"
                + " WHERE " + inWindow("y", "l") + " AND NOT EXISTS (" + dueFollowUp + ")) WHERE pick = 1"
                // Open intro check-ins due.
                + " UNION ALL SELECT i.introducer_id, w.max_items, 2, 0.0, i.check_in_on, '', i.id, i.id FROM wanted w"
                + " JOIN intros i ON i.introducer_id = w.owner_id AND i.check_in = 'OPEN' AND i.check_in_on <= w.day"
                // Lapsed rhythms, late by their cadence's length, unless a follow-up or a yearly date has them.
                + " UNION ALL SELECT c.owner_id, w.max_items, 3, (w.jday - julianday(c.rhythm_next)) / "
                + cadenceDays() + ", c.rhythm_next, c.name, c.id, 0 FROM wanted w"
                + " JOIN contacts c INDEXED BY contacts_owner_rhythm_due ON c.owner_id = w.owner_id"
                + " AND c.rhythm_next <= w.day"
                + " WHERE NOT EXISTS (" + dueFollowUp + ") AND NOT EXISTS (" + yearlyInWindow + "))";
        // One window, so one sort: the count spans the whole partition.
        String ranked = "ranked AS (SELECT d.*, ROW_NUMBER() OVER byowner AS place,"
                + " COUNT(*) OVER (byowner ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS total"
                + " FROM due d WINDOW byowner AS (PARTITION BY d.owner_id"
                + " ORDER BY d.kind, d.late DESC, d.due_on, d.name, d.ref))";
        // Among the contact's newest notes: the newest open question, else the newest the user wrote, else Rapport's.
        String contextNote = "(SELECT m.id FROM (SELECT id, kind, answered_at FROM notes"
                + " WHERE owner_id = r.owner_id AND contact_id = r.ref ORDER BY id DESC LIMIT "
                + ContactContext.RECENT_NOTES + ") m WHERE m.kind <> 'QUESTION' OR m.answered_at IS NULL"
                + " ORDER BY CASE WHEN m.kind = 'QUESTION' THEN 0 WHEN m.kind IN ('NOTE', 'INTERACTION') THEN 1"
                + " ELSE 2 END, m.id DESC LIMIT 1)";
        return "WITH " + wanted + ", " + due + ", " + ranked
                + " SELECT r.owner_id, r.kind, r.total, r.due_on, "
                + prefixed(SqliteContactStore.COLUMNS, "c") + ", f.reason, y.id, y.label, y.month, y.day, y.year,"
                + " n.kind, n.body, " + prefixed(SqliteIntroStore.COLUMNS, "i")
                + " FROM ranked r"
                + " LEFT JOIN contacts c ON r.kind <> 2 AND c.id = r.ref AND c.owner_id = r.owner_id"
                + " LEFT JOIN follow_ups f ON r.kind = 0 AND f.id = r.extra AND f.owner_id = r.owner_id"
                + " LEFT JOIN yearly_dates y ON r.kind = 1 AND y.id = r.extra AND y.owner_id = r.owner_id"
                + " LEFT JOIN intros i ON r.kind = 2 AND i.id = r.ref AND i.introducer_id = r.owner_id"
                + " LEFT JOIN notes n ON r.kind <> 2 AND n.id = " + contextNote + " AND n.owner_id = r.owner_id"
                + " WHERE r.place <= r.max_items ORDER BY r.owner_id, r.place";
    }

    /** The next day on or after the owner's date that a yearly date falls on (29 February on the 28th otherwise). */
    private static String nextOn(String y) {
        String year = "CAST(substr(w.day, 1, 4) AS INTEGER)";
        String thisYear = onYear(y, year);
        return "(CASE WHEN " + thisYear + " < w.day THEN " + onYear(y, year + " + 1") + " ELSE " + thisYear + " END)";
    }

    private static String onYear(String y, String year) {
        String leap = "((" + year + ") % 4 = 0 AND ((" + year + ") % 100 <> 0 OR (" + year + ") % 400 = 0))";
        return "printf('%04d-%02d-%02d', " + year + ", " + y + ".month, CASE WHEN " + y + ".month = 2 AND " + y
                + ".day = 29 AND NOT " + leap + " THEN 28 ELSE " + y + ".day END)";
    }

    private static String inWindow(String y, String leads) {
        return "julianday(" + nextOn(y) + ") - w.jday <= max(0, COALESCE(" + leads + ".days_before, 0))";
    }

    /** A cadence code's rough length in days, as {@code Cadence.approximateDays}: "P3W" is 21, "FRIDAY" 7. */
    private static String cadenceDays() {
        return "(CASE WHEN substr(c.rhythm, 1, 1) = 'P'"
                + " THEN CAST(substr(c.rhythm, 2, length(c.rhythm) - 2) AS INTEGER)"
                + " * CASE substr(c.rhythm, -1) WHEN 'D' THEN 1 WHEN 'W' THEN 7 WHEN 'M' THEN 30 ELSE 365 END"
                + " ELSE 7 END)";
    }

    private static double julianDay(LocalDate date) {
        return date.toEpochDay() + 2_440_587.5;
    }

    // Columns of chooseSql's result, by position: reading by name costs a lookup per value.
    private static final int OWNER = 1;
    private static final int KIND = 2;
    private static final int TOTAL = 3;
    private static final int DUE_ON = 4;
    private static final int CONTACT = 5;
    private static final int REASON = 15;
    private static final int YEARLY = 16;
    private static final int NOTE_KIND = 21;
    private static final int INTRO = 23;

    private static void readChoices(ResultSet rs, Map<Long, Choice> choices) throws SQLException {
        long owner = -1;
        int total = 0;
        List<Chosen> people = new ArrayList<>();
        List<Intro> checkIns = new ArrayList<>();
        while (rs.next()) {
            long rowOwner = rs.getLong(OWNER);
            if (rowOwner != owner) {
                if (owner != -1) {
                    choices.put(owner, new Choice(people, checkIns, total - people.size() - checkIns.size()));
                    people = new ArrayList<>();
                    checkIns = new ArrayList<>();
                }
                owner = rowOwner;
                total = rs.getInt(TOTAL);
            }
            int kind = rs.getInt(KIND);
            if (kind == 2) {
                checkIns.add(intro(rs));
                continue;
            }
            Contact contact = contact(rs);
            LocalDate dueOn = LocalDate.parse(rs.getString(DUE_ON));
            String noteKind = rs.getString(NOTE_KIND);
            Optional<ContextNote> context = noteKind == null
                    ? Optional.empty()
                    : Optional.of(new ContextNote(NoteKind.valueOf(noteKind), rs.getString(NOTE_KIND + 1)));
            people.add(
                    switch (kind) {
                        case 0 ->
                            new Chosen(
                                    contact,
                                    Reason.FOLLOW_UP,
                                    dueOn,
                                    Optional.ofNullable(rs.getString(REASON)),
                                    Optional.empty(),
                                    context);
                        case 1 ->
                            new Chosen(
                                    contact,
                                    Reason.YEARLY_DATE,
                                    dueOn,
                                    Optional.empty(),
                                    Optional.of(yearly(rs, contact)),
                                    context);
                        default ->
                            new Chosen(contact, Reason.RHYTHM, dueOn, Optional.empty(), Optional.empty(), context);
                    });
        }
        if (owner != -1) {
            choices.put(owner, new Choice(people, checkIns, total - people.size() - checkIns.size()));
        }
    }

    private static Contact contact(ResultSet rs) throws SQLException {
        String rhythm = rs.getString(CONTACT + 5);
        String rhythmNext = rs.getString(CONTACT + 6);
        String lastContact = rs.getString(CONTACT + 7);
        String initiator = rs.getString(CONTACT + 8);
        return new Contact(
                rs.getLong(CONTACT),
                rs.getLong(CONTACT + 1),
                rs.getString(CONTACT + 2),
                Optional.ofNullable(rs.getString(CONTACT + 3)),
                Optional.ofNullable(rs.getString(CONTACT + 4)),
                rhythm == null ? Optional.empty() : Cadence.fromCode(rhythm),
                rhythmNext == null ? Optional.empty() : Optional.of(LocalDate.parse(rhythmNext)),
                lastContact == null ? Optional.empty() : Optional.of(LocalDate.parse(lastContact)),
                initiator == null ? Optional.empty() : Optional.of(Initiator.valueOf(initiator)),
                Instant.parse(rs.getString(CONTACT + 9)));
    }

    private static YearlyDate yearly(ResultSet rs, Contact contact) throws SQLException {
        int year = rs.getInt(YEARLY + 4);
        Optional<Integer> known = rs.wasNull() ? Optional.empty() : Optional.of(year);
        return new YearlyDate(
                rs.getLong(YEARLY),
                contact.ownerId(),
                contact.id(),
                rs.getString(YEARLY + 1),
                MonthDay.of(rs.getInt(YEARLY + 2), rs.getInt(YEARLY + 3)),
                known);
    }

    private static Intro intro(ResultSet rs) throws SQLException {
        return new Intro(
                rs.getLong(INTRO),
                new ChannelKey(rs.getString(INTRO + 1), rs.getString(INTRO + 2), rs.getString(INTRO + 3)),
                rs.getLong(INTRO + 4),
                rs.getString(INTRO + 5),
                new Person(rs.getString(INTRO + 6), rs.getString(INTRO + 7)),
                new Person(rs.getString(INTRO + 8), rs.getString(INTRO + 9)),
                rs.getString(INTRO + 10),
                Instant.parse(rs.getString(INTRO + 11)),
                LocalDate.parse(rs.getString(INTRO + 12)),
                Intro.CheckIn.valueOf(rs.getString(INTRO + 13)));
    }

    @Override
    public Map<Long, List<YearlyDue>> yearlyDates(Set<Long> owners) {
        Map<Long, List<YearlyDue>> byOwner = new HashMap<>();
        List<Long> all = new ArrayList<>(owners);
        for (int from = 0; from < all.size(); from += PAIRS_PER_QUERY) {
            List<Long> chunk = all.subList(from, Math.min(all.size(), from + PAIRS_PER_QUERY));
            String values = String.join(", ", java.util.Collections.nCopies(chunk.size(), "(?)"));
            db.read(c -> Rows.list(
                            c,
                            "WITH wanted (owner_id) AS (VALUES " + values + ")"
                                    + " SELECT " + prefixed(SqliteContactStore.COLUMNS, "c") + ","
                                    + " y.id AS y_id, y.label AS y_label, y.month AS y_month, y.day AS y_day,"
                                    + " y.year AS y_year, COALESCE(l.days_before, 0) AS days_before"
                                    + " FROM wanted w JOIN yearly_dates y ON y.owner_id = w.owner_id"
                                    + " JOIN contacts c ON c.owner_id = y.owner_id AND c.id = y.contact_id"
                                    + " LEFT JOIN yearly_date_leads l ON l.owner_id = w.owner_id"
                                    + " ORDER BY c.owner_id, c.id, y.label",
                            rs -> {
                                var contact = SqliteContactStore.map(rs);
                                int year = rs.getInt("y_year");
                                var known = rs.wasNull()
                                        ? java.util.Optional.<Integer>empty()
                                        : java.util.Optional.of(year);
                                var date = new dev.rapport.core.domain.YearlyDate(
                                        rs.getLong("y_id"),
                                        contact.ownerId(),
                                        contact.id(),
                                        rs.getString("y_label"),
                                        java.time.MonthDay.of(rs.getInt("y_month"), rs.getInt("y_day")),
                                        known);
                                return new YearlyDue(contact, date, rs.getInt("days_before"));
                            },
                            chunk.toArray()))
                    .forEach(due -> byOwner.computeIfAbsent(due.contact().ownerId(), k -> new ArrayList<>())
                            .add(due));
        }
        return byOwner;
    }

    private static String prefixed(String columns, String table) {
        return Arrays.stream(columns.split(","))
                .map(column -> table + "." + column.strip())
                .collect(Collectors.joining(", "));
    }
}
