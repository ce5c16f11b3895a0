package dev.rapport.core.people;

import dev.rapport.core.domain.NoteKind;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a typed note means: "ask: …" is an open question, "#words" are tags, and it must fit 2000 characters. */
public record NoteText(NoteKind kind, String body, List<String> tags) {
    public static final int MAX_LENGTH = 2000;

    private static final Pattern ASK = Pattern.compile("^(?iu)ask\\s*:\\s*(.*)$", Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("(?<![\\p{L}\\p{N}_&])#([\\p{L}\\p{N}_-]{1,40})");

    public NoteText {
        tags = List.copyOf(tags);
    }

    /** The note, or why it cannot be saved. */
    public static Optional<NoteText> parse(String text) {
        String body = text == null ? "" : text.strip();
        if (body.isEmpty() || body.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        NoteKind kind = NoteKind.NOTE;
        Matcher ask = ASK.matcher(body);
        if (ask.matches()) {
            kind = NoteKind.QUESTION;
            body = ask.group(1).strip();
            if (body.isEmpty()) {
                return Optional.empty();
            }
        }
        return Optional.of(new NoteText(kind, body, tags(body)));
    }

    /** The same note kept as another kind (what happened in a logged contact); a question stays a question. */
    public NoteText keptAs(NoteKind newKind) {
        return kind == NoteKind.QUESTION ? this : new NoteText(newKind, body, tags);
    }

    /** One line explaining why text is not a note, for an error reply. */
    public static String problem(String text) {
        String body = text == null ? "" : text.strip();
        if (body.length() > MAX_LENGTH) {
            return "That note is " + body.length() + " characters; notes can be at most " + MAX_LENGTH + ".";
        }
        return body.isEmpty() ? "What did you learn? The note is empty." : "The question after “ask:” is empty.";
    }

    private static List<String> tags(String body) {
        Set<String> tags = new LinkedHashSet<>();
        Matcher matcher = TAG.matcher(body);
        while (matcher.find()) {
            tags.add(matcher.group(1).toLowerCase(Locale.ROOT));
        }
        return List.copyOf(tags);
    }
}
