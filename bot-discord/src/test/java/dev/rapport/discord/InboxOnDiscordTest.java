package dev.rapport.discord;

import static dev.rapport.discord.TestBot.ANA;
import static dev.rapport.discord.TestBot.MEMBER_RIGHTS;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.rapport.core.domain.Contact;
import dev.rapport.core.inbox.InboxWorkers;
import dev.rapport.core.port.Inbox;
import dev.rapport.discord.render.DiscordReplyRenderer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Nothing Discord delivers is lost: every slash command, button press and modal submission is written to the inbox
 * (a real SQLite file) before it is deferred, runs once per interaction id in its user's order, and is answered
 * through the interaction's webhook on the fake Discord while its token lives; after that, its user is told.
 */
class InboxOnDiscordTest {
    static final String REMEMBER_MARC = "/remember Marc Kelly: met at the mixer";

    @TempDir
    Path folder;

    TestBot bot;

    @BeforeEach
    void start() {
        bot = new TestBot(folder);
    }

    @AfterEach
    void stop() {
        bot.close();
    }

    static Map<String, String> identity(String id) {
        return Map.of("interactionId", id, "token", "secret-token-" + id);
    }

    SlashCommandInteractionEvent rememberMarc(String id) {
        return bot.slashEvent(
                ANA,
                MEMBER_RIGHTS,
                "remember",
                List.of(),
                Map.of("who", "Marc Kelly", "note", "met at the mixer"),
                identity(id));
    }

    Optional<Inbox.Row> row(String id) {
        return bot.storage.inbox().find("discord:" + id);
    }

    List<String> contacts() {
        return bot.storage.contacts().all(bot.rapport.user(ANA.requester()).id()).stream()
                .map(Contact::name)
                .toList();
    }

    List<DiscordTester.Sent> webhookCalls(String id) {
        return bot.discord.sent().stream()
                .filter(DiscordTester.Sent::isWebhook)
                .filter(sent -> sent.token().equals("secret-token-" + id))
                .toList();
    }

    @Test
    void aCommandIsWrittenDownBeforeItIsDeferred() {
        // GIVEN a look at the inbox at the moment Discord receives each interaction callback
        List<Optional<Inbox.State>> atDeferral = Collections.synchronizedList(new ArrayList<>());
        bot.discord.whenSent(sent -> {
            if (sent.isInteractionCallback()) {
                atDeferral.add(row("1310000000000000901").map(Inbox.Row::state));
            }
        });

        // WHEN Ana's /remember arrives
        bot.router.onEvent(rememberMarc("1310000000000000901"));

        // THEN the command was in the inbox, not yet run, when it was deferred (privately), and nothing else was sent
        assertThat(atDeferral).containsExactly(Optional.of(Inbox.State.PENDING));
        DiscordTester.Sent deferral = bot.discord.lastCallback();
        assertThat(deferral.callbackType()).isEqualTo(DiscordTester.CALLBACK_DEFERRED_MESSAGE);
        assertThat(deferral.body().getObject("data").getInt("flags")).isEqualTo(DiscordTester.EPHEMERAL);
        assertThat(bot.discord.sent()).hasSize(1);
        assertThat(contacts()).isEmpty();
    }

    @Test
    void theAnswerArrivesByEditingTheDeferredReplyThroughTheWebhook() {
        // WHEN the command arrives and the inbox's workers run it
        bot.deliver(rememberMarc("1310000000000000902"));

        // THEN the deferred reply was edited through the interaction's webhook, with the application's id and token
        List<DiscordTester.Sent> calls = webhookCalls("1310000000000000902");
        assertThat(calls).singleElement().satisfies(edit -> {
            assertThat(edit.method()).isEqualTo("PATCH");
            assertThat(edit.route())
                    .startsWith("webhooks/" + DiscordTester.APPLICATION_ID + "/secret-token-1310000000000000902/")
                    .contains("/messages/%40original");
            assertThat(edit.embedText()).contains("New contact").contains("1 thing about Marc Kelly");
            assertThat(bot.discord.isPrivate(edit)).isTrue();
        });
        assertThat(row("1310000000000000902").orElseThrow().state()).isEqualTo(Inbox.State.ANSWERED);
        assertThat(contacts()).containsExactly("Marc Kelly");
    }

    @Test
    void theSameInteractionDeliveredTwiceRunsOnce() {
        // WHEN Discord delivers one interaction twice (a gateway replay), before and after it ran
        bot.deliver(rememberMarc("1310000000000000903"));
        bot.deliver(rememberMarc("1310000000000000903"));

        // THEN it was deferred once, ran once and was answered once
        assertThat(bot.discord.sent().stream().filter(DiscordTester.Sent::isInteractionCallback))
                .hasSize(1);
        assertThat(webhookCalls("1310000000000000903")).hasSize(1);
        assertThat(contacts()).containsExactly("Marc Kelly");
        assertThat(bot.given(ANA, "contact", "\"Marc Kelly\"").plainText()).contains("Things known: 1");
    }

    @Test
    void oneUsersTwoCommandsRunInTheOrderTheyCame() throws InterruptedException {
        // GIVEN /remember Marc Kelly and, right after, a /followup for "marc", both written down before any runs
        SlashCommandInteractionEvent followUp = bot.slashEvent(
                ANA,
                MEMBER_RIGHTS,
                "followup",
                List.of("add"),
                Map.of("who", "marc", "when", "tomorrow", "about", "the boat"),
                identity("1310000000000000905"));
        bot.router.onEvent(rememberMarc("1310000000000000904"));
        bot.router.onEvent(followUp);
        CountDownLatch answered = new CountDownLatch(2);
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        bot.discord.whenSent(sent -> {
            if (sent.isWebhook()) {
                order.add(sent.token());
                answered.countDown();
            }
        });

        // WHEN two workers take the inbox
        bot.inbox.start();
        assertThat(answered.await(30, TimeUnit.SECONDS)).isTrue();

        // THEN the follow-up ran after Marc Kelly existed, found him, and created nobody else
        assertThat(order).containsExactly("secret-token-1310000000000000904", "secret-token-1310000000000000905");
        assertThat(webhookCalls("1310000000000000905").get(0).embedText())
                .contains("I'll remind you to follow up with Marc Kelly");
        assertThat(contacts()).containsExactly("Marc Kelly");
    }

    @Test
    void aCommandLeftByACrashedRunIsAnsweredAfterTheRestartWhileItsTokenLives() {
        // GIVEN a command written down and deferred by a run that then died
        bot.router.onEvent(rememberMarc("1310000000000000906"));

        // WHEN a new run starts 14 minutes later, with nothing in memory but the database
        bot.clock.advance(Duration.ofMinutes(14));
        InboxWorkers restarted = bot.core
                .inbox(1)
                .channel(new DiscordInbox(
                        () -> Optional.of(bot.discord.jda),
                        new Acknowledgements(),
                        new DiscordReplyRenderer(),
                        new DiscordFiles(Optional.empty())));
        restarted.drain();

        // THEN the command ran and its deferred reply was edited
        assertThat(webhookCalls("1310000000000000906"))
                .singleElement()
                .satisfies(edit -> assertThat(edit.embedText()).contains("1 thing about Marc Kelly"));
        assertThat(contacts()).containsExactly("Marc Kelly");
    }

    @Test
    void aCommandOlderThanItsTokenIsNotAnsweredButItsUserIsToldWithTheirNextReply() {
        // GIVEN a command written down and deferred, then a 15-minute outage
        bot.router.onEvent(rememberMarc("1310000000000000907"));
        bot.clock.advance(Duration.ofMinutes(15));

        // WHEN the workers come to it
        bot.inbox.drain();

        // THEN it did not run and nothing went to its expired webhook
        assertThat(webhookCalls("1310000000000000907")).isEmpty();
        assertThat(row("1310000000000000907").orElseThrow().state()).isEqualTo(Inbox.State.EXPIRED);
        assertThat(contacts()).isEmpty();

        // WHEN Ana sends her next command
        DiscordTester.Sent next = bot.slash("circle", Map.of());

        // THEN that answer tells her, once, what was not finished
        assertThat(next.embedText()).contains("I could not finish “" + REMEMBER_MARC + "”");
        assertThat(bot.slash("circle", Map.of()).embedText()).doesNotContain("could not finish");
    }

    @Test
    void anAnswerDiscordRefusedIsNotRunAgainAndItsUserIsTold() {
        // GIVEN Discord refuses the edit of the deferred reply
        bot.discord.answer("PATCH webhooks/", 404, "error-unknown-webhook.json", Map.of());

        // WHEN the command runs
        bot.deliver(rememberMarc("1310000000000000908"));

        // THEN it ran once, and is not run again once its lease is over
        assertThat(row("1310000000000000908").orElseThrow().state()).isEqualTo(Inbox.State.RAN);
        bot.discord.answer("PATCH webhooks/", 200, "webhook-message.json", Map.of());
        bot.clock.advance(Duration.ofMinutes(3));
        bot.inbox.drain();
        assertThat(contacts()).containsExactly("Marc Kelly");

        // AND her next answer says it was done but its answer may not have reached her
        assertThat(bot.slash("circle", Map.of()).embedText())
                .contains("I did “" + REMEMBER_MARC + "”")
                .contains("its answer may not have reached you");
    }

    @Test
    void aPrivateAnswerToAnOpenDeferralIsAPrivateFollowUpAndThePlaceholderGoes() {
        // WHEN someone without Manage Channels turns rounds on: deferred in the open (the news is the channel's)
        bot.deliver(bot.slashEvent(
                ANA, MEMBER_RIGHTS, "intro", List.of("rounds", "on"), Map.of(), identity("1310000000000000909")));

        // THEN the refusal is a follow-up only they see, and the open placeholder is deleted
        List<DiscordTester.Sent> calls = webhookCalls("1310000000000000909");
        assertThat(calls).extracting(DiscordTester.Sent::method).containsExactly("POST", "DELETE");
        assertThat(bot.discord.isPrivate(calls.get(0))).isTrue();
        assertThat(calls.get(0).embedText()).contains("Only people who can manage this channel");
        assertThat(calls.get(1).route()).contains("/messages/%40original");
    }

    @Test
    void aButtonThatOpensAModalAnswersAtOnceAndTheSubmissionGoesThroughTheInbox() {
        bot.given(ANA, "remember", "Marc Kelly: met at the SYPE mixer");
        String addNote = bot.slash("contact", Map.of("who", "Marc Kelly")).customIds().stream()
                .filter(id -> id.startsWith("note:"))
                .findFirst()
                .orElseThrow();

        // WHEN Ana clicks Add note
        Map<String, String> click = ANA.values();
        click.put("customId", addNote);
        click.putAll(identity("1310000000000000910"));
        bot.router.onEvent(bot.discord.button("button-click-in-dm.json", click));

        // THEN the modal opened as the immediate response, and nothing was written down
        assertThat(bot.discord.lastCallback().callbackType()).isEqualTo(DiscordTester.CALLBACK_MODAL);
        assertThat(row("1310000000000000910")).isEmpty();

        // WHEN she submits it
        Map<String, String> submit = ANA.values();
        submit.put("customId", addNote);
        submit.put("value", TestBot.jsonString("Starts at Acme in May"));
        submit.putAll(identity("1310000000000000911"));
        bot.router.onEvent(bot.discord.modal("modal-submit-in-dm.json", submit));

        // THEN the submission was written down and deferred privately, and has not run yet
        assertThat(row("1310000000000000911").orElseThrow().state()).isEqualTo(Inbox.State.PENDING);
        assertThat(bot.discord.lastCallback().callbackType()).isEqualTo(DiscordTester.CALLBACK_DEFERRED_MESSAGE);
        assertThat(bot.given(ANA, "contact", "\"Marc Kelly\"").plainText()).doesNotContain("Starts at Acme");

        // WHEN the workers run it
        bot.inbox.drain();

        // THEN the note is saved and the deferred reply says so
        assertThat(webhookCalls("1310000000000000911"))
                .singleElement()
                .satisfies(edit -> assertThat(edit.embedText()).contains("You now know 2 things about Marc Kelly"));
        assertThat(row("1310000000000000911").orElseThrow().state()).isEqualTo(Inbox.State.ANSWERED);
    }

    @Test
    void autocompleteAnswersAtOnceAndIsNeverWrittenDown() {
        bot.given(ANA, "remember", "Marc Kelly: met at the SYPE mixer");
        Map<String, String> values = ANA.values();
        values.put("subcommand", "add");
        values.put("whoTyped", "ma");
        values.put("whoFocused", "true");
        values.put("whenTyped", "");
        values.put("whenFocused", "false");
        values.putAll(identity("1310000000000000912"));

        bot.router.onEvent(bot.discord.autocomplete("autocomplete-who.json", values));

        assertThat(bot.discord.lastCallback().callbackType()).isEqualTo(DiscordTester.CALLBACK_AUTOCOMPLETE);
        assertThat(row("1310000000000000912")).isEmpty();
        assertThat(bot.storage.inbox().pending()).isEmpty();
    }

    @Test
    void theInteractionTokenNeverAppearsInTheLogs() {
        // GIVEN every log line as the app lets them through: Rapport's own at every level, the libraries' from WARN
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger rapport = (Logger) LoggerFactory.getLogger("dev.rapport");
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        root.addAppender(logged);
        root.setLevel(Level.WARN);
        rapport.setLevel(Level.ALL);
        try {
            // WHEN commands are answered, refused by Discord, replayed, followed up, and left to expire
            bot.deliver(rememberMarc("1310000000000000913"));
            bot.deliver(bot.slashEvent(
                    ANA, MEMBER_RIGHTS, "intro", List.of("rounds", "on"), Map.of(), identity("1310000000000000915")));
            bot.discord.answer("PATCH webhooks/", 404, "error-unknown-webhook.json", Map.of());
            bot.deliver(rememberMarc("1310000000000000914"));
            bot.deliver(rememberMarc("1310000000000000914"));
            bot.discord.answer("PATCH webhooks/", 200, "webhook-message.json", Map.of());
            bot.router.onEvent(rememberMarc("1310000000000000916"));
            bot.clock.advance(Duration.ofMinutes(16));
            bot.inbox.drain();
            bot.slash("circle", Map.of());
        } finally {
            root.detachAppender(logged);
            rapport.setLevel(null);
        }

        // THEN lines were written (a refusal among them), and none holds a token, however it was logged
        assertThat(logged.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(line -> line.contains("Discord refused the answer to interaction 1310000000000000914"));
        for (ILoggingEvent event : logged.list) {
            String everything = event.getFormattedMessage()
                    + Arrays.toString(event.getArgumentArray())
                    + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()));
            assertThat(everything).doesNotContain("secret-token");
        }
        assertThat(DiscordReplyTo.decode(
                                row("1310000000000000913").orElseThrow().replyTo())
                        .toString())
                .doesNotContain("secret-token");
    }
}
