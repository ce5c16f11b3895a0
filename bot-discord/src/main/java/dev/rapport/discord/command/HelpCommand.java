package dev.rapport.discord.command;

import net.dv8tion.jda.api.interactions.commands.CommandInteractionPayload;

/** /help: every command with an example. */
public final class HelpCommand extends SlashCommand {
    public HelpCommand() {
        super("help", "How to use Rapport, with examples");
    }

    @Override
    protected CommandText text(CommandInteractionPayload interaction) {
        return CommandText.of(interaction);
    }

    @Override
    public String pointer(CommandInteractionPayload interaction) {
        return "";
    }
}
