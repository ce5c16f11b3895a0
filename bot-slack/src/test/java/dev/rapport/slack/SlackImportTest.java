package dev.rapport.slack;

import static dev.rapport.slack.SlackTestBed.blocks;
import static dev.rapport.slack.SlackTestBed.button;
import static dev.rapport.slack.SlackTestBed.buttons;
import static dev.rapport.slack.SlackTestBed.nameOf;
import static dev.rapport.slack.SlackTestBed.visibleText;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.rapport.core.exchange.ContactFile;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * /import on Slack through Bolt's real request processing: the command opens a modal with a file input, the chosen
 * file is fetched from Slack with the bot token when the inbox runs the submission, and core's preview arrives where
 * /import was typed.
 */
class SlackImportTest {
    private static final byte[] VCARD = Fixtures.text("files/contacts.vcf").getBytes(StandardCharsets.UTF_8);

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

    /** Types /import in the channel and returns the modal Slack was asked to open. */
    private JsonObject openImportModal(SlackTestBed on, String responseUrl) {
        HttpResponse<String> ack = on.command("import", "", responseUrl);
        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(ack.body()).isEmpty();
        return on.slack.await("views.open").formJson("view").getAsJsonObject();
    }

    private static String metadata(JsonObject view) {
        return view.get("private_metadata").getAsString();
    }

    @Test
    void importOpensAModalWithAFileInputThatStatesTheLimit() {
        // GIVEN Ana in a channel
        String responseUrl = bed.newResponseUrl();

        // WHEN she types /import with nothing after it
        JsonObject view = openImportModal(bed, responseUrl);

        // THEN a modal opens for the command's own trigger, with core's hint (the size limit) above one file input
        FakeSlackWebApi.Call open = bed.slack.await("views.open");
        assertThat(open.form().get("trigger_id")).isEqualTo(bed.lastTrigger());
        assertThat(view.get("type").getAsString()).isEqualTo("modal");
        assertThat(view.get("callback_id").getAsString()).isEqualTo(FileModal.CALLBACK_ID);
        assertThat(view.getAsJsonObject("title").get("text").getAsString()).isEqualTo("Import contacts");
        assertThat(view.getAsJsonObject("submit").get("text").getAsString()).isEqualTo("Preview");
        JsonArray modalBlocks = view.getAsJsonArray("blocks");
        assertThat(visibleText(modalBlocks)).contains("up to " + ContactFile.SIZE_LIMIT, "vCard", "CSV");
        JsonObject input = modalBlocks.get(1).getAsJsonObject();
        assertThat(input.get("type").getAsString()).isEqualTo("input");
        assertThat(input.get("block_id").getAsString()).isEqualTo(FileModal.BLOCK_ID);
        JsonObject element = input.getAsJsonObject("element");
        assertThat(element.get("type").getAsString()).isEqualTo("file_input");
        assertThat(element.get("action_id").getAsString()).isEqualTo(FileModal.INPUT_ID);
        assertThat(element.getAsJsonArray("filetypes").toString()).isEqualTo("[\"vcf\",\"csv\"]");
        assertThat(element.get("max_files").getAsInt()).isEqualTo(1);

        // AND nothing was answered in the channel instead
        assertThat(bed.slack.calls(nameOf(responseUrl))).isEmpty();
    }

    @Test
    void aChosenFileIsFetchedWithTheBotTokenAndItsPreviewConfirmsTheImport() {
        // GIVEN the modal, and a vCard Ana uploaded into it, which Slack serves only to the bot token
        String responseUrl = bed.newResponseUrl();
        JsonObject view = openImportModal(bed, responseUrl);
        String url = bed.slack.privateFile("F0VCARD001", "contacts.vcf", VCARD, "text/vcard", SlackTestBed.BOT_TOKEN);

        // WHEN she submits it
        HttpResponse<String> closed = bed.submitFile(metadata(view), "contacts.vcf", url, VCARD.length);

        // THEN the modal closes at once, the file is fetched with the bot token, and the preview arrives privately
        // where /import was typed, with its confirmation
        assertThat(closed.statusCode()).isEqualTo(200);
        assertThat(closed.body()).isEmpty();
        JsonObject preview = bed.slack.await(nameOf(responseUrl)).json();
        FakeSlackWebApi.Call fetched = bed.slack.await("files-pri/T0RAPPORT1-F0VCARD001/download/contacts.vcf");
        assertThat(fetched.headers().get("authorization")).isEqualTo("Bearer " + SlackTestBed.BOT_TOKEN);
        assertThat(preview.get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(visibleText(blocks(preview)))
                .contains("Import preview — contacts.vcf (vCard)")
                .contains("2 people new, 0 already in your list, 0 skipped.");
        assertThat(buttons(blocks(preview)))
                .extracting(SlackTestBed::label)
                .containsExactly("Import 2 people", "Cancel");

        // AND nothing is in her list until she confirms; then both are
        assertThat(visibleText(blocks(bed.answer("circle", "")))).doesNotContain("Ngozi Okafor");
        JsonObject done = bed.clickAndAnswer(button(preview, "Import 2 people"));
        assertThat(visibleText(blocks(done))).contains("Imported 2 people from contacts.vcf");
        assertThat(visibleText(blocks(bed.answer("circle", ""))))
                .contains("Dr. Ngozi Okafor")
                .contains("Jürgen Müller");
    }

    @Test
    void aLargeImportTurnsItsPreviewIntoAProgressLineThenAnswersWithTheResult() {
        // GIVEN the preview of a file of 1,200 people
        String responseUrl = bed.newResponseUrl();
        JsonObject view = openImportModal(bed, responseUrl);
        byte[] cards = dev.rapport.core.exchange.Fixtures.cards(1_200);
        String url = bed.slack.privateFile("F0LARGE001", "phone.vcf", cards, "text/vcard", SlackTestBed.BOT_TOKEN);
        bed.submitFile(metadata(view), "phone.vcf", url, cards.length);
        JsonObject preview = bed.slack.await(nameOf(responseUrl)).json();

        // WHEN Ana confirms it
        String pressed = bed.newResponseUrl();
        bed.click(button(preview, "Import 1200 people"), pressed);

        // THEN the preview (and its buttons) is replaced by where the import is, step by step, privately, and the
        // result follows as its own message: five posts, what one response_url takes
        JsonObject result = bed.slack.await(nameOf(pressed), 5).json();
        List<JsonObject> posts = bed.slack.calls(nameOf(pressed)).stream()
                .map(FakeSlackWebApi.Call::json)
                .toList();
        assertThat(posts).hasSize(5);
        assertThat(posts.subList(0, 4))
                .extracting(post -> visibleText(blocks(post)))
                .containsExactly(
                        "Importing 1200 people from phone.vcf…",
                        "Importing 1200 people from phone.vcf… 300 of 1200 done.",
                        "Importing 1200 people from phone.vcf… 600 of 1200 done.",
                        "Importing 1200 people from phone.vcf… 900 of 1200 done.");
        assertThat(posts.subList(0, 4)).allSatisfy(post -> {
            assertThat(post.get("replace_original").getAsBoolean()).isTrue();
            assertThat(post.get("response_type").getAsString()).isEqualTo("ephemeral");
            assertThat(buttons(blocks(post))).isEmpty();
        });
        assertThat(result.get("replace_original").getAsBoolean()).isFalse();
        assertThat(visibleText(blocks(result))).contains("Imported 1200 people from phone.vcf");
        assertThat(visibleText(blocks(bed.answer("circle", "")))).contains("1200 people");
    }

    @Test
    void aFileSlackSaysIsOverTheLimitIsRefusedUnreadAndNothingIsWritten() {
        // GIVEN a file Slack says is 6 MB
        String responseUrl = bed.newResponseUrl();
        JsonObject view = openImportModal(bed, responseUrl);
        String url = bed.slack.privateFile("F0BIG00001", "everyone.vcf", VCARD, "text/vcard", SlackTestBed.BOT_TOKEN);

        // WHEN Ana submits it
        bed.submitFile(metadata(view), "everyone.vcf", url, 6L * 1024 * 1024);

        // THEN she is told why, the file is never fetched, and nothing waits for a confirmation
        JsonObject refused = bed.slack.await(nameOf(responseUrl)).json();
        assertThat(visibleText(blocks(refused)))
                .contains("everyone.vcf: That file is more than " + ContactFile.SIZE_LIMIT);
        assertThat(buttons(blocks(refused))).isEmpty();
        assertThat(bed.slack.calls("files-pri/T0RAPPORT1-F0BIG00001/download/everyone.vcf"))
                .isEmpty();
        assertThat(bed.answer("circle", "").toString()).doesNotContain("Ngozi");
    }

    @Test
    void aFileBiggerThanSlackSaidIsRefusedOnceTheReadPassesTheLimit() {
        // GIVEN a file whose told size is small but which is longer than the limit
        String responseUrl = bed.newResponseUrl();
        JsonObject view = openImportModal(bed, responseUrl);
        byte[] huge = ("BEGIN:VCARD\nVERSION:3.0\nFN:Someone\nEND:VCARD\n")
                .repeat(ContactFile.MAX_BYTES / 40)
                .getBytes(StandardCharsets.UTF_8);
        assertThat(huge.length).isGreaterThan(ContactFile.MAX_BYTES);
        String url = bed.slack.privateFile("F0BIG00002", "liar.vcf", huge, "text/vcard", SlackTestBed.BOT_TOKEN);

        // WHEN Ana submits it
        bed.submitFile(metadata(view), "liar.vcf", url, 1_000);

        // THEN reading stops past the limit, she is told why, and nothing is written
        JsonObject refused = bed.slack.await(nameOf(responseUrl)).json();
        assertThat(visibleText(blocks(refused))).contains("liar.vcf: That file is more than " + ContactFile.SIZE_LIMIT);
        assertThat(buttons(blocks(refused))).isEmpty();
        assertThat(bed.answer("circle", "").toString()).doesNotContain("Someone");
    }

    @Test
    void aFileOffSlacksFileHostIsRefusedWithoutSendingTheToken() throws Exception {
        // GIVEN a submission whose file URL points at some other server
        try (FakeSlackWebApi elsewhere = FakeSlackWebApi.start()) {
            String responseUrl = bed.newResponseUrl();
            JsonObject view = openImportModal(bed, responseUrl);
            String url =
                    elsewhere.privateFile("F0VCARD001", "contacts.vcf", VCARD, "text/vcard", SlackTestBed.BOT_TOKEN);

            // WHEN it is submitted
            bed.submitFile(metadata(view), "contacts.vcf", url, VCARD.length);

            // THEN Ana hears it could not be fetched, that server was never asked, and nothing is written
            JsonObject refused = bed.slack.await(nameOf(responseUrl)).json();
            assertThat(visibleText(blocks(refused))).contains("I couldn't fetch contacts.vcf", "nothing changed");
            assertThat(elsewhere.calls()).isEmpty();
            assertThat(bed.answer("circle", "").toString()).doesNotContain("Ngozi");
        }
    }

    @Test
    void aFileSlackWillNotServeToTheTokenIsReportedAndItsSignInPageIsNotFollowed() {
        // GIVEN a file Slack serves only to another app's token (it sends anyone else to its sign-in page)
        String responseUrl = bed.newResponseUrl();
        JsonObject view = openImportModal(bed, responseUrl);
        String url = bed.slack.privateFile("F0VCARD003", "contacts.vcf", VCARD, "text/vcard", "xoxb-another-app");

        // WHEN Ana submits it
        bed.submitFile(metadata(view), "contacts.vcf", url, VCARD.length);

        // THEN she hears it could not be fetched, the redirect was not followed, and nothing is written
        JsonObject refused = bed.slack.await(nameOf(responseUrl)).json();
        assertThat(visibleText(blocks(refused))).contains("I couldn't fetch contacts.vcf");
        assertThat(bed.slack.calls().stream().map(FakeSlackWebApi.Call::name)).noneMatch(n -> n.startsWith("signin"));
        assertThat(bed.answer("circle", "").toString()).doesNotContain("Ngozi");
    }

    @Test
    void aModalSlackWillNotOpenLeavesTheCommandsOwnAnswer() {
        // GIVEN Slack refuses to open the modal (the trigger expired while the command waited)
        bed.slack.answerOnce("views.open", 200, Map.of(), "{\"ok\":false,\"error\":\"expired_trigger_id\"}");

        // WHEN Ana types /import
        JsonObject answer = bed.answer("import", "");

        // THEN she is told how to bring her contacts instead of hearing nothing
        assertThat(visibleText(blocks(answer))).contains("Bring your contacts", "/import");
    }

    @Test
    void theSubmissionWaitsInTheInboxAndTheFileIsFetchedOnlyWhenItRuns() throws Exception {
        // GIVEN inbox workers that are not running, and the modal /import opened
        try (SlackTestBed held = SlackTestBed.held(dir.resolve("held"))) {
            String responseUrl = held.newResponseUrl();
            held.command("import", "", responseUrl);
            assertThat(held.inbox.drain()).isEqualTo(1);
            JsonObject view = held.slack.await("views.open").formJson("view").getAsJsonObject();
            String url =
                    held.slack.privateFile("F0VCARD001", "contacts.vcf", VCARD, "text/vcard", SlackTestBed.BOT_TOKEN);

            // WHEN Ana submits her file
            HttpResponse<String> ack = held.submitFile(metadata(view), "contacts.vcf", url, VCARD.length);

            // THEN Slack has its empty 200 with the submission written down, and nothing fetched yet
            assertThat(ack.statusCode()).isEqualTo(200);
            assertThat(ack.body()).isEmpty();
            assertThat(held.storage.inbox().pending()).hasSize(1);
            assertThat(held.slack.calls().stream().map(FakeSlackWebApi.Call::name))
                    .noneMatch(n -> n.startsWith("files-pri/"));

            // AND once a worker runs it, the file is fetched and the preview follows
            assertThat(held.inbox.drain()).isEqualTo(1);
            JsonObject preview = held.slack.await(nameOf(responseUrl)).json();
            assertThat(visibleText(blocks(preview))).contains("Import preview — contacts.vcf (vCard)");
        }
    }
}
