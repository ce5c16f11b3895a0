package dev.rapport.store.postgres;

import java.sql.Connection;
import java.sql.SQLException;

/** Work against a JDBC connection. */
@FunctionalInterface
public interface SqlFunction<T> {
    T apply(Connection connection) throws SQLException;
}
