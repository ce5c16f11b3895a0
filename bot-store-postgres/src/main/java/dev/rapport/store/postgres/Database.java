package dev.rapport.store.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.rapport.core.port.StorageException;
import dev.rapport.core.port.Transactor;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL database many instances share: a HikariCP pool, migrations applied by Flyway on open (Flyway's own
 * lock keeps two instances starting together from migrating twice). Writes on one thread nest into one transaction
 * on one connection; reads on a thread that is writing see its uncommitted work; other reads take any connection.
 */
public final class Database implements Transactor, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);
    static final String MIGRATIONS = "classpath:db/postgres/migration";

    private final HikariDataSource pool;
    private final ThreadLocal<Connection> writing = new ThreadLocal<>();

    private Database(HikariDataSource pool) {
        this.pool = pool;
    }

    /**
     * Connects to {@code jdbcUrl} (user and password in it, or given here; never logged) and brings the schema up to
     * date.
     */
    public static Database open(String jdbcUrl, Optional<String> user, Optional<String> password, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        user.ifPresent(config::setUsername);
        password.ifPresent(config::setPassword);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("rapport-postgres");
        // Text parameters are typed by the column they meet, as in SQLite: timestamps and dates are ISO text.
        config.addDataSourceProperty("stringtype", "unspecified");
        config.addDataSourceProperty("ApplicationName", "rapport");
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            // Hikari's message may carry the URL; say only where.
            throw new StorageException("Cannot connect to PostgreSQL at " + Urls.withoutSecrets(jdbcUrl), e);
        }
        try {
            flyway(pool).migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw new StorageException("Cannot migrate PostgreSQL at " + Urls.withoutSecrets(jdbcUrl), e);
        }
        return new Database(pool);
    }

    static Flyway flyway(DataSource source) {
        return Flyway.configure(Database.class.getClassLoader())
                .dataSource(source)
                .locations(MIGRATIONS)
                // Migrations are numbered in ranges, so one added later may carry a number below the newest applied.
                .outOfOrder(true)
                .loggers("slf4j")
                .load();
    }

    /** Whether the database answers and every migration this build knows is applied. */
    public boolean migrationsCurrent() {
        try {
            return flyway(pool).info().pending().length == 0;
        } catch (RuntimeException e) {
            log.warn("Cannot read the migration state: {}", e.getMessage());
            return false;
        }
    }

    /** The schema version applied, if any. */
    public Optional<String> schemaVersion() {
        MigrationInfo current = flyway(pool).info().current();
        return current == null
                ? Optional.empty()
                : Optional.of(current.getVersion().getVersion());
    }

    /** Whether a connection can be had and answers a query. */
    public boolean reachable() {
        try (Connection connection = pool.getConnection();
                var statement = connection.createStatement()) {
            statement.execute("SELECT 1");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    public DataSource dataSource() {
        return pool;
    }

    /** Runs read-only work; inside a write on the same thread it sees that write's changes. */
    public <T> T read(SqlFunction<T> work) {
        Connection current = writing.get();
        if (current != null) {
            return run(current, work);
        }
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(true);
            return run(connection, work);
        } catch (SQLException e) {
            throw new StorageException("Database query failed: " + e.getMessage(), e);
        }
    }

    /** Runs work in a transaction; nested calls on the same thread join the outer transaction. */
    public <T> T write(SqlFunction<T> work) {
        Connection current = writing.get();
        if (current != null) {
            return run(current, work);
        }
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            writing.set(connection);
            try {
                T result = work.apply(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback(connection);
                throw e instanceof RuntimeException re
                        ? re
                        : new StorageException("Write failed: " + e.getMessage(), e);
            } finally {
                writing.remove();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StorageException("Database write failed: " + e.getMessage(), e);
        }
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return write(connection -> work.get());
    }

    @Override
    public <T> T inPart(Supplier<T> work) {
        if (writing.get() == null) {
            return inTransaction(work);
        }
        return write(connection -> {
            Savepoint savepoint = connection.setSavepoint();
            T result;
            try {
                result = work.get();
            } catch (RuntimeException e) {
                connection.rollback(savepoint);
                throw e;
            }
            connection.releaseSavepoint(savepoint);
            return result;
        });
    }

    private static void rollback(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            log.error("Rollback failed", e);
        }
    }

    private static <T> T run(Connection connection, SqlFunction<T> work) {
        try {
            return work.apply(connection);
        } catch (SQLException e) {
            throw new StorageException("Database query failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
