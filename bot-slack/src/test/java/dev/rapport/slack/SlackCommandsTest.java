package dev.rapport.slack;

import static dev.rapport.slack.SlackTestBed.blocks;
import static dev.rapport.slack.SlackTestBed.button;
import static dev.rapport.slack.SlackTestBed.visibleText;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlackCommandsTest {
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

    @ParameterizedTest(name = "/{0} {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "remember | marc loves sailing #sailing | You now know 2 things about Marc Kelly",
                "followup | Marc Kelly: next friday | I'll remind you to follow up with Marc Kelly",
                "followup | list | Nothing due",
                "contact | Marc Kelly | Things known",
                "circle | '' | Your circle",
                "today | '' | Nothing due today",
                "settings | '' | Europe/Lisbon",
                "forget | Marc Kelly | Forget Marc Kelly?",
                "export | '' | rapport-export-2026-11-25.json",
                "help | '' | /remember &lt;who&gt; &lt;note&gt;"
            })
    void everyCommandIsAcknowledgedEmptyAndAnswersPrivatelyAtTheResponseUrl(
            String command, String text, String expected) {
        // GIVEN Ana knows Marc Kelly
        bed.answer("remember", "Marc Kelly: met at the SYPE mixer");

        // WHEN she types the command (answer() also checks the empty 200 acknowledgement)
        JsonObject answer = bed.answer(command, text);

        // THEN the answer arrives at the response_url, privately
        assertThat(answer.get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(visibleText(blocks(answer))).contains(expected).doesNotContain("Something went wrong");
        assertThat(answer.get("text").getAsString()).isNotBlank();
    }

    @Test
    void aLinkCodeTypedInSlackJoinsTheAccountThatMadeIt() {
        // GIVEN Ana keeps Zoë on Discord and made a link code there
        dev.rapport.core.api.Requester discord = dev.rapport.core.api.Requester.of("discord", "", "4242", "ana");
        bed.rapport.handle(dev.rapport.core.api.CommandRequest.of(discord, "remember", "Zoë: climbing partner"));
        String made = bed.rapport
                .handle(dev.rapport.core.api.CommandRequest.of(discord, "settings", "link"))
                .plainText();
        java.util.regex.Matcher code =
                java.util.regex.Pattern.compile("[A-Z2-9]{4}-[A-Z2-9]{4}").matcher(made);
        assertThat(code.find()).isTrue();

        // WHEN she types it in a signed Slack /settings link (her Slack account keeps nobody yet)
        JsonObject linked = bed.answer("settings", "link " + code.group());

        // THEN Slack shares Discord's circle, and /settings unlink parts them again
        assertThat(visibleText(blocks(linked))).contains("Linked: this Slack account and your Discord account");
        assertThat(visibleText(blocks(bed.answer("circle", "")))).contains("Zoë");
        assertThat(visibleText(blocks(bed.answer("settings", "unlink"))))
                .contains("Unlinked: this Slack account starts again with an empty circle");
        assertThat(visibleText(blocks(bed.answer("circle", "")))).doesNotContain("Zoë");
    }

    @Test
    void theAcknowledgementDoesNotWaitForCore() {
        // GIVEN inbox workers that are not running yet
        try (SlackTestBed heldBed = SlackTestBed.held(dir.resolve("held"))) {
            String responseUrl = heldBed.newResponseUrl();

            // WHEN a command arrives
            HttpResponse<String> ack = heldBed.command("help", "", responseUrl);

            // THEN Slack has its empty 200 before core has run at all
            assertThat(ack.statusCode()).isEqualTo(200);
            assertThat(ack.body()).isEmpty();
            assertThat(heldBed.slack.calls(SlackTestBed.nameOf(responseUrl))).isEmpty();
            assertThat(heldBed.storage.inbox().pending()).hasSize(1);

            // AND once the workers run it, the answer follows at the response_url
            assertThat(heldBed.inbox.drain()).isEqualTo(1);
            JsonObject answer =
                    heldBed.slack.await(SlackTestBed.nameOf(responseUrl)).json();
            assertThat(visibleText(blocks(answer))).contains("/remember");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aNoteWithCrowdPingsAndMentionsReachesSlackEscaped() {
        // GIVEN a note that tries to ping everyone, mention someone and hide a link, in the forms Slack sends:
        // "@channel" typed becomes <!channel>, a literal "<!here>" arrives as entities
        bed.answer("remember", "Marc Kelly: met at the mixer");
        bed.answer(
                "remember",
                "marc says <!channel> and @here and &lt;!here&gt; and <@U999> &amp; <https://evil.example|click me>");

        // WHEN Ana looks at Marc's page
        JsonObject page = bed.answer("contact", "marc");

        // THEN the note is shown literally (core keeps a mention inside a note as readable "@name" text), with
        // nothing Slack could turn into a ping or a link
        String recorded = visibleText(blocks(page));
        assertThat(recorded)
                .contains("says @\u2060channel and @\u2060here and &lt;!here&gt; and @U999 &amp; click me")
                .doesNotContain("<!channel>")
                .doesNotContain("<!here>")
                .doesNotContain("<@U999>")
                .doesNotContain("<https:")
                .doesNotContain("@here")
                .doesNotContain("@channel");
        assertThat(page.get("text").getAsString())
                .doesNotContain("<!")
                .doesNotContain("@here")
                .doesNotContain("@channel");
        blocks(page).forEach(block -> {
            JsonObject text = block.getAsJsonObject().getAsJsonObject("text");
            if (text != null && text.get("type").getAsString().equals("mrkdwn")) {
                assertThat(text.get("verbatim").getAsBoolean()).isTrue();
            }
        });
    }

    @Test
    void aMentionedMemberIsSavedUnderTheirSlackDisplayName() {
        // WHEN Ana remembers a workspace member by mention
        JsonObject answer = bed.answer("remember", "<@" + SlackTestBed.BEA + "|bea> met at the design review");

        // THEN the contact carries the name from users.info, and a later mention finds the same person
        assertThat(visibleText(blocks(answer))).contains("New contact").contains("Bea Santos");
        JsonObject page = bed.answer("contact", "<@" + SlackTestBed.BEA + ">");
        assertThat(visibleText(blocks(page))).contains("Bea Santos").contains("met at the design review");
        assertThat(bed.slack.calls("users.info")).isNotEmpty();
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> mentionedMembers() {
        return java.util.stream.Stream.of(
                org.junit.jupiter.params.provider.Arguments.of(
                        "U0MARC0001", "marc", "Marc Kelly", "marc", "Marc Kelly"),
                org.junit.jupiter.params.provider.Arguments.of("U0ZOE00001", "zp", "Zoë Park", "Z", "Zoë Park"),
                org.junit.jupiter.params.provider.Arguments.of("U0DEE00001", "dee.r", "", "Dee R", "Dee R"));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("mentionedMembers")
    void aMentionGetsItsNameFromUsersInfoRealNameFirstNeverTheHandle(
            String id, String handle, String realName, String displayName, String expected) {
        // GIVEN a member whose handle and display name differ from their real name
        bed.slack.member(id, handle, realName, displayName, "Europe/Lisbon");

        // WHEN Ana remembers them by a mention that carries the handle
        JsonObject answer = bed.answer("remember", "<@" + id + "|" + handle + "> met at the design review");

        // THEN the contact is called by the name users.info gives, and the handle alone finds nobody new
        assertThat(visibleText(blocks(answer))).contains("New contact").contains("about " + expected + ".");
        assertThat(visibleText(blocks(bed.answer("circle", ""))))
                .contains(expected)
                .contains("1 person");
        assertThat(bed.slack.calls("users.info"))
                .anyMatch(call -> id.equals(call.form().get("user")));
    }

    @Test
    void theRequestersSlackTimeZoneIsTakenOnFirstContact() {
        // WHEN Ana's first command reaches Rapport
        JsonObject settings = bed.answer("settings", "");

        // THEN her zone is the one Slack reports for her
        assertThat(visibleText(blocks(settings))).contains("Europe/Lisbon");
    }

    @Test
    void rememberOffersFollowUpButtonsThatSchedule() {
        // GIVEN the reply to /remember
        JsonObject saved = bed.answer("remember", "Marc Kelly: moving to Lisbon");

        // WHEN Ana presses "Follow up in a week"
        JsonObject answer = bed.clickAndAnswer(button(saved, "Follow up in a week"));

        // THEN the follow-up is scheduled, and said so privately
        assertThat(answer.get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(visibleText(blocks(answer))).contains("I'll remind you to follow up with Marc Kelly");
    }

    @Test
    void exportUploadsTheFileIntoTheUsersDirectMessages() {
        // GIVEN something to export
        bed.answer("remember", "Marc Kelly: met at the mixer");

        // WHEN Ana exports
        JsonObject answer = bed.answer("export", "");

        // THEN the JSON goes to her DM through the upload flow, never to the channel
        FakeSlackWebApi.Call url = bed.slack.await("files.getUploadURLExternal");
        assertThat(url.form().get("filename")).isEqualTo("rapport-export-2026-11-25.json");
        String uploaded = bed.slack.await("upload/F0EXPORT01").body();
        assertThat(uploaded).contains("\"name\": \"Marc Kelly\"").contains("met at the mixer");
        FakeSlackWebApi.Call complete = bed.slack.await("files.completeUploadExternal");
        assertThat(complete.form().get("channel_id")).isEqualTo("D0ANA00001");
        assertThat(visibleText(blocks(answer))).contains("The file is in your direct messages");
    }
}
