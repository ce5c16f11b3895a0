package dev.rapport.discord.command;

import dev.rapport.core.command.OpenContactCommand;
import java.util.List;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;

/** The entries Rapport adds to Discord's menus: on a person ("Open contact"). Named as core names them. */
public final class MenuCommands {
    private MenuCommands() {}

    public static List<CommandData> all() {
        return List.of(Installs.everywhere(Commands.user(OpenContactCommand.LABEL)));
    }
}
