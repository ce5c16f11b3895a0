package dev.rapport.slack;

import dev.rapport.core.reply.Span;
import dev.rapport.core.reply.Text;
import dev.rapport.core.reply.TextFit;
import java.util.regex.Pattern;

/**
 * Slack's mrkdwn for reply text. User text is escaped ({@code &}, {@code <}, {@code >}) so that no
 * {@code <!channel>}, user mention or link can come out of a note; only a {@link Span.Mention} renders as a mention.
 */
final class Mrkdwn {
    private static final Pattern CROWD = Pattern.compile("(?i)@(here|channel|everyone)\\b");
    private static final Pattern USER_ID = Pattern.compile("[UW][A-Z0-9]{2,20}");
    // A word joiner keeps "@here" readable while no Slack client or parse mode can take it for a crowd ping.
    private static final String JOINER = "\u2060";

    private Mrkdwn() {}

    /** Literal text, safe to put into mrkdwn or a message's fallback text. */
    static String escape(String text) {
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return CROWD.matcher(escaped).replaceAll("@" + JOINER + "$1");
    }

    static String render(Text text) {
        StringBuilder out = new StringBuilder();
        for (Span span : text.spans()) {
            out.append(render(span));
        }
        return out.toString();
    }

    private static String render(Span span) {
        if (span instanceof Span.Plain plain) {
            return escape(plain.text());
        }
        if (span instanceof Span.Strong strong) {
            String inner = strong.text().strip();
            // Asterisks or line breaks inside would end the emphasis early; show such text plainly.
            boolean simple = !inner.isEmpty() && !inner.contains("*") && !inner.contains("\n");
            return simple ? "*" + escape(strong.text()) + "*" : escape(strong.text());
        }
        Span.Mention mention = (Span.Mention) span;
        return USER_ID.matcher(mention.platformUserId()).matches()
                ? "<@" + mention.platformUserId() + ">"
                : escape(mention.fallback());
    }

    /**
     * Cuts escaped mrkdwn to {@code max} characters with a pointer, never inside an entity ({@code &amp;}) or a
     * {@code <@U…>} mention.
     */
    static String cut(String mrkdwn, int max, String pointer) {
        if (mrkdwn.length() <= max) {
            return mrkdwn;
        }
        String tail = "…" + (pointer.isEmpty() ? "" : "\n" + escape(pointer));
        String fitted = TextFit.cut(mrkdwn, max, escape(pointer));
        String head = fitted.endsWith(tail) ? fitted.substring(0, fitted.length() - tail.length()) : fitted;
        int amp = head.lastIndexOf('&');
        if (amp > head.lastIndexOf(';')) {
            head = head.substring(0, amp);
        }
        int open = head.lastIndexOf('<');
        if (open > head.lastIndexOf('>')) {
            head = head.substring(0, open);
        }
        return head.stripTrailing() + tail;
    }
}
