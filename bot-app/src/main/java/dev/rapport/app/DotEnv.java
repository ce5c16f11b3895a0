package dev.rapport.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code .env} file: {@code KEY=value} lines (optionally {@code export KEY=value}, the value optionally in matching
 * single or double quotes), blank lines and {@code #} comments. Any other line stops the start with its line
 * number, so a typo never silently starts the console instead of Slack. Values never appear in a message.
 */
final class DotEnv {
    private static final Pattern LINE = Pattern.compile("^(?:export\\s+)?([A-Za-z_][A-Za-z0-9_.]*)\\s*=\\s*(.*?)\\s*$");

    private DotEnv() {}

    /** Thrown for a line that is not a setting; says which line of which file. */
    static final class Malformed extends IllegalStateException {
        Malformed(String message) {
            super(message);
        }
    }

    /** The settings of the file, or none when it does not exist. */
    static Map<String, String> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            return parse(file.toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    static Map<String, String> parse(String name, List<String> lines) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher matcher = LINE.matcher(line);
            if (!matcher.matches()) {
                throw new Malformed(name + " line " + (i + 1) + " is not KEY=value; fix or remove it and start again.");
            }
            String value = matcher.group(2);
            if (value.startsWith("\"") || value.startsWith("'")) {
                char quote = value.charAt(0);
                if (value.length() < 2 || value.charAt(value.length() - 1) != quote) {
                    throw new Malformed(name + " line " + (i + 1) + " (" + matcher.group(1)
                            + ") opens a quote it does not close; fix it and start again.");
                }
                value = value.substring(1, value.length() - 1);
            } else {
                int comment = value.indexOf(" #");
                if (comment >= 0) {
                    value = value.substring(0, comment).strip();
                }
            }
            values.put(matcher.group(1), value);
        }
        return values;
    }
}
