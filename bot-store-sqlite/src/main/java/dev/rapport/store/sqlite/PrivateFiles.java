package dev.rapport.store.sqlite;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * Rapport's files are its owner's alone, whatever the umask: files 0600, the folders Rapport creates 0700 (set
 * explicitly after creating, so the umask cannot widen or narrow them). On a file system without POSIX permissions
 * (Windows) nothing is changed.
 */
public final class PrivateFiles {
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    public static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");

    private PrivateFiles() {}

    /** Creates the folder and any missing parents; each one created here is made 0700 (existing ones are left). */
    public static void folder(Path folder) throws IOException {
        Path absolute = folder.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            return;
        }
        Path parent = absolute.getParent();
        if (parent != null) {
            folder(parent);
        }
        try {
            Files.createDirectory(absolute);
        } catch (FileAlreadyExistsException raced) {
            return;
        }
        restrict(absolute, FOLDER);
    }

    /** Makes an existing file 0600 (a no-op when it is missing). */
    public static void file(Path file) throws IOException {
        if (Files.exists(file)) {
            restrict(file, FILE);
        }
    }

    /** Creates an empty 0600 file unless it exists (so that a file SQLite then writes into starts private). */
    public static void create(Path file) throws IOException {
        if (!Files.exists(file)) {
            Files.createFile(file);
        }
        file(file);
    }

    /** Writes text to a new or existing file that is made 0600 before anything is written into it. */
    public static void writeString(Path file, String text) throws IOException {
        create(file);
        Files.writeString(file, text, java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Writes text to a file that must not exist yet, created 0600 before anything is written into it.
     *
     * @throws FileAlreadyExistsException when the file is there: nothing is overwritten
     */
    public static void writeNew(Path file, String text) throws IOException {
        Files.createFile(file);
        file(file);
        Files.writeString(file, text, java.nio.charset.StandardCharsets.UTF_8, StandardOpenOption.WRITE);
    }

    /** Whether people other than the owner may read (or enter) the path; empty when the file system cannot say. */
    public static Optional<Boolean> openToOthers(Path path) {
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        if (view == null || !Files.exists(path)) {
            return Optional.empty();
        }
        try {
            Set<PosixFilePermission> permissions = view.readAttributes().permissions();
            return Optional.of(permissions.contains(PosixFilePermission.GROUP_READ)
                    || permissions.contains(PosixFilePermission.OTHERS_READ));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        if (view != null) {
            view.setPermissions(permissions);
        }
    }
}
