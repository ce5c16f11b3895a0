package dev.rapport.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The database, its -wal and -shm, backups and the folders Rapport makes are its owner's alone. */
class PrivateFilesTest {
    @TempDir
    Path dir;

    static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void aNewDatabaseItsWalShmBackupsAndFoldersAreOwnerOnly() throws IOException {
        Path file = dir.resolve("data/inner/rapport.db");
        try (Database db = Database.open(file)) {
            db.write(c -> Rows.update(c, "CREATE TABLE t (x INTEGER)"));
            Path backup = new Backups(db, dir.resolve("data/backups"), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC))
                    .backupIfDue()
                    .orElseThrow();

            assertThat(mode(file)).isEqualTo("rw-------");
            assertThat(mode(Path.of(file + "-wal"))).isEqualTo("rw-------");
            assertThat(mode(Path.of(file + "-shm"))).isEqualTo("rw-------");
            assertThat(mode(backup)).isEqualTo("rw-------");
            assertThat(mode(dir.resolve("data"))).isEqualTo("rwx------");
            assertThat(mode(dir.resolve("data/inner"))).isEqualTo("rwx------");
            assertThat(mode(dir.resolve("data/backups"))).isEqualTo("rwx------");
        }
        assertThat(PrivateFiles.openToOthers(file)).contains(false);
    }

    @Test
    void aWorldReadableDatabaseIsSeenAndMadePrivateWhenOpened() throws IOException {
        Path shared = Files.createDirectory(dir.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path file = shared.resolve("rapport.db");
        Database.open(file).close();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(PrivateFiles.openToOthers(file)).contains(true);
        Database.open(file).close();

        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(mode(shared))
                .as("a folder Rapport did not create is left as it is")
                .isEqualTo("rwxr-xr-x");
        assertThat(PrivateFiles.openToOthers(shared)).contains(true);
        assertThat(PrivateFiles.openToOthers(dir.resolve("missing"))).isEqualTo(Optional.empty());
    }

    @Test
    void anExportIsWrittenPrivate() throws IOException {
        Path export = dir.resolve("exports/rapport-export.json");
        PrivateFiles.folder(export.getParent());
        PrivateFiles.writeString(export, "{}");

        assertThat(mode(export)).isEqualTo("rw-------");
        assertThat(mode(export.getParent())).isEqualTo("rwx------");
    }
}
