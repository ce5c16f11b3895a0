package dev.rapport.core.reply;

/**
 * A piece of reply text. Plain and strong text is shown literally (adapters escape it); only a {@link Mention}
 * may notify anyone.
 */
public sealed interface Span permits Span.Plain, Span.Strong, Span.Mention {
    String fallback();

    /** Literal text. */
    record Plain(String text) implements Span {
        public String fallback() {
            return text;
        }
    }

    /** Literal text, emphasised. */
    record Strong(String text) implements Span {
        public String fallback() {
            return text;
        }
    }

    /** A platform user, rendered as a mention where the platform supports it. */
    record Mention(String platformUserId, String name) implements Span {
        public String fallback() {
            return "@" + name;
        }
    }
}
