package dev.rapport.discord.command;

import java.util.List;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;

/**
 * The entries Rapport adds to Discord's menus, named as core names them: on a person ("Open contact") and on a
 * message ("Remember this").
 */
public final class MenuCommands {
    private MenuCommands() {}

    public static List<CommandData> all() {
        return List.of(
                Installs.everywhere(Commands.user(dev.rapport.core.command.MenuCommands.OPEN_CONTACT)),
                Installs.everywhere(Commands.message(dev.rapport.core.command.MenuCommands.REMEMBER_THIS)));
    }
}
