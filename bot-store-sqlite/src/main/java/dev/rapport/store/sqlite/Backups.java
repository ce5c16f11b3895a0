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
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Daily online backups of the database ({@code VACUUM INTO}), keeping the newest few, and a checked restore. */
public final class Backups {
    private static final Logger log = LoggerFactory.getLogger(Backups.class);
    private static final String PREFIX = "rapport-";
    private static final String SUFFIX = ".db";
    public static final int KEEP = 7;

    private final Database db;
    private final Path directory;
    private final Clock clock;

    public Backups(Database db, Path directory, Clock clock) {
        this.db = db;
        this.directory = directory;
        this.clock = clock;
    }

    /** Makes today's (UTC) backup unless it exists, then keeps only the newest {@value #KEEP}. */
    public Optional<Path> backupIfDue() {
        Path target = directory.resolve(PREFIX + LocalDate.now(clock.withZone(ZoneOffset.UTC)) + SUFFIX);
        if (Files.exists(target)) {
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

    /** Backups present, oldest first. */
    public List<Path> list() {
        return in(directory);
    }

    /** The backups in a folder, oldest first. */
    public static List<Path> in(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Backups::isBackup).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void prune() throws IOException {
        List<Path> all = new ArrayList<>(list());
        while (all.size() > KEEP) {
            Files.deleteIfExists(all.remove(0));
        }
    }

    private static boolean isBackup(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(PREFIX) && name.endsWith(SUFFIX);
    }

    /**
     * Replaces the database file with a backup after checking the backup's integrity. Rapport must not be running
     * on {@code database}; the replaced file is kept beside it as {@code .replaced}.
     */
    public static void restore(Path backup, Path database) {
        try {
            if (!Files.isRegularFile(backup)) {
                throw new IllegalArgumentException("No backup file at " + backup);
            }
            List<String> problems = Database.integrityProblems(backup);
            if (!problems.isEmpty()) {
                throw new DamagedDatabaseException(backup, problems);
            }
            PrivateFiles.folder(database.toAbsolutePath().getParent());
            if (Files.exists(database)) {
                Files.move(
                        database,
                        database.resolveSibling(database.getFileName() + ".replaced"),
                        StandardCopyOption.REPLACE_EXISTING);
                PrivateFiles.file(database.resolveSibling(database.getFileName() + ".replaced"));
            }
            Files.deleteIfExists(database.resolveSibling(database.getFileName() + "-wal"));
            Files.deleteIfExists(database.resolveSibling(database.getFileName() + "-shm"));
            Files.copy(backup, database);
            PrivateFiles.file(database);
        } catch (IOException e) {
            throw new UncheckedIOException("Restore from " + backup + " failed", e);
        } catch (SQLException e) {
            throw new StorageException("Cannot check " + backup, e);
        }
    }
}
