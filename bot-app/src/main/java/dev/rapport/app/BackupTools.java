package dev.rapport.app;

import dev.rapport.store.sqlite.Backups;
import dev.rapport.store.sqlite.RestoreRefused;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code ./rapport backups} and {@code ./rapport restore <file> [--yes]}: the current database's backups, and a
 * checked restore that shows what the backup and the current file hold and asks before it replaces anything.
 */
final class BackupTools {
    static final String YES = "--yes";

    private BackupTools() {}

    /** Lists the database's backups, oldest first, each with what it holds. */
    static int list(Path backupDirectory, Path database, PrintStream out) {
        List<Path> backups = Backups.of(backupDirectory, database);
        if (backups.isEmpty()) {
            out.println("No backups of " + database + " in " + backupDirectory
                    + " yet (Rapport makes one a day while it runs).");
            return 0;
        }
        for (Path backup : backups) {
            out.println(backup + "  " + Backups.contents(backup));
        }
        return 0;
    }

    /** Restores {@code backup} over {@code database}, asking first unless {@code yes}. Returns the exit code. */
    static int restore(Path backup, Path database, boolean yes, BufferedReader in, PrintStream out, PrintStream err) {
        try (Backups.Restore restore = Backups.prepareRestore(backup, database)) {
            out.println("Backup:  " + backup + " — " + restore.backupHolds());
            out.println("Current: " + database + " — "
                    + restore.currentHolds().orElse(restore.keptAs().isPresent() ? "cannot be read" : "no file yet"));
            restore.warnings().forEach(warning -> out.println("Note: " + warning));
            Optional<Path> keptAs = restore.keptAs();
            if (!yes) {
                out.print("Replace " + database + " with this backup?"
                        + keptAs.map(kept -> " The current file is kept as " + kept + ".")
                                .orElse("")
                        + " [y/N] ");
                out.flush();
                String answer = in.readLine();
                if (answer == null
                        || !List.of("y", "yes").contains(answer.strip().toLowerCase(Locale.ROOT))) {
                    out.println();
                    out.println("Nothing was changed"
                            + (answer == null ? " (add " + YES + " to restore without" + " this question)." : "."));
                    return 1;
                }
            }
            Optional<Path> kept = restore.replace();
            out.println("Restored " + database + " from " + backup + "."
                    + kept.map(file -> " The file it replaced is kept as " + file + ".")
                            .orElse(""));
            return 0;
        } catch (RestoreRefused e) {
            err.println("Restore refused: " + e.getMessage() + " Nothing was changed.");
            return 1;
        } catch (IOException e) {
            err.println("Restore stopped: the answer could not be read. Nothing was changed.");
            return 1;
        } catch (RuntimeException e) {
            err.println("Restore failed: " + e.getMessage());
            return 1;
        }
    }
}
