package dev.rapport.discord.command;

import net.dv8tion.jda.api.interactions.commands.CommandInteractionPayload;

/** /export: everything Rapport holds about your contacts, as a JSON file. */
public final class ExportCommand extends SlashCommand {
    public ExportCommand() {
        super("export", "Everything Rapport holds about your contacts, as a JSON file");
    }

    @Override
    protected CommandText text(CommandInteractionPayload interaction) {
        return CommandText.of(interaction);
    }

    @Override
    protected boolean mayBeSlow() {
        return true;
    }
}
