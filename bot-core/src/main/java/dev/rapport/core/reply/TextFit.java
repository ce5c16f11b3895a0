package dev.rapport.core.reply;

/** Cuts text to a platform's limit at a line or word boundary, saying where the rest can be read. */
public final class TextFit {
    private TextFit() {}

    /**
     * The text unchanged when it fits; otherwise cut to at most {@code max} characters, ending with "…" and the
     * pointer (for example "— more in /contact \"Marc Kelly\"").
     */
    public static String cut(String text, int max, String pointer) {
        if (text.length() <= max) {
            return text;
        }
        String tail = "…" + (pointer.isEmpty() ? "" : "\n" + pointer);
        int room = max - tail.length();
        if (room <= 0) {
            return tail.length() <= max ? tail : tail.substring(0, max);
        }
        String head = text.substring(0, room);
        int line = head.lastIndexOf('\n');
        int space = head.lastIndexOf(' ');
        int at = line > room / 2 ? line : (space > room / 2 ? space : room);
        // Never split a surrogate pair: half an emoji is not a character.
        if (at > 0 && Character.isHighSurrogate(head.charAt(at - 1))) {
            at--;
        }
        return head.substring(0, at).stripTrailing() + tail;
    }
}
