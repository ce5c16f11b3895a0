package dev.rapport.discord;

import dev.rapport.core.api.ActionRequest;
import dev.rapport.core.api.Capture;
import dev.rapport.core.api.CaptureOpening;
import dev.rapport.core.api.CaptureStart;
import dev.rapport.core.api.Captured;
import dev.rapport.core.api.CommandRequest;
import dev.rapport.core.api.Mentioned;
import dev.rapport.core.api.Place;
import dev.rapport.core.api.PlatformUser;
import dev.rapport.core.api.Rapport;
import dev.rapport.core.api.Requester;
import dev.rapport.core.command.MenuCommands;
import dev.rapport.core.command.OpenContactCommand;
import dev.rapport.core.inbox.InboxWorkers;
import dev.rapport.core.reply.Prompt;
import dev.rapport.core.reply.Reply;
import dev.rapport.core.reply.Section;
import dev.rapport.core.reply.TextFit;
import dev.rapport.core.reply.Wording;
import dev.rapport.discord.command.Attachment;
import dev.rapport.discord.command.Channels;
import dev.rapport.discord.command.Requesters;
import dev.rapport.discord.command.RoleMentions;
import dev.rapport.discord.command.SlashCommand;
import dev.rapport.discord.command.Suggestions;
import dev.rapport.discord.render.DiscordReplyRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.MessageContextInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.UserContextInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.modals.Modal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each Discord interaction to core. A slash command, a button press and a modal submission is written to the
 * inbox (keyed by the interaction's id, so a replay runs once) and only then deferred; the inbox's workers run it
 * and answer through the interaction's webhook ({@link DiscordInbox}). Two things answer at once instead: autocomplete
 * ({@link Suggestions}), which has no deferral, and a button that asks for text, whose modal must be the immediate
 * response (its submission goes through the inbox). Buttons and modals work alike in a server channel (an intro
 * post's Remember) and in a direct message (a digest, a round's "Did you meet?"). The menu commands: "Open contact"
 * on a person goes through the inbox as a command; "Remember this" on a message answers with core's capture form at
 * once, and its submission is deferred, then saved by core in one transaction, named by the interaction's id so that
 * a second delivery saves nothing.
 */
public final class InteractionRouter extends ListenerAdapter {
    static final String INPUT = "input";
    private static final Logger log = LoggerFactory.getLogger(InteractionRouter.class);
    private static final String OOPS = Wording.OOPS;
    private static final String BUTTON_POINTER = "— more: /contact";
    // The id of Discord's placeholder account for deleted users.
    private static final long DELETED_USER = 456226577798135808L;
    private static final String CONTACT_POINTER = "— everything, every note: /export";

    private final Rapport rapport;
    private final InboxWorkers inbox;
    private final Acknowledgements acks;
    private final Map<String, SlashCommand> commands;
    private final Suggestions suggestions;
    private final DiscordReplyRenderer renderer = new DiscordReplyRenderer();

    InteractionRouter(Rapport rapport, InboxWorkers inbox, Acknowledgements acks, List<SlashCommand> commands) {
        this.rapport = rapport;
        this.inbox = inbox;
        this.acks = acks;
        this.commands = commands.stream().collect(Collectors.toMap(SlashCommand::name, Function.identity()));
        this.suggestions = new Suggestions(rapport);
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        SlashCommand command = commands.get(event.getName());
        if (command == null) {
            // A command removed since Discord last heard the list.
            replyError(event, Wording.COMMAND_GONE);
            return;
        }
        // Only a server channel ever sees an answer: in a DM or a group DM every answer is the asker's alone.
        boolean privately = !event.isFromGuild() || !command.mayAnswerChannel(event);
        writeDownThenDefer(event, privately, "/" + event.getName(), () -> {
            CommandRequest request = command.request(event);
            DiscordReplyTo to = replyTo(
                    event, privately, command.pointer(event), Channels.canManage(event), command.attachment(event));
            return inbox.accept(event.getId(), request, to.encode(), DiscordInbox.TOKEN_LIFETIME);
        });
    }

    /** "Open contact" on a person: core finds their page by their account, else their name. */
    @Override
    public void onUserContextInteraction(UserContextInteractionEvent event) {
        if (!event.getName().equals(OpenContactCommand.LABEL)) {
            replyError(event, Wording.COMMAND_GONE);
            return;
        }
        User target = event.getTarget();
        Member member = event.getTargetMember();
        String name = member != null ? member.getEffectiveName() : target.getEffectiveName();
        CommandRequest request = OpenContactCommand.request(
                requester(event), place(event), target.getId(), new Mentioned(name, target.isBot()));
        writeDownThenDefer(event, true, OpenContactCommand.LABEL, () -> {
            DiscordReplyTo to = replyTo(event, true, CONTACT_POINTER, false, Optional.empty());
            return inbox.accept(event.getId(), request, to.encode(), DiscordInbox.TOKEN_LIFETIME);
        });
    }

    /**
     * "Remember this" on a message: core's capture form, prefilled with the author and the text, opens at once (the
     * modal is the interaction's answer, within Discord's three seconds; nothing is written yet). A message of a
     * bot, an app or Rapport itself gets core's friendly reason instead, seen by the asker alone.
     */
    @Override
    public void onMessageContextInteraction(MessageContextInteractionEvent event) {
        if (!event.getName().equals(MenuCommands.REMEMBER_THIS)) {
            replyError(event, Wording.COMMAND_GONE);
            return;
        }
        Message message = event.getTarget();
        User author = message.getAuthor();
        String name = message.getMember() != null ? message.getMember().getEffectiveName() : author.getEffectiveName();
        PlatformUser who = new PlatformUser(author.getId(), name, standing(event, message));
        String server = event.isFromGuild() && event.getGuild() != null
                ? event.getGuild().getId()
                : "@me";
        CaptureModal.Id id = new CaptureModal.Id(author.getId(), server, message.getChannelId(), message.getId());
        CaptureOpening opening;
        try {
            opening = rapport.openCapture(
                    requester(event), CaptureStart.message(who, text(message), Optional.of(id.jumpUrl())));
        } catch (RuntimeException e) {
            log.error("Opening the capture form failed", e);
            replyError(event, OOPS);
            return;
        }
        if (opening instanceof CaptureOpening.Open open) {
            event.replyModal(CaptureModal.of(open.form(), id, name)).queue();
        } else if (opening instanceof CaptureOpening.Refused refused) {
            event.reply(renderer.render(refused.reply(), "")).setEphemeral(true).queue();
        }
    }

    /**
     * A message's text as Discord shows it: people mentioned by the names Discord shows (JDA writes a user who is no
     * member by their username), a role Rapport cannot see as "@role".
     */
    private static String text(Message message) {
        String text = message.getContentDisplay();
        for (User user : message.getMentions().getUsers()) {
            if (!user.getName().equals(user.getEffectiveName())) {
                text = text.replace("@" + user.getName(), "@" + user.getEffectiveName());
            }
        }
        return RoleMentions.asText(text, id -> Optional.empty());
    }

    /** What the author of a message is, as core asks: Rapport itself, a bot or an app, a deleted account, a person. */
    private static PlatformUser.Standing standing(MessageContextInteractionEvent event, Message message) {
        User author = message.getAuthor();
        if (author.getIdLong() == event.getJDA().getSelfUser().getIdLong()) {
            return PlatformUser.Standing.RAPPORT;
        }
        if (author.isBot() || author.isSystem() || message.isWebhookMessage()) {
            return PlatformUser.Standing.BOT;
        }
        // Discord shows a deleted account as its "Deleted User" placeholder, named deleted_user_…
        if (author.getIdLong() == DELETED_USER || author.getName().startsWith("deleted_user_")) {
            return PlatformUser.Standing.DELETED;
        }
        return PlatformUser.Standing.PERSON;
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
        Optional<Prompt> prompt;
        try {
            prompt = rapport.promptFor(requester(event), actionId);
        } catch (RuntimeException e) {
            log.error("Looking up a button's form failed", e);
            replyError(event, OOPS);
            return;
        }
        if (prompt.isPresent()) {
            event.replyModal(modal(actionId, prompt.get())).queue();
            return;
        }
        act(event, new ActionRequest(requester(event), place(event), actionId, Optional.empty()));
    }

    @Override
    public void onModalInteraction(ModalInteractionEvent event) {
        if (CaptureModal.Id.isOne(event.getModalId())) {
            capture(event);
            return;
        }
        Optional<String> input = Optional.ofNullable(event.getValue(INPUT)).map(ModalMapping::getAsString);
        act(event, new ActionRequest(requester(event), place(event), actionId(event.getModalId()), input));
    }

    /**
     * A submitted capture form: saved by core as one transaction, then answered to the submitter alone (the answer
     * acknowledges it). A refusal changes nothing and shows the reason with what they wrote, which a closed modal
     * would otherwise lose.
     */
    private void capture(ModalInteractionEvent event) {
        Optional<CaptureModal.Id> id = CaptureModal.Id.parse(event.getModalId());
        if (id.isEmpty()) {
            replyError(event, Wording.CAPTURE_OUT_OF_DATE);
            return;
        }
        Capture submitted = CaptureModal.submitted(
                event.getId(),
                id.get(),
                Optional.ofNullable(event.getValue(CaptureModal.WHO)),
                Optional.ofNullable(event.getValue(CaptureModal.NOTE)),
                Optional.ofNullable(event.getValue(CaptureModal.ASK)),
                Optional.ofNullable(event.getValue(CaptureModal.FOLLOW_UP)));
        // Saved first, then answered: the answer is the acknowledgement (a save takes milliseconds, well inside
        // Discord's 3 seconds), so a crash can never leave a form acknowledged but not saved.
        Captured captured = rapport.capture(requester(event), place(event), submitted);
        Reply reply = captured.isSaved() ? captured.reply() : withWhatWasWritten(captured.reply(), submitted);
        event.reply(renderer.render(reply, BUTTON_POINTER))
                .setEphemeral(true)
                .queue(
                        done -> {},
                        failed -> log.warn(
                                "The answer to capture {} was not shown ({})",
                                event.getId(),
                                failed.getClass().getSimpleName()));
    }

    /** A refusal, followed by the note and follow-up as typed, so that nothing typed is lost. */
    private static Reply withWhatWasWritten(Reply refusal, Capture submitted) {
        List<Section> sections = new ArrayList<>(refusal.sections());
        if (!submitted.note().isBlank()) {
            sections.add(Section.of(submitted.note()));
        }
        submitted.followUp().ifPresent(phrase -> sections.add(Section.of(phrase)));
        return new Reply(sections, refusal.buttons(), Reply.Visibility.PRIVATE, Optional.empty(), true);
    }

    private void act(IReplyCallback event, ActionRequest request) {
        writeDownThenDefer(event, true, "a button", () -> {
            DiscordReplyTo to = replyTo(event, true, BUTTON_POINTER, false, Optional.empty());
            return inbox.accept(event.getId(), request, to.encode(), DiscordInbox.TOKEN_LIFETIME);
        });
    }

    /**
     * Writes the interaction down, then defers it; nothing is deferred when it could not be written (the user is
     * told at once) or was already written: a replayed interaction was deferred the first time.
     */
    private void writeDownThenDefer(IReplyCallback event, boolean privately, String what, BooleanSupplier writeDown) {
        boolean added;
        try {
            added = writeDown.getAsBoolean();
        } catch (RuntimeException e) {
            log.error("Writing {} down failed", what, e);
            replyError(event, OOPS);
            return;
        }
        if (!added) {
            log.info("Interaction {} arrived again; it runs once", event.getId());
            return;
        }
        String id = event.getId();
        CompletableFuture<?> deferral = event.deferReply(privately).submit();
        deferral.whenComplete((done, failed) -> {
            if (failed instanceof ErrorResponseException refused) {
                // The row still runs; its answer then fails too, and its user is told with their next reply.
                log.warn(
                        "Discord refused the deferral of interaction {} ({} {})",
                        id,
                        refused.getErrorCode(),
                        refused.getMeaning());
            } else if (failed != null) {
                log.warn(
                        "The deferral of interaction {} failed ({})",
                        id,
                        failed.getClass().getSimpleName());
            }
        });
        acks.sent(id, deferral);
    }

    private static DiscordReplyTo replyTo(
            IReplyCallback event, boolean privately, String pointer, boolean canManage, Optional<Attachment> file) {
        return new DiscordReplyTo(
                event.getId(),
                event.getJDA().getSelfUser().getApplicationIdLong(),
                event.getToken(),
                privately,
                pointer,
                canManage,
                file);
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
