package dev.rapport.app;

import dev.rapport.core.api.CommandRequest;
import dev.rapport.core.api.Rapport;
import dev.rapport.core.api.Requester;
import dev.rapport.core.api.SharedFile;
import dev.rapport.core.reply.Reply;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The console's file transport: {@code /import <path>} reads the file at that path (on the console's own machine)
 * and hands its bytes to core, as Slack and Discord hand over an attachment. Core reads and judges the file.
 */
final class ConsoleFiles {
    private static final String FILE_COMMAND = "import";

    private ConsoleFiles() {}

    static Optional<Reply> upload(Rapport rapport, Requester me, String command, String text) {
        if (!command.equalsIgnoreCase(FILE_COMMAND) || text.isBlank()) {
            return Optional.empty();
        }
        String typed = text.strip();
        if (typed.length() > 1
                && (typed.startsWith("\"") && typed.endsWith("\"") || typed.startsWith("'") && typed.endsWith("'"))) {
            typed = typed.substring(1, typed.length() - 1);
        }
        Path path;
        try {
            path = Path.of(typed.startsWith("~/") ? System.getProperty("user.home") + typed.substring(1) : typed);
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(path)) {
            if (typed.contains(".") || typed.contains("/")) {
                return Optional.of(Reply.error(
                        "There is no file at " + path.toAbsolutePath().normalize() + ".",
                        "/import ~/Downloads/contacts.vcf"));
            }
            return Optional.empty();
        }
        try {
            // Judged by its size first, then read no further than one byte past the limit: a 50 MB file is never
            // held whole.
            SharedFile file = new SharedFile(path.getFileName().toString(), path.toString(), Files.size(path));
            return Optional.of(
                    rapport.upload(CommandRequest.of(me, FILE_COMMAND, ""), file, ConsoleFiles::read, () -> {}));
        } catch (IOException e) {
            return Optional.of(Reply.error("Cannot read "
                    + path.toAbsolutePath().normalize() + ": " + e.getClass().getSimpleName() + "."));
        }
    }

    private static Optional<byte[]> read(SharedFile file, int maxBytes) {
        try (InputStream in = Files.newInputStream(Path.of(file.location()))) {
            return Optional.of(in.readNBytes(maxBytes));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
