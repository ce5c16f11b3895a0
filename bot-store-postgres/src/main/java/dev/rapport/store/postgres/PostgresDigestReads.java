package dev.rapport.store.postgres;

import dev.rapport.core.domain.Contact;
import dev.rapport.core.domain.FollowUp;
import dev.rapport.core.domain.Intro;
import dev.rapport.core.domain.Note;
import dev.rapport.core.port.DigestReads;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The digest planner's bulk reads in PostgreSQL. Each query joins a VALUES list of the owners asked about (with their
 * date), so every row read is scoped by its owner and each owner is compared with their own local date.
 */
public final class PostgresDigestReads implements DigestReads {
    // SQLite allows 32,766 parameters per statement; stay well below it.
    private static final int PAIRS_PER_QUERY = 2_000;

    private final Database db;

    public PostgresDigestReads(Database db) {
        this.db = db;
    }

    @Override
    public Map<Long, List<FollowUp>> openFollowUpsDue(Map<Long, LocalDate> dateByOwner) {
        return chunked(
                        dateByOwner,
                        (values, args) -> db.read(c -> Rows.list(
                                c,
                                "WITH wanted (owner_id, day) AS (VALUES " + values + ")"
                                        + " SELECT " + prefixed(PostgresFollowUpStore.COLUMNS, "f")
                                        + " FROM wanted w JOIN follow_ups f ON f.owner_id = w.owner_id"
                                        + " WHERE f.status = 'OPEN' AND f.due_on <= w.day ORDER BY f.owner_id, f.due_on, f.id",
                                PostgresFollowUpStore::map,
                                args)))
                .stream()
                .collect(Collectors.groupingBy(FollowUp::ownerId, HashMap::new, Collectors.toList()));
    }

    @Override
    public Map<Long, List<Contact>> contactsDue(Map<Long, LocalDate> dateByOwner) {
        // Two index range scans (lapsed rhythms, due follow-ups) instead of reading every contact of every owner.
        String columns = prefixed(PostgresContactStore.COLUMNS, "c");
        return chunked(
                        dateByOwner,
                        (values, args) -> db.read(c -> Rows.list(
                                c,
                                "WITH wanted (owner_id, day) AS (VALUES " + values + ")"
                                        + " SELECT " + columns + " FROM wanted w"
                                        + " JOIN contacts c ON c.owner_id = w.owner_id AND c.rhythm_next <= w.day"
                                        + " UNION ALL"
                                        + " SELECT " + columns + " FROM wanted w"
                                        + " JOIN follow_ups f ON f.owner_id = w.owner_id AND f.status = 'OPEN'"
                                        + " AND f.due_on <= w.day"
                                        + " JOIN contacts c ON c.owner_id = f.owner_id AND c.id = f.contact_id",
                                PostgresContactStore::map,
                                args)))
                .stream()
                // UNION ALL and this, rather than UNION: a contact both due and lapsed comes twice, wide rows are
                // cheaper to drop here than to sort in a temporary B-tree.
                .filter(distinctIds())
                .collect(Collectors.groupingBy(Contact::ownerId, HashMap::new, Collectors.toList()));
    }

    private static java.util.function.Predicate<Contact> distinctIds() {
        Set<Long> seen = new java.util.HashSet<>();
        return contact -> seen.add(contact.id());
    }

    @Override
    public Map<Long, List<Intro>> introCheckInsDue(Map<Long, LocalDate> dateByOwner) {
        return chunked(
                        dateByOwner,
                        (values, args) -> db.read(c -> Rows.list(
                                c,
                                "WITH wanted (owner_id, day) AS (VALUES " + values + ")"
                                        + " SELECT " + prefixed(PostgresIntroStore.COLUMNS, "i")
                                        + " FROM wanted w JOIN intros i ON i.introducer_id = w.owner_id"
                                        + " AND i.check_in = 'OPEN' AND i.check_in_on <= w.day"
                                        + " ORDER BY i.introducer_id, i.check_in_on, i.id",
                                PostgresIntroStore::map,
                                args)))
                .stream()
                .collect(Collectors.groupingBy(Intro::introducerId, HashMap::new, Collectors.toList()));
    }

    @Override
    public Map<Long, List<Note>> recentNotes(Map<Long, Set<Long>> contactIdsByOwner, int limit) {
        List<Object[]> pairs = new ArrayList<>();
        contactIdsByOwner.forEach(
                (owner, contacts) -> contacts.forEach(contact -> pairs.add(new Object[] {owner, contact})));
        List<Note> notes = new ArrayList<>();
        for (int from = 0; from < pairs.size(); from += PAIRS_PER_QUERY) {
            List<Object[]> chunk = pairs.subList(from, Math.min(pairs.size(), from + PAIRS_PER_QUERY));
            List<Object> args = new ArrayList<>();
            chunk.forEach(pair -> args.addAll(Arrays.asList(pair)));
            args.add(limit);
            notes.addAll(db.read(c -> Rows.list(
                    c,
                    "WITH wanted (owner_id, contact_id) AS (VALUES " + values(chunk.size()) + ")"
                            + " SELECT " + PostgresNoteStore.COLUMNS + " FROM ("
                            + " SELECT " + prefixed(PostgresNoteStore.COLUMNS, "n") + ","
                            + " ROW_NUMBER() OVER (PARTITION BY n.contact_id ORDER BY n.id DESC) AS newest"
                            + " FROM wanted w JOIN notes n ON n.owner_id = w.owner_id AND n.contact_id = w.contact_id)"
                            + " WHERE newest <= ? ORDER BY contact_id, id DESC",
                    PostgresNoteStore::map,
                    args.toArray())));
        }
        return notes.stream().collect(Collectors.groupingBy(Note::contactId, HashMap::new, Collectors.toList()));
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
                                    + " SELECT " + prefixed(PostgresContactStore.COLUMNS, "c") + ","
                                    + " y.id AS y_id, y.label AS y_label, y.month AS y_month, y.day AS y_day,"
                                    + " y.year AS y_year, COALESCE(l.days_before, 0) AS days_before"
                                    + " FROM wanted w JOIN yearly_dates y ON y.owner_id = w.owner_id"
                                    + " JOIN contacts c ON c.owner_id = y.owner_id AND c.id = y.contact_id"
                                    + " LEFT JOIN yearly_date_leads l ON l.owner_id = w.owner_id"
                                    + " ORDER BY c.owner_id, c.id, y.label",
                            rs -> {
                                var contact = PostgresContactStore.map(rs);
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

    private <T> List<T> chunked(Map<Long, LocalDate> dateByOwner, Query<T> query) {
        List<Map.Entry<Long, LocalDate>> entries = new ArrayList<>(dateByOwner.entrySet());
        List<T> rows = new ArrayList<>();
        for (int from = 0; from < entries.size(); from += PAIRS_PER_QUERY) {
            List<Map.Entry<Long, LocalDate>> chunk =
                    entries.subList(from, Math.min(entries.size(), from + PAIRS_PER_QUERY));
            List<Object> args = new ArrayList<>();
            chunk.forEach(entry -> {
                args.add(entry.getKey());
                args.add(entry.getValue());
            });
            rows.addAll(query.run(values(chunk.size()), args.toArray()));
        }
        return rows;
    }

    private static String values(int rows) {
        return String.join(", ", java.util.Collections.nCopies(rows, "(?, ?)"));
    }

    private static String prefixed(String columns, String table) {
        return Arrays.stream(columns.split(","))
                .map(column -> table + "." + column.strip())
                .collect(Collectors.joining(", "));
    }

    @FunctionalInterface
    private interface Query<T> {
        List<T> run(String values, Object[] args);
    }
}
