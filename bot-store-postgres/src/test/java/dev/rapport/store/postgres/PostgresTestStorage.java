package dev.rapport.store.postgres;

import dev.rapport.core.port.Storage;
import dev.rapport.core.testing.OpenStorage;
import dev.rapport.core.testing.TestStorageProvider;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Core's storage suites on a real PostgreSQL (zonky's embedded binaries; as root it runs through {@code unshare -U}).
 * One server per JVM, migrated once into a template database; every store a test opens is a fresh database copied
 * from the template, so each test starts empty and the suites stay fast.
 */
public final class PostgresTestStorage implements TestStorageProvider {
    private static final String TEMPLATE = "rapport_template";
    private static final AtomicInteger DATABASES = new AtomicInteger();

    @Override
    public OpenStorage open(Path folder) {
        return new Opened(freshDatabase());
    }

    /** The one server of this JVM, started on first use with the template migrated. */
    static synchronized EmbeddedPostgres server() {
        if (Server.instance == null) {
            try {
                // A test server: nothing in it outlives the JVM, so it need not survive a crash (PostgreSQL's
                // "non-durable settings"); every test's CREATE DATABASE then skips its checkpoint's fsyncs.
                EmbeddedPostgres started = EmbeddedPostgres.builder()
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .start();
                try (Connection c = started.getPostgresDatabase().getConnection();
                        var statement = c.createStatement()) {
                    statement.execute("CREATE DATABASE " + TEMPLATE);
                }
                Database.flyway(started.getDatabase("postgres", TEMPLATE)).migrate();
                Server.instance = started;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                    } catch (IOException e) {
                        // The JVM is going; the server's folder is temporary.
                    }
                }));
            } catch (IOException | SQLException e) {
                throw new IllegalStateException("Cannot start embedded PostgreSQL", e);
            }
        }
        return Server.instance;
    }

    /** A new database, migrated (copied from the template), and its JDBC URL. */
    static String freshDatabase() {
        EmbeddedPostgres server = server();
        String name = "rapport_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = server.getPostgresDatabase().getConnection();
                var statement = c.createStatement()) {
            statement.execute("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name, e);
        }
        return server.getJdbcUrl("postgres", name);
    }

    /** An empty database with no schema at all, for migration tests. */
    public static String emptyDatabase() {
        EmbeddedPostgres server = server();
        String name = "empty_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = server.getPostgresDatabase().getConnection();
                var statement = c.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException("Cannot create " + name, e));
        }
        return server.getJdbcUrl("postgres", name);
    }

    /**
     * Drops a test's database once its store is closed: the server's folder then stays small, and stopping the server
     * at the JVM's exit (which deletes that folder) takes a moment instead of outlasting surefire's 30-second grace.
     */
    private static void drop(String url) {
        String name = url.substring(url.lastIndexOf('/') + 1).split("\\?")[0];
        try (Connection c = server().getPostgresDatabase().getConnection();
                var statement = c.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            // Left for the server's folder to take with it at exit.
        }
    }

    static Database open(String url) {
        return Database.open(url, Optional.empty(), Optional.empty(), 8);
    }

    private static final class Server {
        static EmbeddedPostgres instance;
    }

    private static final class Opened implements OpenStorage {
        private final String url;
        private final Database db;
        private final Storage storage;

        Opened(String url) {
            this.url = url;
            this.db = PostgresTestStorage.open(url);
            this.storage = PostgresStorage.over(db);
        }

        @Override
        public Storage storage() {
            return storage;
        }

        @Override
        public OpenStorage reopen() {
            db.close();
            return new Opened(url);
        }

        @Override
        public long rows(String table) {
            return db.read(c -> Rows.one(c, "SELECT COUNT(*) FROM " + table, rs -> rs.getLong(1)))
                    .orElseThrow();
        }

        @Override
        public void close() {
            db.close();
            drop(url);
        }
    }
}
