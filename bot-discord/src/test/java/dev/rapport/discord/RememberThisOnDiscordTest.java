package dev.rapport.discord;

import static dev.rapport.discord.TestBot.ANA;
import static dev.rapport.discord.TestBot.BEN;
import static dev.rapport.discord.TestBot.MARC;
import static dev.rapport.discord.TestBot.MESSAGE_ID;
import static dev.rapport.discord.TestBot.SELF;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.capture.Captures;
import dev.rapport.discord.TestBot.Person;
import dev.rapport.discord.TestBot.Where;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Remember this" on a message, through JDA's own parsing of Discord-shaped interactions: the modal core's capture
 * form becomes (prefilled, within Discord's limits, opened as the interaction's answer), its submission saved with
 * the message's link, and the messages it refuses; in a server, in a DM with Rapport, and in a private channel of a
 * personal install.
 */
class RememberThisOnDiscordTest {
    private static final String SERVER_LINK =
            "https://discord.com/channels/900000000000000001/910000000000000001/" + MESSAGE_ID;

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
    void onAMessageInAServerAModalOpensAtOncePrefilledWithTheAuthorAndTheText() {
        // WHEN Ana uses Remember this on Marc's message in a server channel
        DiscordTester.Sent answer = bot.rememberThis(ANA, Where.SERVER, MARC, "Moving to Lisbon in May, *finally*");

        // THEN the interaction is answered with the modal itself (its acknowledgement), nothing deferred
        assertThat(answer.callbackType()).isEqualTo(DiscordTester.CALLBACK_MODAL);
        assertThat(bot.discord.sent()).hasSize(1);
        DataObject modal = answer.body().getObject("data");
        assertThat(modal.getString("title")).isEqualTo("Remember this");
        assertThat(modal.getString("custom_id"))
                .isEqualTo("cap:" + MARC.id() + ":900000000000000001:910000000000000001:" + MESSAGE_ID)
                .hasSizeLessThanOrEqualTo(100);
        List<DataObject> labels = labels(modal);
        assertThat(labels)
                .hasSize(4)
                .allSatisfy(label -> assertThat(label.getString("label")).hasSizeLessThanOrEqualTo(45));
        // … who: the author, by the name the server shows
        assertThat(input(labels, "who").getString("value")).isEqualTo("Marc Kelly");
        // … the note: the message as written
        DataObject note = input(labels, "note");
        assertThat(note.getString("value")).isEqualTo("Moving to Lisbon in May, *finally*");
        assertThat(note.getInt("max_length")).isEqualTo(2000).isLessThanOrEqualTo(4000);
        // … ask next time: a checkbox, off; the follow-up: optional
        assertThat(input(labels, "ask").getInt("type")).isEqualTo(23);
        assertThat(input(labels, "followup").getBoolean("required")).isFalse();
        assertThat(labels)
                .allSatisfy(label -> assertThat(label.getObject("component").getInt("max_length", 0))
                        .isLessThanOrEqualTo(4000));
    }

    @Test
    void theSubmittedFormSavesTheNoteAboutTheAuthorWithTheMessagesLink() {
        // GIVEN the modal opened on Marc's message in a server
        bot.rememberThis(ANA, Where.SERVER, MARC, "Moving to Lisbon in May");
        String modalId = bot.discord.lastCallback().body().getObject("data").getString("custom_id");

        // WHEN Ana saves it as a question to ask next time, with a follow-up
        DiscordTester.Sent saved = bot.submitCapture(
                ANA, Where.SERVER, modalId, "Marc Kelly", "How did the move to Lisbon go?", true, "next friday");

        // THEN the answer itself acknowledges the form (saved before Discord is answered, never deferred first, so
        // a crash cannot leave it acknowledged and unsaved); only she sees that it was saved, with the link, as a
        // question, and the follow-up's date
        assertThat(bot.discord.lastCallback().callbackType()).isEqualTo(DiscordTester.CALLBACK_MESSAGE);
        assertThat(bot.discord.isPrivate(saved)).isTrue();
        assertThat(saved.embedText())
                .contains("New contact. Saved as a question to ask next time, with the link to the message")
                .contains("follow up on");
        // AND Marc's page shows the question and where it came from; the contact is linked to his account
        assertThat(bot.slash("contact", Map.of("who", "Marc Kelly")).embedText())
                .contains("Ask: How did the move to Lisbon go?")
                .contains(SERVER_LINK);
        assertThat(bot.storage.contacts().all(bot.rapport.user(ANA.requester()).id()))
                .singleElement()
                .satisfies(contact -> assertThat(contact.platformUserId()).contains(MARC.id()));
    }

    @Test
    void mentionsInTheMessageReadAsNamesAndNeverAsIds() {
        // WHEN Ana uses Remember this on a message of Marc's that mentions Ben and a role Rapport cannot see
        DiscordTester.Sent answer = bot.rememberThis(
                ANA, Where.SERVER_PERSONAL, MARC, "Ask <@" + BEN.id() + "> and <@&700000000000000001> about sailing");

        // THEN the note reads as Discord showed it, with no mention syntax left
        String note = input(labels(answer.body().getObject("data")), "note").getString("value");
        assertThat(note).isEqualTo("Ask @Ben and @role about sailing");
    }

    @Test
    void aSubmissionDiscordDeliversTwiceIsSavedOnce() {
        // GIVEN the modal opened on Marc's message
        bot.rememberThis(ANA, Where.SERVER, MARC, "Moving to Lisbon in May");
        String modalId = bot.discord.lastCallback().body().getObject("data").getString("custom_id");
        Map<String, String> identity = Map.of("interactionId", "1310000000000000777", "token", "capture-token");

        // WHEN the same submission (one interaction id) arrives twice
        bot.submitCapture(ANA, Where.SERVER, modalId, "Marc Kelly", "Moving to Lisbon", false, "", identity);
        bot.submitCapture(ANA, Where.SERVER, modalId, "Marc Kelly", "Moving to Lisbon", false, "", identity);

        // THEN Marc has one note
        long ana = bot.rapport.user(ANA.requester()).id();
        long marc = bot.storage.contacts().all(ana).get(0).id();
        assertThat(bot.storage.notes().forContact(ana, marc)).hasSize(1);
    }

    @Test
    void aLongMessageIsCutToTheNoteLimitWithAMarkInAPrivateChannelOfAPersonalInstall() {
        // WHEN Ana, with Rapport installed to her account, uses Remember this on a long message of Ben's in a DM
        String text = "word ".repeat(600).strip();
        DiscordTester.Sent answer = bot.rememberThis(ANA, Where.PRIVATE_CHANNEL, BEN, text);

        // THEN the note is cut to 2000 characters and says so, and the link is a DM's (@me)
        DataObject modal = answer.body().getObject("data");
        String note = input(labels(modal), "note").getString("value");
        assertThat(note).hasSizeLessThanOrEqualTo(2000).endsWith(Captures.CUT_MARK);
        assertThat(modal.getString("custom_id")).startsWith("cap:" + BEN.id() + ":@me:930000000000000001:");

        // WHEN she saves it
        DiscordTester.Sent saved =
                bot.submitCapture(ANA, Where.PRIVATE_CHANNEL, modal.getString("custom_id"), "Ben", note, false, "");

        // THEN it is kept with the DM's link
        assertThat(saved.embedText()).contains("Saved, with the link to the message");
        long ana = bot.rapport.user(ANA.requester()).id();
        long ben = bot.storage.contacts().all(ana).get(0).id();
        assertThat(bot.storage.notes().sources(ana, ben).values())
                .containsExactly("https://discord.com/channels/@me/930000000000000001/" + MESSAGE_ID);
    }

    @Test
    void inAServerRapportWasNeverAddedToAPersonalInstallFilesTheMessageWithThatServersLink() {
        // WHEN Ana uses Remember this, from her personal install, in a server Rapport is no member of
        DiscordTester.Sent answer = bot.rememberThis(ANA, Where.SERVER_PERSONAL, MARC, "Runs the Lisbon meetup");
        String modalId = answer.body().getObject("data").getString("custom_id");
        DiscordTester.Sent saved = bot.submitCapture(
                ANA, Where.SERVER_PERSONAL, modalId, "Marc Kelly", "Runs the Lisbon meetup", false, "");

        // THEN the form opened and the note was saved with the message's link in that server, seen by her alone
        assertThat(answer.callbackType()).isEqualTo(DiscordTester.CALLBACK_MODAL);
        assertThat(bot.discord.isPrivate(saved)).isTrue();
        assertThat(saved.embedText()).contains("with the link to the message");
        assertThat(bot.slash("contact", Map.of("who", "Marc Kelly")).embedText())
                .contains("https://discord.com/channels/900000000000000077/910000000000000077/" + MESSAGE_ID);
    }

    @Test
    void aMessageFromRapportItselfInItsDmGetsAFriendlyReasonAndNoForm() {
        DiscordTester.Sent answer = bot.rememberThis(ANA, Where.BOT_DM, SELF, "Your digest for today");

        assertThat(answer.callbackType()).isEqualTo(DiscordTester.CALLBACK_MESSAGE);
        assertThat(bot.discord.isPrivate(answer)).isTrue();
        assertThat(answer.embedText()).contains("That message is from me, Rapport");
        assertThat(bot.storage.contacts().all(bot.rapport.user(ANA.requester()).id()))
                .isEmpty();
    }

    @Test
    void undoUnderTheConfirmationTakesTheNoteBack() {
        // GIVEN a message filed about Marc
        bot.rememberThis(ANA, Where.SERVER, MARC, "Moving to Lisbon in May");
        String modalId = bot.discord.lastCallback().body().getObject("data").getString("custom_id");
        DiscordTester.Sent saved =
                bot.submitCapture(ANA, Where.SERVER, modalId, "Marc Kelly", "Moving to Lisbon in May", false, "");
        String undo = saved.customIds().stream()
                .filter(id -> id.startsWith("undo"))
                .findFirst()
                .orElseThrow();

        // WHEN Ana presses Undo under the confirmation
        bot.pressInServer(ANA, undo);

        // THEN the note is gone
        long ana = bot.rapport.user(ANA.requester()).id();
        assertThat(bot.storage.contacts().all(ana).stream()
                        .flatMap(contact -> bot.storage.notes().forContact(ana, contact.id()).stream()))
                .isEmpty();
    }

    @Test
    void aMessageFromADeletedAccountGetsAFriendlyReasonAndNoForm() {
        Person deleted = new Person("456226577798135808", "Deleted User", "Deleted User");

        DiscordTester.Sent answer = bot.rememberThis(ANA, Where.SERVER, deleted, "an old message");

        assertThat(answer.callbackType()).isEqualTo(DiscordTester.CALLBACK_MESSAGE);
        assertThat(bot.discord.isPrivate(answer)).isTrue();
        assertThat(answer.embedText()).contains("from an account that was deleted");
    }

    @Test
    void aBotsMessageGetsAFriendlyReasonAndNoForm() {
        Person bot2 = new Person("600000000000000001", "weatherbot", "Weather", true);

        DiscordTester.Sent answer = bot.rememberThis(ANA, Where.SERVER, bot2, "Sunny, 21°C");

        assertThat(answer.callbackType()).isEqualTo(DiscordTester.CALLBACK_MESSAGE);
        assertThat(bot.discord.isPrivate(answer)).isTrue();
        assertThat(answer.embedText()).contains("That message is from a bot or an app");
    }

    @Test
    void aRefusedFollowUpSavesNothingAndShowsWhatWasWritten() {
        // GIVEN the modal opened on Ben's message in a DM between Ana and Ben (a personal install)
        bot.rememberThis(ANA, Where.PRIVATE_CHANNEL, BEN, "Starts at Acme");
        String modalId = bot.discord.lastCallback().body().getObject("data").getString("custom_id");

        // WHEN she submits a follow-up Rapport cannot read
        DiscordTester.Sent refused = bot.submitCapture(
                ANA, Where.PRIVATE_CHANNEL, modalId, "Ben", "Starts at Acme in May", false, "someday maybe");

        // THEN only she sees why, with her note as she wrote it, and nothing was saved
        assertThat(bot.discord.isPrivate(refused)).isTrue();
        assertThat(refused.embedText()).contains("Starts at Acme in May").contains("someday maybe");
        assertThat(bot.storage.contacts().all(bot.rapport.user(ANA.requester()).id()))
                .isEmpty();
    }

    private static List<DataObject> labels(DataObject modal) {
        DataArray components = modal.getArray("components");
        List<DataObject> labels = new ArrayList<>();
        for (int i = 0; i < components.length(); i++) {
            labels.add(components.getObject(i));
        }
        return labels;
    }

    private static DataObject input(List<DataObject> labels, String customId) {
        return labels.stream()
                .map(label -> label.getObject("component"))
                .filter(component -> component.getString("custom_id").equals(customId))
                .findFirst()
                .orElseThrow();
    }
}
