package dev.rapport.core.reply;

/**
 * A text input a button asks for before its action runs (a modal on Slack and Discord). {@code optional}: the
 * action gives an empty answer a meaning, so the input may be left empty.
 */
public record Prompt(String title, String label, String placeholder, int maxLength, boolean optional) {
    public static final int NOTE_MAX = 2000;

    /** A prompt that must be answered. */
    public Prompt(String title, String label, String placeholder, int maxLength) {
        this(title, label, placeholder, maxLength, false);
    }

    public static Prompt note(String title, String label, String placeholder) {
        return new Prompt(title, label, placeholder, NOTE_MAX);
    }

    /** The same prompt, which may be left empty. */
    public Prompt leftEmptyAllowed() {
        return new Prompt(title, label, placeholder, maxLength, true);
    }
}
