package dev.rapport.app;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./rapport migrate-to <jdbc url>}: copies every table of the SQLite database into a PostgreSQL database whose
 * schema is at the same version, parents before children, one transaction per table. A table already holding
 * exactly the SQLite rows' count is left as it is; any other table is emptied and copied again in its transaction, so
 * a run that failed half-way is simply run again. Counts are checked after each table.
 */
final class MigrateTo {
    /** Every table, parents first (foreign keys). */
    static final List<String> TABLES = List.of(
            "users",
            "contacts",
            "notes",
            "follow_ups",
            "intros",
            "round_channels",
            "round_members",
            "rounds",
            "round_matches",
            "round_dms",
            "digest_outbox",
            "platform_pauses",
            "job_leases",
            "dm_channels",
            // Linked accounts (one person on several platforms); codes and tries are short-lived and not copied.
            "account_links",
            // Sealed tokens open on PostgreSQL as on SQLite: they are bound to their workspace, not the database.
            "installations");

    /** Tables whose id is generated: their sequence moves past the copied ids. */
    private static final List<String> WITH_IDS = List.of(
            "users",
            "contacts",
            "notes",
            "follow_ups",
            "intros",
            "round_channels",
            "rounds",
            "round_matches",
            "round_dms",
            "digest_outbox");

    private MigrateTo() {}

    /** What one table's copy found and did. */
    record Copied(String table, long rows, boolean alreadyThere) {}

    static List<Copied> copy(
            dev.rapport.store.sqlite.Database from, dev.rapport.store.postgres.Database to, PrintStream out) {
        List<Copied> copied = new ArrayList<>();
        for (String table : TABLES) {
            long source = from.read(c -> count(c, table));
            Copied result = to.write(target -> {
                long present = count(target, table);
                if (present == source) {
                    return new Copied(table, source, true);
                }
                try (var statement = target.createStatement()) {
                    // TRUNCATE … CASCADE would empty children already copied; a plain DELETE of this table only.
                    statement.executeUpdate("DELETE FROM " + table);
                }
                from.read(c -> {
                    copyRows(c, target, table);
                    return null;
                });
                long after = count(target, table);
                if (after != source) {
                    throw new SQLException(table + ": copied " + after + " rows of " + source);
                }
                if (WITH_IDS.contains(table)) {
                    try (var statement = target.createStatement()) {
                        statement.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'),"
                                + " COALESCE((SELECT MAX(id) FROM " + table + "), 0) + 1, false)");
                    }
                }
                return new Copied(table, source, false);
            });
            out.println(table + ": " + result.rows() + " rows" + (result.alreadyThere() ? " (already copied)" : ""));
            copied.add(result);
        }
        return copied;
    }

    private static void copyRows(Connection from, Connection to, String table) throws SQLException {
        try (var read = from.createStatement();
                ResultSet rs = read.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnName(i));
            }
            String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
            try (PreparedStatement insert = to.prepareStatement(sql)) {
                int batched = 0;
                while (rs.next()) {
                    for (int i = 1; i <= columns.size(); i++) {
                        Object value = rs.getObject(i);
                        if (value instanceof String text) {
                            insert.setString(i, dev.rapport.store.postgres.Text.store(text));
                        } else {
                            insert.setObject(i, value);
                        }
                    }
                    insert.addBatch();
                    if (++batched % 1_000 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
        }
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (var statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
