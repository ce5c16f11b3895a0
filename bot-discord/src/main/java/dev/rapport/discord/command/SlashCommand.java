package dev.rapport.discord.command;

import dev.rapport.core.api.CommandRequest;
import dev.rapport.core.api.Requester;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.interactions.commands.CommandInteractionPayload;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * One Discord slash command. A subclass says how the command is declared and how its typed options read as core's
 * command text, and whether its answer may be shown to the channel; the router writes the command down and defers
 * it, and the inbox runs it.
 */
public abstract class SlashCommand {
    private final String name;
    private final String description;

    protected SlashCommand(String name, String description) {
        this.name = name;
        this.description = description;
    }

    /** The command's name, the same on Discord and in core ("remember"). */
    public final String name() {
        return name;
    }

    /** The command as registered with Discord: from a server or a personal install, in servers and in DMs. */
    public final SlashCommandData data() {
        SlashCommandData data = Installs.everywhere(Commands.slash(name, description));
        declare(data);
        return data;
    }

    /** Adds the command's options or subcommands. */
    protected void declare(SlashCommandData data) {}

    /** The typed options as the text core reads after the command name. */
    protected abstract CommandText text(CommandInteractionPayload interaction);

    /**
     * Whether the answer to this interaction may be shown to the whole channel (an intro post): it is then deferred
     * in the open, and the other answers in private.
     */
    public boolean mayAnswerChannel(CommandInteractionPayload interaction) {
        return false;
    }

    /** Where to read what a long reply had to leave out. */
    public String pointer(CommandInteractionPayload interaction) {
        return CommandText.person(interaction)
                .map(person -> "— more: /contact " + person)
                .orElse("— more: /followup list");
    }

    /** Autocomplete: the asker's contacts for {@code who}, dates and rhythms for {@code when}. */
    public List<String> suggest(
            Optional<String> subcommand, String option, String typed, Requester from, Suggestions suggestions) {
        return switch (option) {
            case Options.WHO -> suggestions.contacts(from, typed);
            case Options.WHEN -> suggestions.datesAndRhythms(typed);
            default -> List.of();
        };
    }

    /** A file the command was handed (an attachment option), fetched when the command runs; empty for most. */
    public Optional<Attachment> attachment(CommandInteractionPayload interaction) {
        return Optional.empty();
    }

    /** The interaction as core's command; the rights core may ask for travel with the interaction's reply handle. */
    public final CommandRequest request(CommandInteractionPayload interaction) {
        CommandText text = text(interaction);
        return CommandRequest.of(Requesters.of(interaction.getUser()), name, text.text())
                .in(Channels.place(interaction))
                .withMentions(text.mentions());
    }
}
