package dev.rapport.store.sqlite;

import java.nio.file.Path;
import java.util.List;

/** The database file failed SQLite's integrity check at start. */
public final class DamagedDatabaseException extends RuntimeException {
    private final transient Path file;
    private final transient List<String> problems;

    public DamagedDatabaseException(Path file, List<String> problems) {
        super("The database " + file + " is damaged (integrity check: "
                + String.join("; ", problems.subList(0, Math.min(3, problems.size())))
                + "). Rapport will not start on it, so nothing gets worse. Restore the newest backup with"
                + " ./rapport restore <backup file> (./rapport backups lists this database's backups, in"
                + " RAPPORT_BACKUP_DIR, default ./data/backups).");
        this.file = file;
        this.problems = List.copyOf(problems);
    }

    public Path file() {
        return file;
    }

    public List<String> problems() {
        return problems;
    }
}
