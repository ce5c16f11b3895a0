package dev.rapport.store.sqlite;

import dev.rapport.core.port.StorageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Daily online backups of one database ({@code VACUUM INTO}), named after its file ({@code rapport.db} →
 * {@code rapport-2026-12-03.db}), keeping its newest few; other databases' backups in the same folder are theirs.
 * Each backup carries the database's id, so that {@link #prepareRestore} can refuse a backup of another database.
 */
public final class Backups {
    private static final Logger log = LoggerFactory.getLogger(Backups.class);
    private static final String SUFFIX = ".db";
    private static final LocalDate EXAMPLE_DAY = LocalDate.of(2026, 12, 3);
    public static final int KEEP = 7;

    private final Database db;
    private final Path directory;
    private final Clock clock;

    public Backups(Database db, Path directory, Clock clock) {
        this.db = db;
        this.directory = directory;
        this.clock = clock;
    }

    /** The name of a database's backup of a day: its file's name without the extension, the date, {@code .db}. */
    public static String name(Path database, LocalDate day) {
        return stem(database) + "-" + day + SUFFIX;
    }

    private static String stem(Path database) {
        String name = database.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static Pattern names(Path database) {
        return Pattern.compile(Pattern.quote(stem(database)) + "-\\d{4}-\\d{2}-\\d{2}" + Pattern.quote(SUFFIX));
    }

    /**
     * Makes today's (UTC) backup unless it exists, then keeps only this database's newest {@value #KEEP}. A file of
     * that name holding another database is left alone (two databases of one name share the folder): no backup then.
     */
    public Optional<Path> backupIfDue() {
        Path target = today();
        if (Files.exists(target)) {
            if (!DatabaseFile.idOf(target).equals(Optional.of(db.id()))) {
                log.warn(
                        "{} holds another database; set RAPPORT_BACKUP_DIR to a folder of this database's own", target);
            }
            return Optional.empty();
        }
        try {
            PrivateFiles.folder(directory);
            Path partial = directory.resolve(target.getFileName() + ".partial");
            Files.deleteIfExists(partial);
            db.copyTo(partial);
            // A backup appears under its final name only when complete.
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            prune();
            log.info("Backed up the database to {}", target);
            return Optional.of(target);
        } catch (IOException e) {
            throw new UncheckedIOException("Backup to " + directory + " failed", e);
        }
    }

    /** Whether today's (UTC) backup is still to be made. */
    public boolean due() {
        return !Files.exists(today());
    }

    private Path today() {
        return directory.resolve(name(db.file(), LocalDate.now(clock.withZone(ZoneOffset.UTC))));
    }

    /** This database's backups, oldest first. */
    public List<Path> list() {
        return of(directory, db.file());
    }

    /**
     * A database's backups in a folder, oldest first: the files named after it, less those holding another database
     * (told by the id inside, when both it and the database file have one).
     */
    public static List<Path> of(Path directory, Path database) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        Pattern names = names(database);
        Optional<String> id = Files.isRegularFile(database) ? DatabaseFile.idOf(database) : Optional.empty();
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(
                            file -> names.matcher(file.getFileName().toString()).matches())
                    .filter(file -> id.isEmpty()
                            || DatabaseFile.idOf(file).map(id.get()::equals).orElse(true))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a backup holds, for a listing: "3 contacts, 5 notes", or what is wrong with it. */
    public static String contents(Path backup) {
        try {
            if (Files.size(backup) == 0 || !DatabaseFile.isSqlite(backup)) {
                return "not a database";
            }
            return DatabaseFile.read(backup)
                    .map(holds -> holds.describe() + (holds.id().isEmpty() ? " (made before database ids)" : ""))
                    .orElse("not a Rapport database");
        } catch (IOException | SQLException e) {
            return "cannot be read";
        }
    }

    private void prune() throws IOException {
        List<Path> all = new ArrayList<>(list());
        while (all.size() > KEEP) {
            Files.deleteIfExists(all.remove(0));
        }
    }

    /** Checks a backup and replaces the database file with it, in one go (see {@link #prepareRestore}). */
    public static Optional<Path> restore(Path backup, Path database) {
        try (Restore restore = prepareRestore(backup, database)) {
            return restore.replace();
        }
    }

    /**
     * Checks that {@code backup} can replace {@code database} and holds the database alone until closed, so that
     * Rapport cannot start on it meanwhile. Refuses, changing nothing, a missing, empty or damaged file, a file that
     * is not SQLite or not Rapport's, a backup of another database, and any restore while Rapport runs on it.
     */
    public static Restore prepareRestore(Path backup, Path database) {
        try {
            DatabaseFile holds = judge(backup, database);
            DatabaseLock alone = DatabaseLock.alone(database)
                    .orElseThrow(() -> new RestoreRefused("Rapport is running on " + database + " (it holds "
                            + DatabaseLock.fileFor(database) + "); stop it first."));
            try {
                Optional<DatabaseFile> current = Optional.empty();
                List<String> warnings = new ArrayList<>();
                if (Files.exists(database)) {
                    current = current(database, warnings);
                }
                Optional<String> currentId = current.flatMap(DatabaseFile::id);
                if (holds.id().isEmpty()) {
                    // Made before Rapport kept ids: only a backup named after this database can be taken for its.
                    if (!names(database)
                            .matcher(backup.getFileName().toString())
                            .matches()) {
                        throw new RestoreRefused(backup + " was made before Rapport kept an id in each database and"
                                + " is not named after " + database.getFileName() + " (" + name(database, EXAMPLE_DAY)
                                + "), so it cannot be told to be a backup of it.");
                    }
                    warnings.add(backup + " was made before Rapport kept an id in each database; its name says it"
                            + " is a backup of " + database.getFileName() + ".");
                } else if (currentId.isPresent() && !currentId.equals(holds.id())) {
                    throw new RestoreRefused(backup + " is a backup of another database (id "
                            + shortId(holds.id().get()) + "), not of " + database + " (id "
                            + shortId(currentId.get()) + ").");
                }
                return new Restore(backup, database, holds, current, currentId, warnings, alone);
            } catch (RuntimeException e) {
                alone.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + backup, e);
        }
    }

    /** What the backup holds, or why it cannot be restored. */
    private static DatabaseFile judge(Path backup, Path database) throws IOException {
        if (!Files.isRegularFile(backup)) {
            throw new RestoreRefused("There is no file at " + backup + ".");
        }
        if (Files.exists(database) && Files.isSameFile(backup, database)) {
            throw new RestoreRefused(backup + " is the database itself, not a backup of it.");
        }
        if (Files.size(backup) == 0) {
            throw new RestoreRefused(backup + " is empty (0 bytes), so it is no backup.");
        }
        if (!DatabaseFile.isSqlite(backup)) {
            throw new RestoreRefused(backup + " is not a SQLite database, so it is no backup of Rapport's.");
        }
        try {
            List<String> problems = Database.integrityProblems(backup);
            if (!problems.isEmpty()) {
                throw new RestoreRefused(backup + " is damaged (" + problems.get(0)
                        + (problems.size() > 1 ? ", and " + (problems.size() - 1) + " more problems" : "")
                        + "); pick an older backup.");
            }
            return DatabaseFile.read(backup)
                    .orElseThrow(() -> new RestoreRefused(backup + " is a SQLite database but not Rapport's"
                            + " (it has no Rapport contacts, notes or migration history)."));
        } catch (SQLException e) {
            throw new RestoreRefused(backup + " cannot be read as a database: " + e.getMessage());
        }
    }

    /** What the current file holds; empty, with a warning, when it cannot be read (it is damaged, say). */
    private static Optional<DatabaseFile> current(Path database, List<String> warnings) {
        try {
            if (Files.size(database) > 0 && DatabaseFile.isSqlite(database)) {
                Optional<DatabaseFile> read = DatabaseFile.read(database);
                if (read.isEmpty()) {
                    warnings.add(database + " is not a Rapport database; it is kept all the same.");
                } else if (read.get().id().isEmpty()) {
                    warnings.add(database + " predates database ids, so the backup cannot be checked against it.");
                }
                return read;
            }
            warnings.add(database + " is empty or not a SQLite database; it is kept all the same.");
        } catch (IOException | SQLException e) {
            warnings.add(database + " cannot be read (" + e.getMessage()
                    + "), so the backup cannot be checked against it; it is kept all the same.");
        }
        return Optional.empty();
    }

    private static String shortId(String id) {
        return id.length() > 8 ? id.substring(0, 8) : id;
    }

    /** A restore that passed its checks, holding the database alone until closed. */
    public static final class Restore implements AutoCloseable {
        private final Path backup;
        private final Path database;
        private final DatabaseFile holds;
        private final Optional<DatabaseFile> current;
        private final Optional<String> currentId;
        private final List<String> warnings;
        private final DatabaseLock alone;
        private boolean done;

        private Restore(
                Path backup,
                Path database,
                DatabaseFile holds,
                Optional<DatabaseFile> current,
                Optional<String> currentId,
                List<String> warnings,
                DatabaseLock alone) {
            this.backup = backup;
            this.database = database;
            this.holds = holds;
            this.current = current;
            this.currentId = currentId;
            this.warnings = List.copyOf(warnings);
            this.alone = alone;
        }

        /** What the backup holds: "12 contacts, 40 notes". */
        public String backupHolds() {
            return holds.describe();
        }

        /** What the current file holds, when it can be read. */
        public Optional<String> currentHolds() {
            return current.map(DatabaseFile::describe);
        }

        /** What the checks could not say (the current file cannot be read, say). */
        public List<String> warnings() {
            return warnings;
        }

        /** Where the current file will be kept, when there is one. */
        public Optional<Path> keptAs() {
            return Files.exists(database) ? Optional.of(replacedName(database)) : Optional.empty();
        }

        /**
         * Replaces the database with the backup. The current file is first checkpointed, so that what its {@code -wal}
         * held is in it, then kept beside it, with any {@code -wal} and {@code -shm} left, as
         * {@code <name>.<n>.replaced} (n one more than any before, so no earlier one is overwritten). Returns that.
         */
        public Optional<Path> replace() {
            if (done) {
                throw new IllegalStateException("This restore has been done");
            }
            done = true;
            try {
                Optional<Path> kept = Optional.empty();
                if (Files.exists(database)) {
                    checkpoint(database);
                    Path target = replacedName(database);
                    Files.move(database, target, StandardCopyOption.ATOMIC_MOVE);
                    PrivateFiles.file(target);
                    for (String suffix : List.of("-wal", "-shm", "-journal")) {
                        Path side = Path.of(database + suffix);
                        if (Files.exists(side)) {
                            Files.move(side, Path.of(target + suffix), StandardCopyOption.ATOMIC_MOVE);
                        }
                    }
                    kept = Optional.of(target);
                }
                Path partial = Path.of(database + ".restoring");
                Files.deleteIfExists(partial);
                PrivateFiles.create(partial);
                Files.copy(backup, partial, StandardCopyOption.REPLACE_EXISTING);
                PrivateFiles.file(partial);
                if (holds.id().isEmpty() && currentId.isPresent()) {
                    // The restored database stays this database: it takes the id its first start would otherwise make.
                    stampId(partial, currentId.get());
                }
                Files.move(partial, database, StandardCopyOption.ATOMIC_MOVE);
                log.info("Restored {} from {}", database, backup);
                return kept;
            } catch (IOException e) {
                throw new UncheckedIOException("Restore from " + backup + " failed", e);
            }
        }

        @Override
        public void close() {
            alone.close();
        }
    }

    /** Moves what the -wal holds into the file; a file that cannot be opened keeps its -wal, which is moved with it. */
    private static void checkpoint(Path database) {
        try (var connection =
                        new org.sqlite.SQLiteConfig().createConnection("jdbc:sqlite:" + database.toAbsolutePath());
                var statement = connection.createStatement()) {
            statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (SQLException e) {
            log.warn("Could not checkpoint {} before the restore; its -wal and -shm are kept beside it", database);
        }
    }

    private static void stampId(Path file, String id) {
        try (var connection = new org.sqlite.SQLiteConfig().createConnection("jdbc:sqlite:" + file.toAbsolutePath());
                var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS database_identity ("
                    + " one INTEGER PRIMARY KEY CHECK (one = 1), id TEXT NOT NULL)");
            Rows.update(connection, "INSERT OR REPLACE INTO database_identity (one, id) VALUES (1, ?)", id);
        } catch (SQLException e) {
            throw new StorageException("Cannot write the database id into " + file, e);
        }
    }

    private static final Pattern REPLACED = Pattern.compile("\\.(\\d{1,9})\\.replaced");

    /** {@code <name>.<n>.replaced}, n one more than the highest there (an older {@code <name>.replaced} is left). */
    static Path replacedName(Path database) {
        Path absolute = database.toAbsolutePath();
        String name = absolute.getFileName().toString();
        long highest = 0;
        try (Stream<Path> siblings = Files.list(absolute.getParent())) {
            for (Path sibling : siblings.toList()) {
                String other = sibling.getFileName().toString();
                if (other.startsWith(name)) {
                    Matcher matcher = REPLACED.matcher(other.substring(name.length()));
                    if (matcher.lookingAt()) {
                        highest = Math.max(highest, Long.parseLong(matcher.group(1)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return absolute.resolveSibling(name + "." + (highest + 1) + ".replaced");
    }
}
