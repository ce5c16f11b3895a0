package dev.rapport.store.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prepared statements kept per connection of a {@link Database}, so that a command's few queries are not parsed and
 * planned again every time (SQLite's prepare costs about what running a small query does). A statement is taken out
 * while in use and put back when done, so a query run again while its statement is busy (inside a row mapper, say)
 * gets a fresh one. A connection used by one thread at a time (the writer under its lock, a reader taken from the
 * pool) is the only user of its cache; other connections (checks, backups, migrations) prepare as usual.
 */
final class StatementCache {
    private static final int SIZE = 128;
    private static final Map<Connection, StatementCache> CACHES = new ConcurrentHashMap<>();

    private final Connection connection;
    private final LinkedHashMap<String, PreparedStatement> idle = new LinkedHashMap<>(SIZE * 2, 0.75f, true);

    private StatementCache(Connection connection) {
        this.connection = connection;
    }

    /** Gives a connection of a {@link Database} a cache; its statements close with it. */
    static void attach(Connection connection) {
        CACHES.put(connection, new StatementCache(connection));
    }

    /** Forgets a connection's cache before it closes (closing the connection finalizes its statements). */
    static void detach(Connection connection) {
        StatementCache cache = CACHES.remove(connection);
        if (cache != null) {
            cache.closeAll();
        }
    }

    /** A statement for {@code sql} on {@code connection}; close the handle to give it back. */
    static Prepared prepare(Connection connection, String sql) throws SQLException {
        StatementCache cache = CACHES.get(connection);
        if (cache == null) {
            return new Prepared(connection.prepareStatement(sql), null, sql);
        }
        return cache.take(sql);
    }

    private synchronized Prepared take(String sql) throws SQLException {
        PreparedStatement statement = idle.remove(sql);
        return new Prepared(statement != null ? statement : connection.prepareStatement(sql), this, sql);
    }

    private void giveBack(String sql, PreparedStatement statement) throws SQLException {
        PreparedStatement extra;
        synchronized (this) {
            statement.clearParameters();
            extra = idle.put(sql, statement);
            if (extra == null && idle.size() > SIZE) {
                var eldest = idle.entrySet().iterator();
                extra = eldest.next().getValue();
                eldest.remove();
            }
        }
        if (extra != null) {
            extra.close();
        }
    }

    private synchronized void closeAll() {
        for (PreparedStatement statement : idle.values()) {
            try {
                statement.close();
            } catch (SQLException e) {
                // The connection closes next and finalizes whatever is left.
            }
        }
        idle.clear();
    }

    /**
     * A statement in use: closing it puts it back when it ran without an error (its results closed, so SQLite reset
     * it), else closes it.
     */
    static final class Prepared implements AutoCloseable {
        private final PreparedStatement statement;
        private final StatementCache cache;
        private final String sql;
        private boolean reusable;

        private Prepared(PreparedStatement statement, StatementCache cache, String sql) {
            this.statement = statement;
            this.cache = cache;
            this.sql = sql;
        }

        PreparedStatement statement() {
            return statement;
        }

        /** The statement ran to the end without an error: it may be used again. */
        void ran() {
            reusable = true;
        }

        @Override
        public void close() throws SQLException {
            if (cache == null || !reusable || statement.isClosed()) {
                statement.close();
            } else {
                cache.giveBack(sql, statement);
            }
        }
    }
}
