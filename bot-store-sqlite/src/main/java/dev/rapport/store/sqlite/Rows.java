package dev.rapport.store.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Small helpers for reading and binding the columns our schema uses. */
final class Rows {
    private Rows() {}

    static Optional<String> optionalString(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getString(column));
    }

    static Optional<LocalDate> optionalDate(ResultSet rs, String column) throws SQLException {
        return optionalString(rs, column).map(LocalDate::parse);
    }

    static Optional<Instant> optionalInstant(ResultSet rs, String column) throws SQLException {
        return optionalString(rs, column).map(Instant::parse);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return Instant.parse(rs.getString(column));
    }

    static void bind(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value instanceof Optional<?> optional) {
                value = optional.orElse(null);
            }
            if (value == null) {
                statement.setObject(i + 1, null);
            } else if (value instanceof Long number) {
                statement.setLong(i + 1, number);
            } else if (value instanceof Integer number) {
                statement.setInt(i + 1, number);
            } else if (value instanceof Boolean flag) {
                statement.setInt(i + 1, flag ? 1 : 0);
            } else {
                statement.setString(i + 1, value.toString());
            }
        }
    }

    /** Maps the current row of a result set. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    static <T> List<T> list(Connection connection, String sql, RowMapper<T> mapper, Object... args)
            throws SQLException {
        try (StatementCache.Prepared prepared = StatementCache.prepare(connection, sql)) {
            PreparedStatement statement = prepared.statement();
            bind(statement, args);
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
            }
            prepared.ran();
            return rows;
        }
    }

    static <T> Optional<T> one(Connection connection, String sql, RowMapper<T> mapper, Object... args)
            throws SQLException {
        try (StatementCache.Prepared prepared = StatementCache.prepare(connection, sql)) {
            PreparedStatement statement = prepared.statement();
            bind(statement, args);
            Optional<T> row;
            try (ResultSet rs = statement.executeQuery()) {
                row = rs.next() ? Optional.of(mapper.map(rs)) : Optional.empty();
            }
            prepared.ran();
            return row;
        }
    }

    static int update(Connection connection, String sql, Object... args) throws SQLException {
        try (StatementCache.Prepared prepared = StatementCache.prepare(connection, sql)) {
            PreparedStatement statement = prepared.statement();
            bind(statement, args);
            int changed = statement.executeUpdate();
            prepared.ran();
            return changed;
        }
    }

    /** Runs an INSERT … RETURNING id and gives the id. */
    static long insert(Connection connection, String sql, Object... args) throws SQLException {
        try (StatementCache.Prepared prepared = StatementCache.prepare(connection, sql)) {
            PreparedStatement statement = prepared.statement();
            bind(statement, args);
            long id;
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
            prepared.ran();
            return id;
        }
    }
}
