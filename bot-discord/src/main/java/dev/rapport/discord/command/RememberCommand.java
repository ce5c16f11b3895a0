package dev.rapport.discord.command;

import net.dv8tion.jda.api.interactions.commands.CommandInteractionPayload;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/** /remember who note [user]: save what you learned about someone. */
public final class RememberCommand extends SlashCommand {
    static final String NOTE = "note";

    public RememberCommand() {
        super("remember", "Save something you learned about a person");
    }

    @Override
    protected void declare(SlashCommandData data) {
        data.addOptions(
                Options.who("Who it is about (a new name creates the contact)"),
                Options.note(NOTE, "What you learned. #words are tags; start with “ask:” for a question to ask", true),
                Options.user());
    }

    @Override
    protected CommandText text(CommandInteractionPayload interaction) {
        return CommandText.of(interaction).who().option(NOTE);
    }
}
