package dev.rapport.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.util.json.GsonFactory;
import dev.rapport.core.reply.Button;
import dev.rapport.core.reply.Prompt;
import dev.rapport.core.reply.Reply;
import dev.rapport.core.reply.Section;
import dev.rapport.core.reply.Text;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlackReplyRendererTest {
    private static final Gson GSON = GsonFactory.createSnakeCase();
    private final SlackReplyRenderer renderer = new SlackReplyRenderer();

    @Test
    void aSectionBodyLongerThanSlackAllowsIsCutWithAPointer() {
        // GIVEN a body of 5000 characters
        String body = "word ".repeat(1000);

        // WHEN rendered
        JsonArray blocks = render(Reply.of(Section.titled("Marc Kelly", body)));

        // THEN it fits 3000 characters and says where the rest is
        String text = blocks.get(1)
                .getAsJsonObject()
                .getAsJsonObject("text")
                .get("text")
                .getAsString();
        assertThat(text).hasSizeLessThanOrEqualTo(3000).endsWith(Mrkdwn.escape(SlackReplyRenderer.POINTER));
    }

    @Test
    void aChannelPostsNotificationTextKeepsItsMentionsAndAPrivateReplysDoesNot() {
        // GIVEN the same text with a mention and a crowd ping, once for the channel and once private
        Text body = Text.builder()
                .plain("Ana introduces ")
                .mention("U0BEA00002", "Bea")
                .plain(": <!channel> @here & sailing")
                .build();
        Reply post = Reply.of(Section.of(body)).visibleTo(Reply.Visibility.CHANNEL);
        Reply privately = Reply.of(Section.of(body));

        // THEN the channel post's fallback mentions Bea (so the notification reaches her), the private one names her as
        // text
        assertThat(renderer.fallbackText(post))
                .isEqualTo("Ana introduces <@U0BEA00002>: &lt;!channel&gt; @\u2060here &amp; sailing");
        assertThat(renderer.fallbackText(privately))
                .isEqualTo("Ana introduces @Bea: &lt;!channel&gt; @\u2060here &amp; sailing");
    }

    @Test
    void cuttingNeverSplitsAnEscapedCharacterOrAMention() {
        // GIVEN texts that become long only once escaped, with a mention landing at every possible cut point
        for (int ampersands = 570; ampersands <= 600; ampersands++) {
            Text body = Text.builder()
                    .plain("&".repeat(ampersands))
                    .mention("U0BEA00002", "Bea")
                    .plain("&".repeat(100))
                    .build();

            // WHEN rendered
            String text = render(Reply.of(Section.of(body)))
                    .get(0)
                    .getAsJsonObject()
                    .getAsJsonObject("text")
                    .get("text")
                    .getAsString();

            // THEN there is no half "&amp;" and no half mention
            assertThat(text).hasSizeLessThanOrEqualTo(3000).contains("…");
            String head = text.substring(0, text.indexOf('…'));
            assertThat(head.replace("&amp;", "").replace("<@U0BEA00002>", ""))
                    .doesNotContain("&")
                    .doesNotContain("<");
        }
    }

    @Test
    void aReplyWithManySectionsStaysWithinFiftyBlocks() {
        // GIVEN 40 headed sections with buttons (120 blocks' worth) and a closing button row
        List<Section> sections = IntStream.range(0, 40)
                .mapToObj(i -> Section.titled("Person " + i, "Why now " + i)
                        .withButtons(List.of(Button.of("Done", "done:" + i, "/followup done p" + i))))
                .toList();
        Reply reply = new Reply(
                sections,
                List.of(Button.of("Keep", "keep:1", "(nothing)")),
                Reply.Visibility.PRIVATE,
                Optional.empty(),
                false);

        // WHEN rendered as a message
        JsonArray blocks = render(reply);

        // THEN Slack's limit holds, whole sections were kept, the cut is said, and the closing buttons stay
        assertThat(blocks.size()).isLessThanOrEqualTo(50);
        JsonObject last = blocks.get(blocks.size() - 1).getAsJsonObject();
        assertThat(last.get("type").getAsString()).isEqualTo("actions");
        JsonObject note = blocks.get(blocks.size() - 2).getAsJsonObject();
        assertThat(note.get("type").getAsString()).isEqualTo("context");
        assertThat(SlackTestBed.visibleText(blocks)).contains("more than fits in one Slack message");
        assertThat(SlackTestBed.buttons(blocks))
                .extracting(b -> b.get("action_id").getAsString())
                .doesNotHaveDuplicates();
    }

    @Test
    void fieldsAreGroupedByTenAndEachStaysWithinTwoThousandCharacters() {
        // GIVEN a section with 23 fields, one of them very long
        List<Section.Field> fields = new ArrayList<>();
        IntStream.range(0, 22).forEach(i -> fields.add(new Section.Field("Label " + i, "value " + i)));
        fields.add(new Section.Field("How you met", "x ".repeat(1500)));

        // WHEN rendered
        JsonArray blocks = render(Reply.of(new Section(Optional.empty(), Text.plain(""), fields, List.of())));

        // THEN no section holds more than 10 fields and none is longer than 2000
        assertThat(blocks.size()).isEqualTo(3);
        blocks.forEach(block -> {
            JsonArray row = block.getAsJsonObject().getAsJsonArray("fields");
            assertThat(row.size()).isLessThanOrEqualTo(10);
            row.forEach(field -> assertThat(field.getAsJsonObject().get("text").getAsString())
                    .hasSizeLessThanOrEqualTo(2000));
        });
    }

    @Test
    void onlyAMentionSpanMayMentionAndStrongTextIsEscapedToo() {
        // GIVEN text mixing user text, emphasis and a real mention
        Text body = Text.builder()
                .strong("<!here> team")
                .plain(" met ")
                .mention("U0BEA00002", "Bea")
                .plain(" and @channel <@U1>")
                .build();

        // WHEN rendered
        String text = render(Reply.of(Section.of(body)))
                .get(0)
                .getAsJsonObject()
                .getAsJsonObject("text")
                .get("text")
                .getAsString();

        // THEN the one mention is real and everything else is literal
        assertThat(text).isEqualTo("*&lt;!here&gt; team* met <@U0BEA00002> and @\u2060channel &lt;@U1&gt;");
    }

    @Test
    void headingsAndButtonLabelsFitTheirLimitsAndStylesCarryOver() {
        // GIVEN a long heading and long labels
        Reply reply = Reply.of(Section.titled("H".repeat(400), "body")
                .withButtons(List.of(
                        Button.of("L".repeat(200), "done:1", "/x").styled(Button.Style.PRIMARY),
                        Button.of("Add note", "note:1", "/y")
                                .prompting(Prompt.note("Note about Marc", "What?", "…")))));

        // WHEN rendered
        JsonArray blocks = render(reply);

        // THEN each fits, and every button carries core's action id (whether a click opens a modal is core's
        // answer when it comes back: see SlackInteractionsTest)
        assertThat(blocks.get(0)
                        .getAsJsonObject()
                        .getAsJsonObject("text")
                        .get("text")
                        .getAsString())
                .hasSizeLessThanOrEqualTo(150);
        List<JsonObject> buttons = SlackTestBed.buttons(blocks);
        assertThat(SlackTestBed.label(buttons.get(0))).hasSizeLessThanOrEqualTo(75);
        assertThat(buttons.get(0).get("style").getAsString()).isEqualTo("primary");
        assertThat(buttons.get(0).get("value").getAsString()).isEqualTo("done:1");
        assertThat(buttons.get(1).get("action_id").getAsString()).matches(ButtonCodec.RAPPORT);
        assertThat(buttons.get(1).get("value").getAsString()).isEqualTo("note:1");
    }

    @Test
    void aContactWithManyLongNotesStaysWithinSlacksLimits(@TempDir Path dir) throws Exception {
        try (SlackTestBed bed = SlackTestBed.start(dir)) {
            // GIVEN Marc with 20 notes of nearly 2000 characters each, and an open question as long
            bed.answer("remember", "Marc Kelly: met at the SYPE mixer");
            for (int i = 0; i < 20; i++) {
                bed.answer("remember", "marc " + ("note " + i + " <b> & more ").repeat(110));
            }
            bed.answer("remember", "marc ask: " + "what about the boat? ".repeat(95));

            // WHEN Ana opens his page
            JsonObject page = bed.answer("contact", "marc");

            // THEN the message keeps to 50 blocks and every text to 3000 characters, cut with a pointer
            JsonArray blocks = SlackTestBed.blocks(page);
            assertThat(blocks.size()).isLessThanOrEqualTo(50);
            assertThat(SlackTestBed.texts(blocks))
                    .allSatisfy(text -> assertThat(text).hasSizeLessThanOrEqualTo(3000));
            assertThat(SlackTestBed.visibleText(blocks)).contains(Mrkdwn.escape(SlackReplyRenderer.POINTER));
            assertThat(SlackTestBed.buttons(blocks))
                    .extracting(SlackTestBed::label)
                    .contains("Add note");
        }
    }

    private JsonArray render(Reply reply) {
        List<LayoutBlock> blocks = renderer.message(reply);
        return JsonParser.parseString(GSON.toJson(blocks)).getAsJsonArray();
    }
}
