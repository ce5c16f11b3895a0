package dev.rapport.store.sqlite;

import dev.rapport.core.port.StorageException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Who is using a SQLite file, told by an operating-system lock on {@code <database>.lock} beside it: a running Rapport
 * holds it shared for as long as its {@link Database} is open, a restore holds it alone. The operating system lets go
 * when the process ends, however it ends, so a crashed Rapport leaves no stale lock (the empty file stays, harmless).
 * A separate file, because SQLite's own locks are on the database file and Java's lock would upset them.
 */
final class DatabaseLock implements AutoCloseable {
    // The operating system's locks belong to a process, not to a channel: this process keeps one per file.
    private static final Map<Path, DatabaseLock> HELD = new HashMap<>();

    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;
    private int holders = 1;

    private DatabaseLock(Path key, FileChannel channel, FileLock lock) {
        this.key = key;
        this.channel = channel;
        this.lock = lock;
    }

    static Path fileFor(Path database) {
        Path absolute = database.toAbsolutePath().normalize();
        return absolute.resolveSibling(absolute.getFileName() + ".lock");
    }

    /** The running side: shared with other Rapports on the file; refused while a restore holds it. */
    static DatabaseLock running(Path database) throws IOException {
        synchronized (HELD) {
            Path file = fileFor(database);
            DatabaseLock held = HELD.get(file);
            if (held != null) {
                if (!held.lock.isShared()) {
                    throw restoring(database);
                }
                held.holders++;
                return held;
            }
            FileChannel channel = open(file);
            FileLock lock = channel.tryLock(0, Long.MAX_VALUE, true);
            if (lock == null) {
                channel.close();
                throw restoring(database);
            }
            return register(new DatabaseLock(file, channel, lock));
        }
    }

    /** The restoring side: the file alone, or empty while any Rapport (in this process or another) has it open. */
    static Optional<DatabaseLock> alone(Path database) throws IOException {
        synchronized (HELD) {
            Path file = fileFor(database);
            if (HELD.containsKey(file)) {
                return Optional.empty();
            }
            FileChannel channel = open(file);
            FileLock lock = channel.tryLock(0, Long.MAX_VALUE, false);
            if (lock == null) {
                channel.close();
                return Optional.empty();
            }
            return Optional.of(register(new DatabaseLock(file, channel, lock)));
        }
    }

    private static FileChannel open(Path file) throws IOException {
        PrivateFiles.folder(file.getParent());
        PrivateFiles.create(file);
        return FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    private static DatabaseLock register(DatabaseLock lock) {
        HELD.put(lock.key, lock);
        return lock;
    }

    private static StorageException restoring(Path database) {
        return new StorageException(
                "A restore is replacing " + database + "; start Rapport again when it has finished", null);
    }

    @Override
    public void close() {
        synchronized (HELD) {
            if (--holders > 0) {
                return;
            }
            HELD.remove(key);
            try {
                // Closing the channel lets go of its lock.
                channel.close();
            } catch (IOException e) {
                throw new StorageException("Cannot let go of " + key, e);
            }
        }
    }
}
