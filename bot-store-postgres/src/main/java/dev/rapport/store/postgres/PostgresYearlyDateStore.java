package dev.rapport.store.postgres;

import dev.rapport.core.domain.YearlyDate;
import dev.rapport.core.port.YearlyDateStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.MonthDay;
import java.util.List;
import java.util.Optional;

/** Yearly dates in PostgreSQL; every statement filters by owner. */
public final class PostgresYearlyDateStore implements YearlyDateStore {
    static final String COLUMNS = "id, owner_id, contact_id, label, month, day, year";

    private final Database db;

    public PostgresYearlyDateStore(Database db) {
        this.db = db;
    }

    @Override
    public YearlyDate put(YearlyDate date) {
        return db.write(c -> {
            // The contact must be the owner's: the SELECT finds no row otherwise, and nothing is written.
            Rows.update(
                    c,
                    "INSERT INTO yearly_dates (owner_id, contact_id, label, month, day, year)"
                            + " SELECT owner_id, id, ?, ?, ?, ? FROM contacts WHERE owner_id = ? AND id = ?"
                            + " ON CONFLICT (owner_id, contact_id, label)"
                            + " DO UPDATE SET month = excluded.month, day = excluded.day, year = excluded.year",
                    date.label(),
                    date.day().getMonthValue(),
                    date.day().getDayOfMonth(),
                    date.year(),
                    date.ownerId(),
                    date.contactId());
            return Rows.one(
                            c,
                            "SELECT " + COLUMNS
                                    + " FROM yearly_dates WHERE owner_id = ? AND contact_id = ? AND label = ?",
                            PostgresYearlyDateStore::map,
                            date.ownerId(),
                            date.contactId(),
                            date.label())
                    .orElseThrow(() -> new IllegalArgumentException("no such contact"));
        });
    }

    @Override
    public void putAll(List<YearlyDate> dates) {
        List<Object[]> rows = dates.stream()
                .map(date -> new Object[] {
                    date.label(),
                    date.day().getMonthValue(),
                    date.day().getDayOfMonth(),
                    date.year(),
                    date.ownerId(),
                    date.contactId()
                })
                .toList();
        db.write(c -> {
            Rows.batch(
                    c,
                    "INSERT INTO yearly_dates (owner_id, contact_id, label, month, day, year)"
                            + " SELECT owner_id, id, ?, ?, ?, ? FROM contacts WHERE owner_id = ? AND id = ?"
                            + " ON CONFLICT (owner_id, contact_id, label)"
                            + " DO UPDATE SET month = excluded.month, day = excluded.day, year = excluded.year",
                    rows);
            return null;
        });
    }

    @Override
    public List<YearlyDate> forContact(long ownerId, long contactId) {
        return db.read(c -> Rows.list(
                c,
                "SELECT " + COLUMNS + " FROM yearly_dates WHERE owner_id = ? AND contact_id = ? ORDER BY label",
                PostgresYearlyDateStore::map,
                ownerId,
                contactId));
    }

    @Override
    public List<YearlyDate> all(long ownerId) {
        return db.read(c -> Rows.list(
                c,
                "SELECT " + COLUMNS + " FROM yearly_dates WHERE owner_id = ? ORDER BY contact_id, label",
                PostgresYearlyDateStore::map,
                ownerId));
    }

    @Override
    public int daysBefore(long ownerId) {
        return db.read(c -> Rows.one(
                        c, "SELECT days_before FROM yearly_date_leads WHERE owner_id = ?", rs -> rs.getInt(1), ownerId))
                .orElse(0);
    }

    @Override
    public void setDaysBefore(long ownerId, int days) {
        db.write(c -> Rows.update(
                c,
                "INSERT INTO yearly_date_leads (owner_id, days_before) VALUES (?, ?)"
                        + " ON CONFLICT (owner_id) DO UPDATE SET days_before = excluded.days_before",
                ownerId,
                days));
    }

    static YearlyDate map(ResultSet rs) throws SQLException {
        int year = rs.getInt("year");
        Optional<Integer> known = rs.wasNull() ? Optional.empty() : Optional.of(year);
        return new YearlyDate(
                rs.getLong("id"),
                rs.getLong("owner_id"),
                rs.getLong("contact_id"),
                rs.getString("label"),
                MonthDay.of(rs.getInt("month"), rs.getInt("day")),
                known);
    }
}
