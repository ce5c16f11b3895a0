package dev.rapport.app;

import dev.rapport.core.api.LogContext;
import dev.rapport.core.api.Requester;
import dev.rapport.core.reply.Attachment;
import dev.rapport.store.sqlite.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Where the console writes a reply's file (an export): {@code <data>/exports/<platform>-<hashed user>/}, one folder per
 * user (0700), named with the hash the logs carry rather than the user's id; in it one new file (0600) per export,
 * named with the moment it was made ({@code rapport-export-2026-12-03-081512.json}) and numbered when that name is
 * taken ({@code …-081512-2.json}). No export ever replaces another, the user's own or anyone else's.
 */
final class ConsoleExports {
    static final String FOLDER = "exports";
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("HHmmss", Locale.ROOT);

    private final Path dataFolder;
    private final Clock clock;

    ConsoleExports(Path dataFolder, Clock clock) {
        this.dataFolder = dataFolder;
        this.clock = clock;
    }

    /** The user's own export folder. */
    Path folderOf(Requester user) {
        String platform = user.key().platform().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return dataFolder
                .resolve(FOLDER)
                .resolve(platform + "-" + LogContext.hashed(user.key()))
                .toAbsolutePath()
                .normalize();
    }

    /** Writes the file into the user's folder under a name no file there has yet; returns where. */
    Path save(Requester user, Attachment file) {
        Path folder = folderOf(user);
        String name = Path.of(file.fileName()).getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = (dot > 0 ? name.substring(0, dot) : name) + "-"
                + MOMENT.format(clock.instant().atZone(user.platformZone().orElse(ZoneOffset.UTC)));
        String extension = dot > 0 ? name.substring(dot) : "";
        try {
            PrivateFiles.folder(folder);
            for (int n = 1; ; n++) {
                Path target = folder.resolve(base + (n == 1 ? "" : "-" + n) + extension);
                try {
                    PrivateFiles.writeNew(target, file.content());
                    return target;
                } catch (FileAlreadyExistsException taken) {
                    // the same user exported within the same second: the next number
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the export into " + folder, e);
        }
    }
}
