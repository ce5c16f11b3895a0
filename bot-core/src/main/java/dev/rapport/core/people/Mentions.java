package dev.rapport.core.people;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Platform mentions inside note text become "@name", so a saved note reads well anywhere and never pings. */
public final class Mentions {
    private static final Pattern MENTION = Pattern.compile("<@!?([A-Za-z0-9._-]+)(?:\\|([^>]*))?>");

    private Mentions() {}

    public static String readable(String text, Map<String, String> mentionNames) {
        Matcher matcher = MENTION.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = mentionNames.getOrDefault(
                    matcher.group(1), matcher.group(2) == null ? matcher.group(1) : matcher.group(2));
            matcher.appendReplacement(out, Matcher.quoteReplacement("@" + name));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
