package dev.rapport.discord.command;

import dev.rapport.core.people.NoteText;
import dev.rapport.core.people.PersonParser;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;

/** The typed options the commands share: who (a name or a Discord user), when, and free text. */
public final class Options {
    public static final String WHO = "who";
    public static final String USER = "user";
    public static final String WHEN = "when";

    private Options() {}

    /** A contact's name, suggested from the user's own contacts. */
    static OptionData who(String description) {
        return new OptionData(OptionType.STRING, WHO, description, true, true)
                .setMaxLength(PersonParser.MAX_NAME_LENGTH);
    }

    /** A Discord user, so the contact is linked to their account and survives renames. */
    static OptionData user() {
        return new OptionData(OptionType.USER, USER, "Or pick them on Discord (links the contact to their account)");
    }

    /** A time phrase such as "friday" or "every 3 weeks", with suggestions. */
    static OptionData when(String description) {
        return new OptionData(OptionType.STRING, WHEN, description, true, true).setMaxLength(100);
    }

    /** Free text that core keeps as a note. */
    static OptionData note(String name, String description, boolean required) {
        return new OptionData(OptionType.STRING, name, description, required).setMaxLength(NoteText.MAX_LENGTH);
    }
}
