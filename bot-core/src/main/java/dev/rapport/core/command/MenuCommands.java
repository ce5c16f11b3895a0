package dev.rapport.core.command;

/**
 * The entries Rapport adds to a chat platform's menus, named once for every platform: on a person, their page; on a
 * message, filing it as a note about its author (core's capture form).
 */
public final class MenuCommands {
    /** On a person: {@link OpenContactCommand}. */
    public static final String OPEN_CONTACT = "Open contact";
    /** On a message: the capture form, prefilled with the message and its author. */
    public static final String REMEMBER_THIS = "Remember this";

    private MenuCommands() {}
}
