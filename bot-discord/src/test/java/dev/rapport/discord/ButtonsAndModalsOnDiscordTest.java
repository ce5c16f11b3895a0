package dev.rapport.discord;

import static dev.rapport.discord.TestBot.ANA;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Buttons act through core; a button that asks for text opens a modal whose submission acts with the text. */
class ButtonsAndModalsOnDiscordTest {
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

    @Test
    void addNoteOpensAModalAndItsSubmissionSavesTheNoteSeenInContact() {
        // GIVEN the /contact page of Marc with its Add note button
        bot.given(ANA, "remember", "Marc Kelly: met at the SYPE mixer");
        String addNote = bot.slash("contact", Map.of("who", "Marc Kelly")).customIds().stream()
                .filter(id -> id.startsWith("note:"))
                .findFirst()
                .orElseThrow();

        // WHEN Ana clicks it
        bot.deliver(bot.discord.button("button-click-in-dm.json", values(addNote)));

        // THEN a modal opens, its id the core action id, with one paragraph input of at most 2000 characters
        DiscordTester.Sent modal = bot.discord.lastCallback();
        assertThat(modal.callbackType()).isEqualTo(DiscordTester.CALLBACK_MODAL);
        DataObject data = modal.body().getObject("data");
        String actionId = addNote;
        assertThat(data.getString("custom_id")).isEqualTo(actionId);
        assertThat(data.getString("title")).isEqualTo("Note about Marc Kelly");
        DataObject label = data.getArray("components").getObject(0);
        assertThat(label.getString("label")).isEqualTo("What did you learn?");
        DataObject input = label.getObject("component");
        assertThat(input.getString("custom_id")).isEqualTo("input");
        assertThat(input.getInt("style")).isEqualTo(2);
        assertThat(input.getInt("max_length")).isEqualTo(2000);
        assertThat(input.getBoolean("required")).isTrue();

        // WHEN she submits it
        Map<String, String> submitted = values(actionId);
        submitted.put("value", "\"Starts at Acme in May #work\"");
        bot.deliver(bot.discord.modal("modal-submit-in-dm.json", submitted));

        // THEN core saved the note, and /contact shows it
        assertThat(bot.discord.lastMessage().embedText()).contains("You now know 2 things about Marc Kelly");
        assertThat(bot.slash("contact", Map.of("who", "Marc Kelly")).embedText())
                .contains("Starts at Acme in May #work");
    }

    @Test
    void aClickAfterARestartStillOpensAModal() {
        // GIVEN a button drawn by an earlier run, in the "?"-marked form buttons that asked for text once had
        bot.given(ANA, "remember", "Marc Kelly: met at the SYPE mixer");
        InteractionRouter fresh = bot.freshRouter();

        // WHEN it is clicked in a fresh process (nothing is remembered between processes but the database)
        bot.deliver(fresh, bot.discord.button("button-click-in-dm.json", values("?note:1")));

        // THEN core's own note modal opens for the same action
        DataObject data = bot.discord.lastCallback().body().getObject("data");
        assertThat(data.getString("custom_id")).isEqualTo("note:1");
        assertThat(data.getString("title")).isEqualTo("Note about Marc Kelly");
    }

    @Test
    void doneButtonLogsContactThroughCore() {
        bot.given(ANA, "remember", "Marc Kelly: met at the SYPE mixer");
        bot.given(ANA, "followup", "\"Marc Kelly\" today");
        String done = bot.slash("today", Map.of()).customIds().stream()
                .filter(id -> id.startsWith("done:"))
                .findFirst()
                .orElseThrow();

        bot.deliver(bot.discord.button("button-click-in-dm.json", values(done)));

        DiscordTester.Sent reply = bot.discord.lastMessage();
        assertThat(bot.discord.isPrivate(reply)).isTrue();
        assertThat(reply.embedText()).contains("Logged: you were in touch with Marc Kelly today.");
    }

    @Test
    void snoozeButtonMovesTheFollowUp() {
        bot.given(ANA, "remember", "Marc Kelly: met at the SYPE mixer");
        bot.given(ANA, "followup", "\"Marc Kelly\" today");
        String snooze = bot.slash("today", Map.of()).customIds().stream()
                .filter(id -> id.startsWith("snz:1w:"))
                .findFirst()
                .orElseThrow();

        bot.deliver(bot.discord.button("button-click-in-dm.json", values(snooze)));

        assertThat(bot.discord.lastMessage().embedText()).contains("Snoozed Marc Kelly until");
    }

    @Test
    void forgetConfirmationDeletesAndKeepKeeps() {
        bot.given(ANA, "remember", "Marc Kelly: met at the SYPE mixer");
        bot.given(ANA, "remember", "Marta Ruiz: climbing partner");
        String forgetMarc =
                bot.slash("forget", Map.of("who", "Marc Kelly")).customIds().get(0);
        String keepMarta =
                bot.slash("forget", Map.of("who", "Marta Ruiz")).customIds().get(1);

        bot.deliver(bot.discord.button("button-click-in-dm.json", values(forgetMarc)));
        assertThat(bot.discord.lastMessage().embedText()).contains("Forgot Marc Kelly and everything about them.");

        bot.deliver(bot.discord.button("button-click-in-dm.json", values(keepMarta)));
        assertThat(bot.discord.lastMessage().embedText()).contains("Kept Marta Ruiz. Nothing was deleted.");

        assertThat(bot.slash("contact", Map.of("who", "Marc Kelly")).embedText())
                .contains("You have no contact called “Marc Kelly” yet.");
    }

    @Test
    void anotherUsersButtonCannotTouchMyContacts() {
        bot.given(ANA, "remember", "Marc Kelly: met at the SYPE mixer");
        String forgetMarc =
                bot.slash("forget", Map.of("who", "Marc Kelly")).customIds().get(0);

        Map<String, String> asBen = TestBot.BEN.values();
        asBen.put("customId", forgetMarc);
        bot.deliver(bot.discord.button("button-click-in-dm.json", asBen));

        assertThat(bot.discord.lastMessage().embedText()).contains("Already gone: nothing to forget.");
        assertThat(bot.slash("contact", Map.of("who", "Marc Kelly")).embedText())
                .contains("Things known");
    }

    private static Map<String, String> values(String customId) {
        Map<String, String> values = ANA.values();
        values.put("customId", customId);
        return values;
    }
}
