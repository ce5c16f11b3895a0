package dev.rapport.discord;

import dev.rapport.core.api.ActionRequest;
import dev.rapport.core.api.Place;
import dev.rapport.core.api.Rapport;
import dev.rapport.core.api.Requester;
import dev.rapport.core.reply.Prompt;
import dev.rapport.core.reply.Reply;
import dev.rapport.core.reply.TextFit;
import dev.rapport.core.reply.Wording;
import dev.rapport.discord.command.Channels;
import dev.rapport.discord.command.Requesters;
import dev.rapport.discord.command.SlashCommand;
import dev.rapport.discord.command.Suggestions;
import dev.rapport.discord.render.DiscordReplyRenderer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.modals.Modal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each Discord interaction to core: slash commands to their {@link SlashCommand}, autocomplete to
 * {@link Suggestions}, buttons and modal submissions as core actions (a button that asks for text opens a modal).
 * Buttons and modals work alike in a server channel (an intro post's Remember) and in a direct message (a digest,
 * a round's "Did you meet?"), where Discord sends a user instead of a member.
 */
public final class InteractionRouter extends ListenerAdapter {
    static final String INPUT = "input";
    private static final Logger log = LoggerFactory.getLogger(InteractionRouter.class);
    private static final String OOPS = Wording.OOPS;
    private static final String BUTTON_POINTER = "— more: /contact";

    private final Rapport rapport;
    private final Map<String, SlashCommand> commands;
    private final DiscordReplyRenderer renderer;
    private final Suggestions suggestions;

    public InteractionRouter(Rapport rapport, List<SlashCommand> commands) {
        this.rapport = rapport;
        this.commands = commands.stream().collect(Collectors.toMap(SlashCommand::name, Function.identity()));
        this.renderer = new DiscordReplyRenderer();
        this.suggestions = new Suggestions(rapport);
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        SlashCommand command = commands.get(event.getName());
        if (command == null) {
            // A command removed since Discord last heard the list.
            replyError(event, "That command is gone. Try /help.");
            return;
        }
        try {
            command.handle(event, rapport, renderer);
        } catch (RuntimeException e) {
            log.error("Answering /{} failed", event.getName(), e);
            replyError(event, OOPS);
        }
    }

    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
        SlashCommand command = commands.get(event.getName());
        List<String> names = command == null
                ? List.of()
                : command.suggest(
                        Optional.ofNullable(event.getSubcommandName()),
                        event.getFocusedOption().getName(),
                        event.getFocusedOption().getValue(),
                        Requesters.of(event.getUser()),
                        suggestions);
        List<Command.Choice> choices = names.stream()
                .limit(OptionData.MAX_CHOICES)
                .map(name -> TextFit.cut(name, OptionData.MAX_CHOICE_VALUE_LENGTH, ""))
                .map(name -> new Command.Choice(name, name))
                .toList();
        event.replyChoices(choices).queue();
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        String actionId = actionId(event.getComponentId());
        Optional<Prompt> prompt = rapport.promptFor(requester(event), actionId);
        if (prompt.isPresent()) {
            event.replyModal(modal(actionId, prompt.get())).queue();
            return;
        }
        act(event, new ActionRequest(requester(event), place(event), actionId, Optional.empty()));
    }

    @Override
    public void onModalInteraction(ModalInteractionEvent event) {
        Optional<String> input = Optional.ofNullable(event.getValue(INPUT)).map(ModalMapping::getAsString);
        act(event, new ActionRequest(requester(event), place(event), actionId(event.getModalId()), input));
    }

    private void act(IReplyCallback event, ActionRequest request) {
        try {
            Reply reply = rapport.act(request);
            event.reply(renderer.render(reply, BUTTON_POINTER))
                    .setEphemeral(reply.visibility() == Reply.Visibility.PRIVATE)
                    .queue();
        } catch (RuntimeException e) {
            log.error("Answering a button failed", e);
            replyError(event, OOPS);
        }
    }

    /** A modal with one paragraph input; its id is the core action id, so the submission acts like the button. */
    static Modal modal(String actionId, Prompt prompt) {
        TextInput.Builder input = TextInput.create(INPUT, TextInputStyle.PARAGRAPH)
                .setRequired(!prompt.optional())
                .setMaxLength(Math.min(prompt.maxLength(), TextInput.MAX_VALUE_LENGTH));
        if (!prompt.placeholder().isBlank()) {
            input.setPlaceholder(TextFit.cut(prompt.placeholder(), TextInput.MAX_PLACEHOLDER_LENGTH, ""));
        }
        return Modal.create(actionId, TextFit.cut(prompt.title(), Modal.MAX_TITLE_LENGTH, ""))
                .addComponents(Label.of(TextFit.cut(prompt.label(), Label.LABEL_MAX_LENGTH, ""), input.build()))
                .build();
    }

    private static Requester requester(IReplyCallback event) {
        return Requesters.of(event.getUser());
    }

    private static Place place(IReplyCallback event) {
        return Channels.place(event);
    }

    /** Core's action id; buttons drawn before prompts were core's answer carried a "?" in front. */
    private static String actionId(String customId) {
        return customId.startsWith("?") ? customId.substring(1) : customId;
    }

    private static void replyError(IReplyCallback event, String message) {
        if (event.isAcknowledged()) {
            event.getHook().sendMessage(message).setEphemeral(true).queue();
        } else {
            event.reply(message).setEphemeral(true).queue();
        }
    }
}
