package dev.rapport.discord.command;

import net.dv8tion.jda.api.interactions.commands.CommandInteractionPayload;

/** /today: what today's digest holds. */
public final class TodayCommand extends SlashCommand {
    public TodayCommand() {
        super("today", "What today's digest holds, now");
    }

    @Override
    protected CommandText text(CommandInteractionPayload interaction) {
        return CommandText.of(interaction);
    }

    @Override
    public String pointer(CommandInteractionPayload interaction) {
        return "— more: /contact or /followup list";
    }
}
