package dev.rapport.discord.command;

import net.dv8tion.jda.api.interactions.commands.CommandInteractionPayload;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/** /contact who: what you know about a person. */
public final class ContactCommand extends SlashCommand {
    public ContactCommand() {
        super("contact", "What you know about a person, open questions, last and next contact");
    }

    @Override
    protected void declare(SlashCommandData data) {
        data.addOptions(Options.who("Whose page to show"), Options.user());
    }

    @Override
    protected CommandText text(CommandInteractionPayload interaction) {
        return CommandText.of(interaction).who();
    }

    @Override
    public String pointer(CommandInteractionPayload interaction) {
        return "— everything, every note: /export";
    }
}
