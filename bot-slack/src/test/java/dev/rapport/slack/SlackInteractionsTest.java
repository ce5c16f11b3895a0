package dev.rapport.slack;

import static dev.rapport.slack.SlackTestBed.blocks;
import static dev.rapport.slack.SlackTestBed.button;
import static dev.rapport.slack.SlackTestBed.buttons;
import static dev.rapport.slack.SlackTestBed.label;
import static dev.rapport.slack.SlackTestBed.visibleText;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlackInteractionsTest {
    @TempDir
    Path dir;

    SlackTestBed bed;

    @BeforeEach
    void start() throws Exception {
        bed = SlackTestBed.start(dir);
        bed.answer("remember", "Marc Kelly: met at the SYPE mixer");
    }

    @AfterEach
    void stop() throws Exception {
        bed.close();
    }

    @Test
    void addNoteOpensAModalWhoseSubmissionSavesTheNote() {
        // GIVEN Marc's page with its "Add note" button
        JsonObject page = bed.answer("contact", "marc");
        String responseUrl = bed.newResponseUrl();

        // WHEN Ana presses it
        HttpResponse<String> ack = bed.click(button(page, "Add note"), responseUrl);

        // THEN a modal with one text input opens for the click's trigger
        assertThat(ack.statusCode()).isEqualTo(200);
        FakeSlackWebApi.Call open = bed.slack.await("views.open");
        assertThat(open.form().get("trigger_id")).isEqualTo(bed.lastTrigger());
        JsonObject view = open.formJson("view").getAsJsonObject();
        assertThat(view.get("type").getAsString()).isEqualTo("modal");
        assertThat(view.get("callback_id").getAsString()).isEqualTo(PromptModal.CALLBACK_ID);
        assertThat(view.getAsJsonObject("title").get("text").getAsString()).hasSizeLessThanOrEqualTo(24);
        JsonObject input = view.getAsJsonArray("blocks").get(0).getAsJsonObject();
        assertThat(input.get("type").getAsString()).isEqualTo("input");
        assertThat(input.getAsJsonObject("label").get("text").getAsString()).isEqualTo("What did you learn?");
        assertThat(input.getAsJsonObject("element").get("max_length").getAsInt())
                .isEqualTo(2000);

        // WHEN she types a note and submits
        HttpResponse<String> closed =
                bed.submitModal(view.get("private_metadata").getAsString(), "Starts at Figma in January #work");

        // THEN the modal closes at once, the answer arrives where the button was, and the note is saved
        assertThat(closed.statusCode()).isEqualTo(200);
        assertThat(closed.body()).isEmpty();
        JsonObject saved = bed.slack.await(SlackTestBed.nameOf(responseUrl)).json();
        assertThat(visibleText(blocks(saved))).contains("You now know 2 things about Marc Kelly");
        assertThat(visibleText(blocks(bed.answer("contact", "marc")))).contains("Starts at Figma in January");
    }

    @Test
    void forgetAsksFirstAndKeepDeletesNothing() {
        // GIVEN the /forget confirmation
        JsonObject confirm = bed.answer("forget", "marc");
        assertThat(buttons(blocks(confirm)))
                .extracting(SlackTestBed::label)
                .containsExactly("Forget Marc Kelly", "Keep");
        assertThat(button(confirm, "Forget Marc Kelly").get("style").getAsString())
                .isEqualTo("danger");

        // WHEN Ana presses Keep
        JsonObject kept = bed.clickAndAnswer(button(confirm, "Keep"));

        // THEN Marc is still there
        assertThat(visibleText(blocks(kept))).contains("Kept Marc Kelly");
        assertThat(visibleText(blocks(bed.answer("contact", "marc")))).contains("met at the SYPE mixer");
    }

    @Test
    void forgetConfirmedDeletesTheContact() {
        // GIVEN the /forget confirmation
        JsonObject confirm = bed.answer("forget", "marc");

        // WHEN Ana confirms
        JsonObject forgot = bed.clickAndAnswer(button(confirm, "Forget Marc Kelly"));

        // THEN Marc and his notes are gone
        assertThat(visibleText(blocks(forgot))).contains("Forgot Marc Kelly");
        assertThat(visibleText(blocks(bed.answer("contact", "marc")))).contains("no contact called");
    }

    @Test
    void todaysDigestButtonsSnoozeAndMarkDone() {
        // GIVEN a follow-up due today, shown by /today with Done, Snooze and Add note
        bed.answer("followup", "marc today");
        JsonObject today = bed.answer("today", "");
        assertThat(buttons(blocks(today)))
                .extracting(SlackTestBed::label)
                .containsExactly("Done", "Snooze 1 day", "Snooze 1 week", "Add note");
        assertThat(buttons(blocks(today)))
                .extracting(b -> b.get("action_id").getAsString())
                .doesNotHaveDuplicates();

        // WHEN Ana snoozes it a day
        JsonObject snoozed = bed.clickAndAnswer(button(today, "Snooze 1 day"));

        // THEN it moves to tomorrow and today is calm
        assertThat(visibleText(blocks(snoozed))).contains("Marc Kelly");
        assertThat(visibleText(blocks(bed.answer("today", "")))).contains("Nothing due today");

        // AND Done on the old digest logs the contact
        JsonObject done = bed.clickAndAnswer(button(today, "Done"));
        assertThat(visibleText(blocks(done))).contains("Marc Kelly");
        assertThat(done.get("response_type").getAsString()).isEqualTo("ephemeral");
    }

    @Test
    void aButtonOnTheHomeTabRepublishesHomeWithTheOutcomeOnTop() {
        // GIVEN a button Ana could see on her Home tab
        JsonObject saved = bed.answer("remember", "marc loves sailing");

        // WHEN she presses it there (home clicks carry no response_url)
        HttpResponse<String> ack = bed.clickOnHome(button(saved, "Every month"));

        // THEN Home is published again, the outcome first
        assertThat(ack.statusCode()).isEqualTo(200);
        FakeSlackWebApi.Call publish = bed.slack.await("views.publish");
        assertThat(publish.form().get("user_id")).isEqualTo(SlackTestBed.ANA);
        JsonObject view = publish.formJson("view").getAsJsonObject();
        String first = visibleText(view.getAsJsonArray("blocks"));
        assertThat(first).startsWith("Marc Kelly").contains("Keeping in touch with Marc Kelly every month");
    }

    @Test
    void anUnknownButtonIsAnsweredNotIgnored() {
        // GIVEN a button from an older version of Rapport
        JsonObject stale = JsonParser.parseString(
                        "{\"action_id\":\"rapport.0.zap:1\",\"value\":\"zap:1\",\"text\":{\"type\":\"plain_text\",\"text\":\"Zap\"}}")
                .getAsJsonObject();

        // WHEN it is pressed
        JsonObject answer = bed.clickAndAnswer(stale);

        // THEN the user hears why nothing happened
        assertThat(visibleText(blocks(answer))).contains("That button is out of date");
        assertThat(label(stale)).isEqualTo("Zap");
    }
}
