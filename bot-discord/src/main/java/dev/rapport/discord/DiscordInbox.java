package dev.rapport.discord;

import dev.rapport.core.api.ChannelRights;
import dev.rapport.core.api.CommandRequest;
import dev.rapport.core.api.Upload;
import dev.rapport.core.inbox.InboxChannel;
import dev.rapport.core.reply.Prompt;
import dev.rapport.core.reply.Reply;
import dev.rapport.core.reply.Wording;
import dev.rapport.discord.command.Requesters;
import dev.rapport.discord.render.DiscordReplyRenderer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discord's side of the inbox: a stored interaction gets back the rights and the file its arrival told, and its
 * answer goes through the interaction's webhook with the token kept in its {@link DiscordReplyTo}: the deferred
 * placeholder is edited into the answer, or, when the answer is to be seen otherwise than the deferral was (an intro
 * post after a private deferral, an error after a public one), it is sent as a follow-up and the placeholder goes.
 */
final class DiscordInbox implements InboxChannel {
    /** How long Discord takes answers through an interaction's webhook. */
    static final Duration TOKEN_LIFETIME = Duration.ofMinutes(15);

    private static final Logger log = LoggerFactory.getLogger(DiscordInbox.class);
    private static final Duration ACK_WAIT = Duration.ofSeconds(5);
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final Supplier<Optional<JDA>> session;
    private final Acknowledgements acks;
    private final DiscordReplyRenderer renderer;
    private final DiscordFiles files;

    /**
     * @param session a connection that is logged in, waiting a little for one at start; empty when none came
     * @param files where attachments are fetched from
     */
    DiscordInbox(
            Supplier<Optional<JDA>> session, Acknowledgements acks, DiscordReplyRenderer renderer, DiscordFiles files) {
        this.session = session;
        this.acks = acks;
        this.renderer = renderer;
        this.files = files;
    }

    @Override
    public String platform() {
        return Requesters.PLATFORM;
    }

    @Override
    public CommandRequest complete(CommandRequest stored, String replyTo) {
        return stored.withRights(ChannelRights.of(DiscordReplyTo.decode(replyTo).canManage()));
    }

    @Override
    public Optional<Upload> upload(String replyTo) {
        return DiscordReplyTo.decode(replyTo).file().map(file -> new Upload(file.fileName(), files.fetch(file)));
    }

    @Override
    public boolean answer(String replyTo, Reply reply) {
        DiscordReplyTo to = DiscordReplyTo.decode(replyTo);
        Optional<JDA> jda = session.get();
        if (jda.isEmpty()) {
            log.warn("Not logged in to Discord: interaction {} is not answered", to.interactionId());
            return false;
        }
        if (jda.get().getSelfUser().getApplicationIdLong() != to.applicationId()) {
            log.warn("Interaction {} came to another Discord application; it is not answered", to.interactionId());
            return false;
        }
        acks.await(to.interactionId(), ACK_WAIT);
        MessageCreateData message = renderer.render(reply, to.pointer());
        boolean privately = reply.visibility() == Reply.Visibility.PRIVATE;
        InteractionHook hook = InteractionHook.from(jda.get(), to.token());
        try {
            if (privately == to.deferredPrivately()) {
                hook.editOriginal(MessageEditData.fromCreateData(message))
                        .timeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                        .complete();
            } else {
                // A deferral is seen as it was sent: the answer follows it, seen as core says, and the placeholder
                // goes.
                hook.setEphemeral(privately)
                        .sendMessage(message)
                        .timeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                        .complete();
                hook.deleteOriginal().queue(done -> {}, failed -> log.debug("A deferral placeholder stayed"));
            }
            return true;
        } catch (ErrorResponseException e) {
            log.warn(
                    "Discord refused the answer to interaction {} ({} {})",
                    to.interactionId(),
                    e.getErrorCode(),
                    e.getMeaning());
            return false;
        } catch (RuntimeException e) {
            // Only the type: a message may carry the webhook's route, and with it the token.
            log.warn(
                    "The answer to interaction {} could not be sent ({})",
                    to.interactionId(),
                    e.getClass().getSimpleName());
            return false;
        }
    }

    /**
     * Edits the deferred placeholder into how far the request has come; the answer then takes its place. Nothing is
     * shown where the answer will not edit the placeholder (it is seen otherwise than the deferral was).
     */
    @Override
    public boolean progress(String replyTo, Reply interim) {
        DiscordReplyTo to = DiscordReplyTo.decode(replyTo);
        Optional<JDA> jda = session.get();
        boolean privately = interim.visibility() == Reply.Visibility.PRIVATE;
        if (jda.isEmpty() || privately != to.deferredPrivately()) {
            return false;
        }
        acks.await(to.interactionId(), ACK_WAIT);
        try {
            InteractionHook.from(jda.get(), to.token())
                    .editOriginal(MessageEditData.fromCreateData(renderer.render(interim, to.pointer())))
                    .timeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .complete();
            return true;
        } catch (RuntimeException e) {
            // Only the type: a message may carry the webhook's route, and with it the token.
            log.warn(
                    "A progress line of interaction {} was not shown ({})",
                    to.interactionId(),
                    e.getClass().getSimpleName());
            return false;
        }
    }

    @Override
    public boolean prompt(String replyTo, String actionId, Prompt prompt) {
        // A form opens only as the immediate response to a click, which the deferral already was.
        return answer(replyTo, Reply.error(Wording.PRESS_AGAIN));
    }
}
