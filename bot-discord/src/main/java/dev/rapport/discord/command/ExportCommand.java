package dev.rapport.discord.command;

import net.dv8tion.jda.api.interactions.commands.CommandInteractionPayload;

/** /export: everything Rapport holds about your contacts, as a JSON file. */
public final class ExportCommand extends SlashCommand {
    public ExportCommand() {
        super("export", "Everything Rapport holds about your contacts: JSON, vCard, CSV or a calendar");
    }

    static final String FORMAT = "format";

    @Override
    protected void declare(net.dv8tion.jda.api.interactions.commands.build.SlashCommandData data) {
        data.addOptions(new net.dv8tion.jda.api.interactions.commands.build.OptionData(
                        net.dv8tion.jda.api.interactions.commands.OptionType.STRING,
                        FORMAT,
                        "JSON (everything), vCard or CSV (your people), or a calendar (ICS)",
                        false)
                .addChoice("JSON", "json")
                .addChoice("vCard", "vcard")
                .addChoice("CSV", "csv")
                .addChoice("calendar", "calendar"));
    }

    @Override
    protected CommandText text(CommandInteractionPayload interaction) {
        return CommandText.of(interaction).option(FORMAT);
    }
}
