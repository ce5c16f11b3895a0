package dev.rapport.slack;

import static dev.rapport.slack.SlackTestBed.ANA;
import static dev.rapport.slack.SlackTestBed.BEA;
import static dev.rapport.slack.SlackTestBed.CARL;
import static dev.rapport.slack.SlackTestBed.blocks;
import static dev.rapport.slack.SlackTestBed.nameOf;
import static dev.rapport.slack.SlackTestBed.visibleText;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.rapport.core.capture.Captures;
import dev.rapport.core.domain.Contact;
import dev.rapport.core.domain.FollowUp;
import dev.rapport.core.domain.UserKey;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Remember this" and "Remember someone" on Slack through Bolt's real request processing: signed message_action,
 * shortcut, block_suggestion and view_submission payloads in Slack's shapes, against the local fake Web API. The
 * message in the fixture is Bea's, in #general; Ana files it.
 */
class SlackCaptureTest {
    static final String PERMALINK = "https://rapport-test.slack.com/archives/C0GENERAL1/p1764061200000100";

    @TempDir
    Path dir;

    SlackTestBed bed;

    @BeforeEach
    void start() throws Exception {
        bed = SlackTestBed.start(dir);
    }

    @AfterEach
    void stop() throws Exception {
        bed.close();
    }

    /** Ana uses "Remember this" on a message; returns the acknowledgement. */
    HttpResponse<String> rememberThis(JsonObject payload, String responseUrl) {
        payload.addProperty("response_url", responseUrl);
        return bed.postPayload(payload);
    }

    static JsonObject message() {
        return Fixtures.json("slack/message_action.json");
    }

    /** Ana uses "Remember this" on Bea's message and gets the modal Slack was asked to open. */
    JsonObject openOnBeasMessage() {
        HttpResponse<String> ack = rememberThis(message(), bed.newResponseUrl());
        assertThat(ack.statusCode()).isEqualTo(200);
        return bed.slack.await("views.open").formJson("view").getAsJsonObject();
    }

    static JsonObject block(JsonObject view, String blockId) {
        for (JsonElement block : view.getAsJsonArray("blocks")) {
            if (blockId.equals(block.getAsJsonObject().get("block_id").getAsString())) {
                return block.getAsJsonObject();
            }
        }
        throw new AssertionError("No block " + blockId + " in " + view);
    }

    /** Ana submits the opened modal with these answers, as Slack sends them. */
    HttpResponse<String> submit(
            JsonObject opened, String user, String note, boolean ask, String followUp, String name) {
        JsonObject payload = Fixtures.json("slack/view_submission_capture.json");
        JsonObject view = payload.getAsJsonObject("view");
        view.addProperty("private_metadata", opened.get("private_metadata").getAsString());
        view.add("blocks", opened.getAsJsonArray("blocks"));
        view.getAsJsonObject("title")
                .addProperty("text", opened.getAsJsonObject("title").get("text").getAsString());
        JsonObject values = view.getAsJsonObject("state").getAsJsonObject("values");
        values.getAsJsonObject(CaptureModal.PERSON_BLOCK)
                .getAsJsonObject(CaptureModal.PERSON_INPUT)
                .add("selected_user", user == null ? JsonNull.INSTANCE : new com.google.gson.JsonPrimitive(user));
        values.getAsJsonObject(CaptureModal.NOTE_BLOCK)
                .getAsJsonObject(CaptureModal.NOTE_INPUT)
                .addProperty("value", note);
        if (ask) {
            JsonObject option = new JsonObject();
            JsonObject text = new JsonObject();
            text.addProperty("type", "plain_text");
            text.addProperty("text", "Ask next time (an open question)");
            option.add("text", text);
            option.addProperty("value", CaptureModal.ASK_VALUE);
            JsonArray selected = new JsonArray();
            selected.add(option);
            values.getAsJsonObject(CaptureModal.ASK_BLOCK)
                    .getAsJsonObject(CaptureModal.ASK_INPUT)
                    .add("selected_options", selected);
        }
        if (followUp != null) {
            values.getAsJsonObject(CaptureModal.FOLLOW_UP_BLOCK)
                    .getAsJsonObject(CaptureModal.FOLLOW_UP_INPUT)
                    .addProperty("value", followUp);
        }
        if (name != null) {
            JsonObject picked = new JsonObject();
            picked.addProperty("type", "external_select");
            JsonObject option = new JsonObject();
            JsonObject text = new JsonObject();
            text.addProperty("type", "plain_text");
            text.addProperty("text", name);
            option.add("text", text);
            option.addProperty("value", name);
            picked.add("selected_option", option);
            JsonObject nameBlock = new JsonObject();
            nameBlock.add(CaptureModal.NAME_INPUT, picked);
            values.add(CaptureModal.NAME_BLOCK, nameBlock);
        }
        HttpResponse<String> response = bed.postPayload(payload);
        // As posted, ids included, for a test that sends it again.
        lastSubmission = payload.toString();
        return response;
    }

    /** The last submission posted, as Slack sent it. */
    String lastSubmission;

    List<Contact> anasContacts() {
        return bed.storage
                .users()
                .find(new UserKey("slack", SlackTestBed.TEAM, ANA))
                .map(user -> bed.storage.contacts().all(user.id()))
                .orElse(List.of());
    }

    @Test
    void theAckComesFirstThenTheModalOpensWithTheShortcutsTriggerPrefilledFromTheMessage() {
        // GIVEN Slack's Web API that answers nothing yet
        Runnable release = bed.slack.hold("users.info");
        String responseUrl = bed.newResponseUrl();

        // WHEN Ana uses "Remember this" on Bea's message
        HttpResponse<String> ack = rememberThis(message(), responseUrl);

        // THEN Slack has its acknowledgement before any modal is asked for
        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(ack.body()).isEmpty();
        String trigger = bed.lastTrigger();
        assertThat(bed.slack.calls("views.open")).isEmpty();
        release.run();

        // AND then the modal opens with that trigger: Bea chosen, her text as the note, the checkbox, the date
        FakeSlackWebApi.Call open = bed.slack.await("views.open");
        assertThat(open.form().get("trigger_id")).isEqualTo(trigger);
        JsonObject view = open.formJson("view").getAsJsonObject();
        assertThat(view.get("callback_id").getAsString()).isEqualTo(CaptureModal.CALLBACK_ID);
        assertThat(view.getAsJsonObject("title").get("text").getAsString()).isEqualTo("Remember this");
        JsonObject person = block(view, CaptureModal.PERSON_BLOCK).getAsJsonObject("element");
        assertThat(person.get("type").getAsString()).isEqualTo("users_select");
        assertThat(person.get("initial_user").getAsString()).isEqualTo(BEA);
        JsonObject note = block(view, CaptureModal.NOTE_BLOCK).getAsJsonObject("element");
        // Slack's markup is undone: the entity is a character, the mention a name that pings no one.
        assertThat(note.get("initial_value").getAsString())
                .isEqualTo("Moving to Lisbon in May & looking for a climbing gym, @Ana Lima knows one");
        JsonObject ask = block(view, CaptureModal.ASK_BLOCK).getAsJsonObject("element");
        assertThat(ask.get("type").getAsString()).isEqualTo("checkboxes");
        assertThat(visibleText(ask.getAsJsonArray("options"))).contains("Ask next time");
        JsonObject followUp = block(view, CaptureModal.FOLLOW_UP_BLOCK);
        assertThat(followUp.get("optional").getAsBoolean()).isTrue();
        assertThat(view.get("private_metadata").getAsString()).contains(PERMALINK);
        assertThat(bed.slack.calls("chat.getPermalink")).singleElement().satisfies(call -> {
            assertThat(call.form()).containsEntry("channel", SlackTestBed.CHANNEL);
            assertThat(call.form()).containsEntry("message_ts", "1764061200.000100");
        });
        // Nothing is saved until Ana submits.
        assertThat(anasContacts()).isEmpty();
    }

    @Test
    void aBotsMessageGetsAFriendlyReasonOnlyForTheAskerAndNoModal() {
        String responseUrl = bed.newResponseUrl();

        HttpResponse<String> ack = rememberThis(Fixtures.json("slack/message_action_bot.json"), responseUrl);

        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(ack.body()).isEmpty();
        JsonObject answer = bed.slack.await(nameOf(responseUrl)).json();
        assertThat(answer.get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(visibleText(blocks(answer))).contains("bot", "Nothing was saved");
        assertThat(bed.slack.calls("views.open")).isEmpty();
        assertThat(anasContacts()).isEmpty();
    }

    @Test
    void rapportsOwnMessageIsRefused() {
        String responseUrl = bed.newResponseUrl();
        JsonObject payload = message();
        JsonObject own = payload.getAsJsonObject("message");
        // What Rapport posts: its bot user (auth.test's user_id) with its bot id.
        own.addProperty("user", "U0BOT00001");
        own.addProperty("bot_id", "B0BOT00001");
        own.addProperty("text", "Your digest for today");

        rememberThis(payload, responseUrl);

        assertThat(visibleText(blocks(bed.slack.await(nameOf(responseUrl)).json())))
                .contains("from me, Rapport", "Nothing was saved");
        assertThat(bed.slack.calls("views.open")).isEmpty();
    }

    @Test
    void aDeletedAuthorsMessageIsRefused() {
        bed.slack.deactivated(CARL, "carl");
        String responseUrl = bed.newResponseUrl();
        JsonObject payload = message();
        payload.getAsJsonObject("message").addProperty("user", CARL);

        rememberThis(payload, responseUrl);

        assertThat(visibleText(blocks(bed.slack.await(nameOf(responseUrl)).json())))
                .contains("deleted", "Nothing was saved");
        assertThat(bed.slack.calls("views.open")).isEmpty();
    }

    @Test
    void aLongMessageIsCutToTheNoteLimitWithAClearMark() {
        JsonObject payload = message();
        payload.getAsJsonObject("message").addProperty("text", "We talked about sailing. ".repeat(200) + "THE END");
        rememberThis(payload, bed.newResponseUrl());

        JsonObject view = bed.slack.await("views.open").formJson("view").getAsJsonObject();

        JsonObject note = block(view, CaptureModal.NOTE_BLOCK);
        String text = note.getAsJsonObject("element").get("initial_value").getAsString();
        assertThat(text.length()).isLessThanOrEqualTo(2000);
        assertThat(text).endsWith(Captures.CUT_MARK).doesNotContain("THE END");
        assertThat(visibleText(JsonParser.parseString("[" + note.getAsJsonObject("label") + "]")
                        .getAsJsonArray()))
                .contains("cut to 2000 characters");
    }

    @Test
    void askNextTimeSavesAnOpenQuestionAndContactShowsTheMessagesPermalink() {
        JsonObject opened = openOnBeasMessage();

        HttpResponse<String> submitted = submit(opened, BEA, "How was the move to Lisbon?", true, null, null);

        // THEN the modal turns into core's confirmation
        assertThat(submitted.statusCode()).isEqualTo(200);
        JsonObject answer = JsonParser.parseString(submitted.body()).getAsJsonObject();
        assertThat(answer.get("response_action").getAsString()).isEqualTo("update");
        assertThat(visibleText(answer.getAsJsonObject("view").getAsJsonArray("blocks")))
                .contains("New contact", "Saved as a question to ask next time", "Bea Santos");
        // AND the contact is Bea (linked to her user, named from users.info), the question open, the link kept
        assertThat(anasContacts()).singleElement().satisfies(contact -> {
            assertThat(contact.name()).isEqualTo("Bea Santos");
            assertThat(contact.platformUserId()).contains(BEA);
        });
        String page = visibleText(blocks(bed.answer("contact", "Bea Santos")));
        assertThat(page).contains("Ask: How was the move to Lisbon?", PERMALINK);
    }

    @Test
    void undoInTheConfirmationTakesTheNoteBackAndSaysSoInADirectMessage() {
        JsonObject opened = openOnBeasMessage();
        JsonObject confirmation = JsonParser.parseString(
                        submit(opened, BEA, "Moving to Lisbon in May", false, null, null)
                                .body())
                .getAsJsonObject()
                .getAsJsonObject("view");
        JsonObject undo = SlackTestBed.buttons(confirmation.getAsJsonArray("blocks")).stream()
                .filter(button -> SlackTestBed.label(button).equals("Undo"))
                .findFirst()
                .orElseThrow();

        // WHEN Ana presses Undo in the modal (a click from a view: no response_url)
        JsonObject click = Fixtures.json("slack/block_actions_home.json");
        click.getAsJsonObject("view").addProperty("type", "modal");
        JsonObject action = click.getAsJsonArray("actions").get(0).getAsJsonObject();
        action.addProperty("action_id", undo.get("action_id").getAsString());
        action.addProperty("value", undo.get("value").getAsString());
        HttpResponse<String> ack = bed.postPayload(click);

        // THEN the note is gone, and with it the contact it had created; the answer comes as a direct message
        assertThat(ack.statusCode()).isEqualTo(200);
        FakeSlackWebApi.Call dm = bed.slack.await("chat.postMessage");
        assertThat(dm.form().get("channel")).isEqualTo("D" + ANA.substring(1));
        assertThat(dm.form().get("text")).contains("Undone");
        assertThat(anasContacts()).isEmpty();
        assertThat(bed.store.rows("notes")).isZero();
        assertThat(bed.store.rows("note_sources")).isZero();
    }

    @Test
    void aSubmissionSentAgainIsNotSavedTwice() {
        JsonObject opened = openOnBeasMessage();
        HttpResponse<String> first = submit(opened, BEA, "Moving to Lisbon in May", false, null, null);
        assertThat(first.statusCode()).isEqualTo(200);

        // WHEN the very same signed submission arrives again (a replay)
        JsonObject replay = JsonParser.parseString(lastSubmission).getAsJsonObject();
        HttpResponse<String> again = bed.postExactly(replay);

        // THEN it says so and the note is there once
        JsonObject answer = JsonParser.parseString(again.body()).getAsJsonObject();
        assertThat(answer.get("response_action").getAsString()).isEqualTo("update");
        assertThat(visibleText(answer.getAsJsonObject("view").getAsJsonArray("blocks")))
                .contains("saved already");
        Contact bea = anasContacts().get(0);
        assertThat(bed.storage.notes().forContact(bea.ownerId(), bea.id())).hasSize(1);
    }

    @Test
    void aFollowUpDateIsSetAndANoteWithoutTheBoxIsANote() {
        JsonObject opened = openOnBeasMessage();

        HttpResponse<String> submitted = submit(opened, BEA, "Moving to Lisbon in May", false, "2026-12-01", null);

        assertThat(JsonParser.parseString(submitted.body())
                        .getAsJsonObject()
                        .get("response_action")
                        .getAsString())
                .isEqualTo("update");
        Contact bea = anasContacts().get(0);
        long owner = bea.ownerId();
        assertThat(bed.storage.followUps().open(owner, bea.id()))
                .map(FollowUp::dueOn)
                .contains(LocalDate.of(2026, 12, 1));
        assertThat(bed.storage.notes().forContact(owner, bea.id()))
                .singleElement()
                .satisfies(note -> assertThat(note.isOpenQuestion()).isFalse());
        assertThat(visibleText(blocks(bed.answer("contact", "Bea Santos"))))
                .contains("Moving to Lisbon in May — from " + PERMALINK);
    }

    @Test
    void anUnreadableDateIsShownBesideItsFieldAndNothingIsSaved() {
        JsonObject opened = openOnBeasMessage();

        HttpResponse<String> submitted = submit(opened, BEA, "Moving to Lisbon", false, "someday soon", null);

        JsonObject answer = JsonParser.parseString(submitted.body()).getAsJsonObject();
        assertThat(answer.get("response_action").getAsString()).isEqualTo("errors");
        assertThat(answer.getAsJsonObject("errors").keySet()).containsExactly(CaptureModal.FOLLOW_UP_BLOCK);
        assertThat(anasContacts()).isEmpty();
    }

    @Test
    void choosingABotInTheFormIsRefusedBesideThePerson() {
        bed.slack.bot("U0OTHERBOT", "deploybot");
        JsonObject opened = openOnBeasMessage();

        HttpResponse<String> submitted = submit(opened, "U0OTHERBOT", "Deploys often", false, null, null);

        JsonObject answer = JsonParser.parseString(submitted.body()).getAsJsonObject();
        assertThat(answer.get("response_action").getAsString()).isEqualTo("errors");
        assertThat(answer.getAsJsonObject("errors")
                        .get(CaptureModal.PERSON_BLOCK)
                        .getAsString())
                .contains("bot");
        assertThat(anasContacts()).isEmpty();
    }

    @Test
    void rememberSomeoneSuggestsOnlyTheAskersOwnContactsAndSavesUnderTheNameChosen() {
        // GIVEN Ana knows Marc Kelly; Bea keeps a contact of her own that Ana must never see
        bed.answer("remember", "Marc Kelly: met at the SYPE mixer");
        bed.answerAs(BEA, "bea", "remember", "Marcel Secret: Bea's private contact");

        // WHEN Ana uses "Remember someone"
        HttpResponse<String> ack = bed.postPayload(Fixtures.json("slack/shortcut.json"));
        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(ack.body()).isEmpty();
        FakeSlackWebApi.Call open = bed.slack.await("views.open");
        assertThat(open.form().get("trigger_id")).isEqualTo(bed.lastTrigger());
        JsonObject view = open.formJson("view").getAsJsonObject();
        assertThat(view.getAsJsonObject("title").get("text").getAsString()).isEqualTo("Remember someone");
        assertThat(block(view, CaptureModal.PERSON_BLOCK).get("optional").getAsBoolean())
                .isTrue();
        JsonObject name = block(view, CaptureModal.NAME_BLOCK).getAsJsonObject("element");
        assertThat(name.get("type").getAsString()).isEqualTo("external_select");

        // AND types "mar" in the name: Slack asks for options
        JsonObject suggestion = Fixtures.json("slack/block_suggestion.json");
        suggestion.addProperty("value", "mar");
        HttpResponse<String> options = bed.postExactly(suggestion);

        // THEN the options are her own contacts, then what she typed; never Bea's
        assertThat(options.statusCode()).isEqualTo(200);
        JsonArray offered =
                JsonParser.parseString(options.body()).getAsJsonObject().getAsJsonArray("options");
        List<String> values = offered.asList().stream()
                .map(o -> o.getAsJsonObject().get("value").getAsString())
                .toList();
        assertThat(values).containsExactly("Marc Kelly", "mar");
        assertThat(options.body()).doesNotContain("Marcel", "Secret");

        // WHEN she picks Marc Kelly and saves a note
        HttpResponse<String> submitted = submit(view, null, "Sails on weekends", false, null, "Marc Kelly");

        // THEN it is filed under the Marc Kelly she has, with no source (no message)
        JsonObject answer = JsonParser.parseString(submitted.body()).getAsJsonObject();
        assertThat(answer.get("response_action").getAsString()).isEqualTo("update");
        assertThat(anasContacts()).extracting(Contact::name).containsExactly("Marc Kelly");
        assertThat(visibleText(blocks(bed.answer("contact", "Marc Kelly")))).contains("Sails on weekends");
    }

    @Test
    void rememberSomeoneWithNeitherAPersonNorANameSaysWho() {
        bed.postPayload(Fixtures.json("slack/shortcut.json"));
        JsonObject view = bed.slack.await("views.open").formJson("view").getAsJsonObject();

        HttpResponse<String> submitted = submit(view, null, "Sails on weekends", false, null, null);

        JsonObject answer = JsonParser.parseString(submitted.body()).getAsJsonObject();
        assertThat(answer.getAsJsonObject("errors").keySet()).containsExactly(CaptureModal.PERSON_BLOCK);
        assertThat(Optional.of(anasContacts())).contains(List.of());
    }
}
