package dev.rapport.discord.command;

import dev.rapport.core.api.CommandRequest;
import dev.rapport.core.api.Rapport;
import dev.rapport.core.api.Requester;
import dev.rapport.core.api.Upload;
import dev.rapport.core.reply.Reply;
import dev.rapport.discord.render.DiscordReplyRenderer;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.CommandInteractionPayload;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * One Discord slash command. A subclass says how the command is declared and how its typed options read as core's
 * command text; this class does the rest: asks core, draws the reply, answers Discord (deferring first when the
 * work may take longer than Discord's three seconds).
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

    /** The command as registered with Discord: usable in servers and in the bot's DMs. */
    public final SlashCommandData data() {
        SlashCommandData data = Commands.slash(name, description)
                .setContexts(InteractionContextType.GUILD, InteractionContextType.BOT_DM);
        declare(data);
        return data;
    }

    /** Adds the command's options or subcommands. */
    protected void declare(SlashCommandData data) {}

    /** The typed options as the text core reads after the command name. */
    protected abstract CommandText text(CommandInteractionPayload interaction);

    /** Whether core may take a while (reading everything the user has); such work is acknowledged first. */
    protected boolean mayBeSlow() {
        return false;
    }

    /** Where to read what a long reply had to leave out. */
    protected String pointer(CommandInteractionPayload interaction) {
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

    /**
     * A file the command was handed (an attachment option), fetched by the adapter; empty for commands that take
     * none. Such commands must be {@link #mayBeSlow()}: the fetch happens after Discord was answered.
     */
    protected Optional<Upload> upload(SlashCommandInteractionEvent event) {
        return Optional.empty();
    }

    /** Runs the command for one interaction and answers it. */
    public final void handle(SlashCommandInteractionEvent event, Rapport rapport, DiscordReplyRenderer renderer) {
        CommandText text = text(event);
        CommandRequest request = CommandRequest.of(Requesters.of(event.getUser()), name, text.text())
                .in(Channels.place(event))
                .withMentions(text.mentions())
                .withRights(() -> Channels.canManage(event));
        if (mayBeSlow()) {
            // Deferred privately, so a slow command must never answer to the whole channel.
            event.deferReply(true).queue();
            Reply reply;
            try {
                reply = upload(event)
                        .map(file -> rapport.upload(request, file))
                        .orElseGet(() -> rapport.handle(request));
            } catch (ImportCommand.FetchFailed e) {
                reply = Reply.error("I couldn't fetch that file from Discord. Try again in a moment.");
            }
            MessageCreateData message = renderer.render(reply, pointer(event));
            event.getHook()
                    .editOriginal(MessageEditData.fromCreateData(message))
                    .queue();
        } else {
            Reply reply = rapport.handle(request);
            event.reply(renderer.render(reply, pointer(event)))
                    .setEphemeral(reply.visibility() == Reply.Visibility.PRIVATE)
                    .queue();
        }
    }
}
