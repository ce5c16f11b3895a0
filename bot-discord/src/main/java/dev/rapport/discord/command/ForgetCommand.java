package dev.rapport.discord.command;

import net.dv8tion.jda.api.interactions.commands.CommandInteractionPayload;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/** /forget who: delete a person and everything about them, after a confirmation (core's buttons). */
public final class ForgetCommand extends SlashCommand {
    public ForgetCommand() {
        super("forget", "Delete a person and everything about them (asks first)");
    }

    @Override
    protected void declare(SlashCommandData data) {
        data.addOptions(Options.who("Who to forget"), Options.user());
    }

    @Override
    protected CommandText text(CommandInteractionPayload interaction) {
        return CommandText.of(interaction).who();
    }
}
