package dev.rapport.app;

import dev.rapport.core.api.CommandRequest;
import dev.rapport.core.api.Progress;
import dev.rapport.core.api.Rapport;
import dev.rapport.core.api.Requester;
import dev.rapport.core.reply.Attachment;
import dev.rapport.core.reply.Button;
import dev.rapport.core.reply.Reply;
import dev.rapport.core.reply.Section;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The local console: one user typing the same commands as on Slack or Discord, replies as plain text and buttons
 * as the equivalent commands. Reads line by line, works with piped input, and returns at end of input.
 */
public final class Console {
    static final String PLATFORM = "console";
    static final String WORKSPACE = "local";

    private static final Set<String> QUIT = Set.of("/quit", "/exit", "quit", "exit");

    private final Rapport rapport;
    private final Requester me;
    private final ConsoleExports exports;
    private final PrintStream out;

    /** @param dataFolder where exports are written, each user's in a folder of their own under {@code exports} */
    public Console(Rapport rapport, Requester me, Path dataFolder, Clock clock, PrintStream out) {
        this.rapport = rapport;
        this.me = me;
        this.exports = new ConsoleExports(dataFolder, clock);
        this.out = out;
    }

    /** Runs until end of input; {@code interactive} shows a prompt. */
    public void run(BufferedReader in, boolean interactive) throws IOException {
        out.println("Rapport console for " + me.displayName() + ". Type /help for commands; end input to quit.");
        String line;
        while (true) {
            if (interactive) {
                out.print("> ");
                out.flush();
            }
            line = in.readLine();
            if (line == null) {
                break;
            }
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (QUIT.contains(trimmed.toLowerCase(Locale.ROOT))) {
                break;
            }
            if (!interactive) {
                out.println("> " + trimmed);
            }
            synchronized (out) {
                out.println(render(execute(trimmed)));
            }
        }
    }

    Reply execute(String line) {
        String firstWord = line.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        if (!line.startsWith("/") && (firstWord.equals("help") || firstWord.equals("?"))) {
            // "help" is what a newcomer types first; it means /help, with any topic after it.
            line = "/help" + line.substring(firstWord.length());
        }
        if (!line.startsWith("/")) {
            return Reply.error("Commands start with a slash.", "/remember Marc Kelly: met at the SYPE mixer");
        }
        String[] parts = line.substring(1).split("\\s+", 2);
        Optional<Reply> withFile = ConsoleFiles.upload(rapport, me, parts[0], parts.length > 1 ? parts[1] : "");
        if (withFile.isPresent()) {
            return withFile.get();
        }
        // A long command (a large import) prints a line at each step before its answer.
        Progress progress = interim -> {
            synchronized (out) {
                out.println(render(interim));
            }
        };
        Reply reply =
                rapport.handle(CommandRequest.of(me, parts[0], parts.length > 1 ? parts[1] : ""), progress, () -> {});
        return reply.attachment().map(file -> saved(reply, file)).orElse(reply);
    }

    private Reply saved(Reply reply, Attachment file) {
        Path target = exports.save(me, file);
        return reply.withNotice(Section.of("Saved " + target));
    }

    /** A reply as plain text: headings, bodies, fields, and buttons as the commands that do the same. */
    public static String render(Reply reply) {
        List<String> lines = new ArrayList<>();
        for (Section section : reply.sections()) {
            section.heading().ifPresent(heading -> lines.add("== " + heading + " =="));
            String body = section.body().plainText();
            if (!body.isBlank()) {
                lines.add(body);
            }
            section.fields().forEach(field -> lines.add("  " + field.label() + ": " + field.value()));
            section.buttons().forEach(button -> lines.add(choice(button)));
        }
        reply.buttons().forEach(button -> lines.add(choice(button)));
        return String.join("\n", lines);
    }

    private static String choice(Button button) {
        return "  [" + button.label() + "] " + button.command();
    }
}
