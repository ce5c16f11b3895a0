package dev.rapport.discord.render;

import java.util.regex.Pattern;

/**
 * Makes user text literal in Discord markdown: formatting, masked links, headings, quotes, lists and anything that
 * could look like a mention ({@code @everyone}, {@code <@&role>}) are shown as typed and never act.
 */
public final class DiscordMarkdown {
    // Discord drops a backslash before any ASCII punctuation, so over-escaping is harmless.
    private static final Pattern INLINE = Pattern.compile("([\\\\*_~`|\\[\\]<>@])");
    private static final Pattern LINE_START = Pattern.compile("(?m)^(\\s*)(#|-|\\+|\\d+\\.)");

    private DiscordMarkdown() {}

    public static String escape(String text) {
        String inline = INLINE.matcher(text).replaceAll("\\\\$1");
        return LINE_START.matcher(inline).replaceAll(match -> {
            String marker = match.group(2);
            String escaped = Character.isDigit(marker.charAt(0))
                    ? marker.substring(0, marker.length() - 1) + "\\."
                    : "\\" + marker;
            return java.util.regex.Matcher.quoteReplacement(match.group(1) + escaped);
        });
    }
}
