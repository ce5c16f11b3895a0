package dev.rapport.core.command;

/** A text input a button asks for before its action runs (a modal on Slack and Discord). */
public record Prompt(String title, String label, String placeholder, int maxLength) {
    public static final int NOTE_MAX = 2000;

    public static Prompt note(String title, String label, String placeholder) {
        return new Prompt(title, label, placeholder, NOTE_MAX);
    }
}
