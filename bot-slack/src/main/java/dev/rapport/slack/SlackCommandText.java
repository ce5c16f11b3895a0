package dev.rapport.slack;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a slash command's text as the user typed it. Slack sends literal {@code &}, {@code <} and {@code >} as
 * entities and wraps what it recognised in angle brackets ({@code <!here>}, {@code <#C1|general>},
 * {@code <https://…|…>}); user mentions {@code <@U…>} stay as they are, because core reads them as people.
 */
final class SlackCommandText {
    private static final Pattern CONTROL = Pattern.compile("<([^<>]*)>");

    private SlackCommandText() {}

    static String decode(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        Matcher control = CONTROL.matcher(text);
        StringBuilder out = new StringBuilder();
        while (control.find()) {
            control.appendReplacement(out, Matcher.quoteReplacement(readable(control.group(1))));
        }
        control.appendTail(out);
        return out.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    private static String readable(String inner) {
        int bar = inner.indexOf('|');
        String target = bar < 0 ? inner : inner.substring(0, bar);
        String label = bar < 0 ? "" : inner.substring(bar + 1);
        if (target.startsWith("@")) {
            return "<" + inner + ">";
        }
        if (target.startsWith("!subteam^")) {
            return label.isEmpty() ? "@group" : (label.startsWith("@") ? label : "@" + label);
        }
        if (target.startsWith("!")) {
            String name = target.substring(1);
            return "@" + (label.isEmpty() ? name : label.replaceFirst("^@", ""));
        }
        if (target.startsWith("#")) {
            return "#" + (label.isEmpty() ? target.substring(1) : label);
        }
        if (target.startsWith("mailto:")) {
            return label.isEmpty() ? target.substring("mailto:".length()) : label;
        }
        return label.isEmpty() || label.equals(target) ? target : label + " (" + target + ")";
    }
}
