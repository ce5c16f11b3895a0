package dev.rapport.core.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Folding of person names so that matching ignores case, accents and extra spaces ("zoe" finds "Zoë"). */
public final class Names {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    // Every kind of quote mark folds to one, so a name written in a command without its quotes still matches.
    private static final Pattern QUOTES = Pattern.compile("[\"“”‘’`]");

    private Names() {}

    public static String fold(String name) {
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFD);
        String withoutMarks =
                QUOTES.matcher(MARKS.matcher(decomposed).replaceAll("")).replaceAll("'");
        return SPACES.matcher(withoutMarks.toLowerCase(Locale.ROOT).strip()).replaceAll(" ");
    }

    /** Tidies a name typed by a user: trims, collapses inner whitespace. */
    public static String clean(String name) {
        return SPACES.matcher(name.strip()).replaceAll(" ");
    }

    /** How to write a name in a command so that it names exactly that person: in quotes, without quote marks. */
    public static String reference(String name) {
        return "\"" + name.replace("\"", "'") + "\"";
    }
}
