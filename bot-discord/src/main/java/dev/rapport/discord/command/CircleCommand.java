package dev.rapport.discord.command;

import net.dv8tion.jda.api.interactions.commands.CommandInteractionPayload;

/** /circle: your people, who needs attention first. */
public final class CircleCommand extends SlashCommand {
    public CircleCommand() {
        super("circle", "Your circle at a glance, who needs attention first");
    }

    @Override
    protected CommandText text(CommandInteractionPayload interaction) {
        return CommandText.of(interaction);
    }

    @Override
    public String pointer(CommandInteractionPayload interaction) {
        return "— one person in full: /contact";
    }
}
