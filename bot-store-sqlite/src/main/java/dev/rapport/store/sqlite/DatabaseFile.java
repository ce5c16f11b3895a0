package dev.rapport.store.sqlite;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.sqlite.SQLiteConfig;

/** A SQLite file looked at from outside, read-only: whether it is Rapport's, which database it is, what it holds. */
record DatabaseFile(Optional<String> id, long contacts, long notes) {
    private static final byte[] HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    /** Whether the file starts as every SQLite database does. */
    static boolean isSqlite(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(HEADER.length), HEADER);
        }
    }

    /**
     * What a Rapport database holds; empty when the file is SQLite but not Rapport's (no migration history, no
     * contacts or notes). {@code id} is empty for a database made before Rapport kept one.
     */
    static Optional<DatabaseFile> read(Path file) throws SQLException {
        try (Connection connection = inspect(file)) {
            Set<String> tables = new HashSet<>(Rows.list(
                    connection, "SELECT name FROM sqlite_master WHERE type = 'table'", rs -> rs.getString(1)));
            if (!tables.containsAll(Set.of("flyway_schema_history", "contacts", "notes"))
                    || count(connection, "flyway_schema_history WHERE success = 1") == 0) {
                return Optional.empty();
            }
            Optional<String> id = tables.contains("database_identity")
                    ? Rows.one(connection, "SELECT id FROM database_identity", rs -> rs.getString(1))
                    : Optional.empty();
            return Optional.of(new DatabaseFile(id, count(connection, "contacts"), count(connection, "notes")));
        }
    }

    /**
     * A connection that only reads. Not a read-only connection: only a connection that may write removes the
     * {@code -wal} and {@code -shm} it made when it closes, so a file looked at is left as it was found.
     */
    static Connection inspect(Path file) throws SQLException {
        Connection connection = new SQLiteConfig().createConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (var statement = connection.createStatement()) {
            statement.execute("PRAGMA query_only = true");
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    /** The database's id, when the file can be read and has one. */
    static Optional<String> idOf(Path file) {
        try {
            return isSqlite(file) ? read(file).flatMap(DatabaseFile::id) : Optional.empty();
        } catch (IOException | SQLException e) {
            return Optional.empty();
        }
    }

    private static long count(Connection connection, String from) throws SQLException {
        return Rows.one(connection, "SELECT COUNT(*) FROM " + from, rs -> rs.getLong(1))
                .orElse(0L);
    }

    /** "12 contacts, 40 notes". */
    String describe() {
        return contacts + (contacts == 1 ? " contact, " : " contacts, ") + notes + (notes == 1 ? " note" : " notes");
    }
}
