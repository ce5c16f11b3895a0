package dev.rapport.store.sqlite;

import dev.rapport.core.port.StorageException;
import dev.rapport.core.port.Transactor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * The one entry point to the SQLite file: WAL, synchronous=NORMAL, foreign keys, a busy timeout, exactly one writer
 * connection (SQLite allows one writer) and a few reader connections. Writes on one thread nest into one
 * transaction; reads on a thread that is writing see its uncommitted work.
 */
public final class Database implements Transactor, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);
    private static final int READERS = 4;
    private static final int BUSY_TIMEOUT_MS = 5_000;

    private final Path file;
    private final String url;
    private final Connection writer;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);
    private final List<Runnable> afterTransaction = new ArrayList<>();
    private final String schemaVersion;
    private final DatabaseLock running;
    private volatile boolean closed;
    private volatile List<String> damage = List.of();
    private final AtomicBoolean closeOnce = new AtomicBoolean();

    private Database(Path file, String schemaVersion, DatabaseLock running) throws SQLException {
        this.file = file;
        this.schemaVersion = schemaVersion;
        this.running = running;
        this.url = "jdbc:sqlite:" + file.toAbsolutePath();
        this.writer = connect(false);
        this.writer.setAutoCommit(true);
        StatementCache.attach(writer);
        for (int i = 0; i < READERS; i++) {
            Connection reader = connect(true);
            StatementCache.attach(reader);
            readers.add(reader);
        }
    }

    /**
     * Opens (creating if needed) the database file and brings its schema up to date. While it is open the file's
     * {@link DatabaseLock} is held, so that a restore knows Rapport is running on it.
     */
    public static Database open(Path file) {
        DatabaseLock running = null;
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                PrivateFiles.folder(parent);
            }
            running = DatabaseLock.running(file);
            checkIntegrity(file);
            // SQLite gives the -wal and -shm files the database file's mode: a private database keeps them private.
            PrivateFiles.create(file);
            Database db = new Database(file, migrate(file), running);
            for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
                PrivateFiles.file(Path.of(file + suffix));
            }
            return db;
        } catch (IOException | SQLException e) {
            closeQuietly(running);
            throw new StorageException("Cannot open database " + file, e);
        } catch (RuntimeException e) {
            closeQuietly(running);
            throw e;
        }
    }

    private static void closeQuietly(DatabaseLock lock) {
        if (lock != null) {
            lock.close();
        }
    }

    /**
     * Refuses to start on a damaged file, saying what is wrong and how to restore, rather than make it worse. At
     * start this is what can be checked without reading the whole file (see {@link #startProblems}), so a large
     * database is ready at once; the full check runs after start ({@link #fullCheck}) and with every backup.
     */
    private static void checkIntegrity(Path file) throws SQLException, IOException {
        if (!Files.exists(file)) {
            return;
        }
        List<String> problems = startProblems(file);
        if (!problems.isEmpty()) {
            throw new DamagedDatabaseException(file, problems);
        }
    }

    /**
     * The checks at start: the file begins with SQLite's header, its schema reads, it is as long as its header says
     * (not cut short, when no {@code -wal} holds more of it), and the first page of every table and of every index that a plain scan
     * can use reads. A few milliseconds where {@code PRAGMA quick_check} reads every page (most of a second for a
     * 160 MB file); damage deeper in the file is the full check's, run after start.
     */
    static List<String> startProblems(Path file) throws IOException {
        if (Files.size(file) == 0) {
            return List.of();
        }
        if (!DatabaseFile.isSqlite(file)) {
            return List.of("the file does not start with SQLite's header");
        }
        List<String> problems = new ArrayList<>();
        try (Connection connection = DatabaseFile.inspect(file);
                var statement = connection.createStatement()) {
            List<String[]> objects = new ArrayList<>();
            try (var rs = statement.executeQuery("SELECT type, name, tbl_name, sql FROM sqlite_master")) {
                while (rs.next()) {
                    objects.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
                }
            }
            Path wal = Path.of(file + "-wal");
            if (!Files.exists(wal) || Files.size(wal) == 0) {
                long pages = one(statement, "PRAGMA page_count");
                long pageSize = one(statement, "PRAGMA page_size");
                if (pages * pageSize > Files.size(file)) {
                    problems.add("the file is cut short: " + Files.size(file) + " bytes of the " + pages * pageSize
                            + " its header says");
                }
            }
            for (String[] object : objects) {
                String sql = object[3];
                if (sql == null || sql.startsWith("CREATE VIRTUAL")) {
                    continue; // SQLite's own indexes are read with their tables; a virtual table has no pages
                }
                String query = object[0].equals("table")
                        ? "SELECT * FROM " + quoted(object[1]) + " LIMIT 1"
                        : object[0].equals("index") && !sql.contains(" WHERE ")
                                ? "SELECT 1 FROM " + quoted(object[2]) + " INDEXED BY " + quoted(object[1]) + " LIMIT 1"
                                : null;
                if (query == null) {
                    continue;
                }
                try (var rs = statement.executeQuery(query)) {
                    rs.next();
                } catch (SQLException e) {
                    if (!e.getMessage().contains("no query solution")) {
                        problems.add(object[0] + " " + object[1] + ": " + e.getMessage());
                    }
                }
            }
        } catch (SQLException e) {
            problems.add(e.getMessage());
        }
        return problems;
    }

    private static long one(java.sql.Statement statement, String pragma) throws SQLException {
        try (var rs = statement.executeQuery(pragma)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String quoted(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** What {@code PRAGMA integrity_check} reports for a database file; empty when it is sound. */
    public static List<String> integrityProblems(Path file) throws SQLException {
        return problems(file, "PRAGMA integrity_check");
    }

    /** The full integrity check of this open database (on a connection of its own); empty when it is sound. */
    public List<String> fullCheck() {
        try {
            return integrityProblems(file);
        } catch (SQLException e) {
            return List.of(e.getMessage());
        }
    }

    /**
     * Records that the full check found damage: from then on {@link #problem()} says so (readiness fails) until the
     * operator restores a backup and restarts.
     */
    public void damaged(List<String> problems) {
        damage = List.copyOf(problems);
    }

    private static List<String> problems(Path file, String check) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Connection connection = DatabaseFile.inspect(file);
                var statement = connection.createStatement();
                var rs = statement.executeQuery(check)) {
            while (rs.next()) {
                String line = rs.getString(1);
                if (!"ok".equals(line)) {
                    problems.add(line);
                }
            }
        } catch (SQLException e) {
            problems.add(e.getMessage());
        }
        return problems;
    }

    /** Copies the whole database, consistently and while it is in use, into a new file ({@code VACUUM INTO}). */
    public void copyTo(Path target) {
        try (Connection connection = connect(false);
                var statement = connection.prepareStatement("VACUUM INTO ?")) {
            // VACUUM INTO writes into an empty file that is already there: created private, it stays private.
            PrivateFiles.create(target);
            statement.setString(1, target.toAbsolutePath().toString());
            statement.execute();
            PrivateFiles.file(target);
        } catch (IOException e) {
            throw new StorageException("Backup to " + target + " failed", e);
        } catch (SQLException e) {
            throw new StorageException("Backup to " + target + " failed", e);
        }
    }

    /** Brings the schema up to date; returns the version it is at, the newest migration Rapport has. */
    private static String migrate(Path file) {
        if (Files.exists(file)) {
            try (Connection connection = DatabaseFile.inspect(file)) {
                // Every bundled migration applied, unchanged, and nothing else: Flyway would find nothing to do.
                if (SchemaCheck.upToDate(connection, Database.class.getClassLoader())) {
                    return appliedVersion(connection)
                            .orElseThrow(() -> new StorageException("No migration applied", null));
                }
            } catch (SQLException e) {
                // Flyway looks, and says what is wrong.
            }
        }
        Flyway flyway = Flyway.configure(Database.class.getClassLoader())
                .dataSource("jdbc:sqlite:" + file.toAbsolutePath(), null, null)
                .locations("classpath:" + SchemaCheck.LOCATION)
                // Migrations are numbered in ranges, so one added later may carry a number below the newest applied.
                .outOfOrder(true)
                .loggers("slf4j")
                .load();
        flyway.migrate();
        // Read from the history table: Flyway's info() would scan and validate every migration a second time.
        try (Connection connection = DatabaseFile.inspect(file)) {
            return appliedVersion(connection).orElseThrow(() -> new StorageException("No migration applied", null));
        } catch (SQLException e) {
            throw new StorageException("Cannot read the schema version of " + file, e);
        }
    }

    /** The highest version applied, which is not the last one applied when a migration ran out of order. */
    private static Optional<String> appliedVersion(Connection connection) throws SQLException {
        return Rows.list(
                        connection,
                        "SELECT version FROM flyway_schema_history WHERE success = 1 AND version IS NOT NULL",
                        rs -> rs.getString(1))
                .stream()
                .max(Comparator.comparing(MigrationVersion::fromVersion));
    }

    /**
     * Why this database cannot serve now, if it cannot: its file is gone, it does not answer, or its schema is not
     * the one this Rapport migrated it to (another process restored an older file, say). Empty when it is ready.
     */
    public Optional<String> problem() {
        if (!Files.exists(file)) {
            return Optional.of("the database file " + file + " is gone");
        }
        List<String> found = damage;
        if (!found.isEmpty()) {
            return Optional.of("the database failed its integrity check (" + found.get(0) + "); restore a backup");
        }
        try {
            Optional<String> version = read(Database::appliedVersion);
            if (version.isEmpty() || !version.get().equals(schemaVersion)) {
                return Optional.of("the schema is at version " + version.orElse("none") + ", not " + schemaVersion);
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of("the database does not answer: " + e.getClass().getSimpleName());
        }
    }

    private Connection connect(boolean readOnly) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setReadOnly(readOnly);
        return config.createConnection(url);
    }

    public Path file() {
        return file;
    }

    /** Runs read-only work; inside a write on the same thread it sees that write's changes. */
    public <T> T read(SqlFunction<T> work) {
        if (writeLock.isHeldByCurrentThread()) {
            return run(writer, work);
        }
        Connection connection = takeReader();
        try {
            return run(connection, work);
        } finally {
            readers.add(connection);
        }
    }

    /** Runs work in a transaction on the writer connection; nested calls join the outer transaction. */
    public <T> T write(SqlFunction<T> work) {
        writeLock.lock();
        try {
            if (writeLock.getHoldCount() > 1) {
                return run(writer, work);
            }
            try {
                writer.setAutoCommit(false);
                T result = work.apply(writer);
                writer.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback();
                throw e instanceof RuntimeException re ? re : new StorageException("Write failed", e);
            } finally {
                restoreAutoCommit();
                runAfterTransaction();
            }
        } finally {
            writeLock.unlock();
        }
    }

    /** Whether the calling thread is inside a write transaction. */
    public boolean inTransaction() {
        return writeLock.isHeldByCurrentThread();
    }

    /**
     * Runs the task when the current transaction ends, committed or rolled back, or now when there is none. Caches
     * use it so that nothing loaded mid-transaction outlives the transaction.
     */
    public void afterTransaction(Runnable task) {
        if (writeLock.isHeldByCurrentThread()) {
            afterTransaction.add(task);
        } else {
            task.run();
        }
    }

    private void runAfterTransaction() {
        List<Runnable> tasks = List.copyOf(afterTransaction);
        afterTransaction.clear();
        tasks.forEach(Runnable::run);
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return write(connection -> work.get());
    }

    @Override
    public <T> T inPart(Supplier<T> work) {
        if (!writeLock.isHeldByCurrentThread()) {
            return inTransaction(work);
        }
        return write(connection -> {
            Savepoint savepoint = connection.setSavepoint();
            T result;
            try {
                result = work.get();
            } catch (RuntimeException e) {
                connection.rollback(savepoint);
                // What the part wrote is gone: caches drop it now, not only when the whole transaction ends.
                List.copyOf(afterTransaction).forEach(Runnable::run);
                throw e;
            }
            connection.releaseSavepoint(savepoint);
            return result;
        });
    }

    private void rollback() {
        try {
            writer.rollback();
        } catch (SQLException e) {
            log.error("Rollback failed on {}", file, e);
        }
    }

    private void restoreAutoCommit() {
        try {
            writer.setAutoCommit(true);
        } catch (SQLException e) {
            log.error("Cannot restore auto-commit on {}", file, e);
        }
    }

    private static <T> T run(Connection connection, SqlFunction<T> work) {
        try {
            return work.apply(connection);
        } catch (SQLException e) {
            throw new StorageException("Database query failed: " + e.getMessage(), e);
        }
    }

    private Connection takeReader() {
        if (closed) {
            throw new StorageException("The database " + file + " is closed", null);
        }
        try {
            return readers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("Interrupted while waiting for a database connection", e);
        }
    }

    /** Which database this is: the random id its first migration to version 17 made (kept by its backups). */
    public String id() {
        return read(c -> Rows.one(c, "SELECT id FROM database_identity", rs -> rs.getString(1)))
                .orElseThrow(() -> new StorageException("The database " + file + " has no id", null));
    }

    @Override
    public void close() {
        if (closeOnce.getAndSet(true)) {
            return;
        }
        closed = true;
        writeLock.lock();
        try {
            Connection reader;
            while ((reader = readers.poll()) != null) {
                closeQuietly(reader);
            }
            // The writer last: the last connection to close checkpoints the -wal into the file and removes the -wal
            // and -shm, which only a connection that may write can do. A stopped Rapport leaves one whole file.
            closeQuietly(writer);
        } finally {
            writeLock.unlock();
        }
        running.close();
    }

    private static void closeQuietly(Connection connection) {
        StatementCache.detach(connection);
        try {
            connection.close();
        } catch (SQLException e) {
            log.warn("Closing a database connection failed", e);
        }
    }
}
