package dev.rapport.discord;

import static dev.rapport.discord.TestBot.ANA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.reply.Button;
import dev.rapport.core.reply.Reply;
import dev.rapport.core.reply.Section;
import dev.rapport.discord.render.DiscordReplyRenderer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.data.DataObject;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Long replies are cut to Discord's limits, saying where the rest can be read. */
class DiscordLimitsTest {
    private static final String POINTER = "— more: /contact \"Marc Kelly\"";

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
    void aContactWithManyLongNotesStaysWithinEveryLimitAndSaysWhereTheRestIs() {
        // GIVEN Marc with 20 notes of nearly 2000 characters and 5 long open questions
        bot.given(ANA, "remember", "Marc Kelly: met at the SYPE mixer");
        for (int i = 0; i < 20; i++) {
            bot.given(ANA, "remember", "\"Marc Kelly\" note " + i + " " + "word ".repeat(390));
        }
        for (int i = 0; i < 5; i++) {
            bot.given(ANA, "remember", "\"Marc Kelly\" ask: question " + i + " " + "why ".repeat(400));
        }

        // WHEN Ana opens /contact
        DiscordTester.Sent reply = bot.slash("contact", Map.of("who", "Marc Kelly"));

        // THEN every embed and the message fit Discord's limits, and a pointer says where the rest is
        assertWithinLimits(reply.embeds());
        assertThat(reply.embedText()).contains("/export");
        assertThat(reply.customIds()).isNotEmpty();
    }

    @Test
    void aLongSectionIsCutAtTheDescriptionLimitWithThePointer() {
        Reply reply = Reply.of(Section.titled("Marc Kelly", "line of what you know\n".repeat(300)));

        MessageCreateData message = render(reply);

        MessageEmbed embed = message.getEmbeds().get(0);
        assertThat(embed.getDescription()).hasSizeLessThanOrEqualTo(MessageEmbed.DESCRIPTION_MAX_LENGTH);
        assertThat(embed.getDescription()).endsWith("…\n— more: /contact \"Marc Kelly\"");
    }

    @Test
    void manyLongSectionsShareTheSixThousandCharactersOfOneMessage() {
        List<Section> sections = new ArrayList<>();
        IntStream.range(0, 14).forEach(i -> sections.add(Section.titled("Person " + i, "x ".repeat(1500))));

        MessageCreateData message = render(Reply.of(sections.toArray(Section[]::new)));

        assertThat(message.getEmbeds()).hasSizeLessThanOrEqualTo(10);
        assertThat(message.getEmbeds().stream()
                        .mapToInt(MessageEmbed::getLength)
                        .sum())
                .isLessThanOrEqualTo(MessageEmbed.EMBED_MAX_LENGTH_BOT);
        assertThat(message.toData().toString()).contains("more: /contact");
    }

    @Test
    void fieldsStopAtTwentyFiveAndLongValuesAreCut() {
        List<Section.Field> fields = new ArrayList<>();
        IntStream.range(0, 40).forEach(i -> fields.add(new Section.Field("Field " + i, "v".repeat(i == 0 ? 3000 : 5))));

        MessageCreateData message = render(Reply.of(Section.titled("Marc Kelly", "body", fields)));

        MessageEmbed embed = message.getEmbeds().get(0);
        assertThat(embed.getFields()).hasSize(MessageEmbed.MAX_FIELD_AMOUNT);
        assertThat(embed.getFields().get(0).getValue()).hasSizeLessThanOrEqualTo(MessageEmbed.VALUE_MAX_LENGTH);
        assertThat(embed.getFields().get(0).getValue()).endsWith(POINTER);
    }

    @Test
    void buttonsFillAtMostFiveRowsOfFiveWithUniqueIdsAndSayWhoseTheyAre() {
        // GIVEN a digest-like reply: seven people, four buttons each, plus a shared duplicate
        List<Section> sections = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            sections.add(Section.titled("Person " + i, "due today")
                    .withButtons(List.of(
                            Button.of("Done", "done:" + i, "/followup done"),
                            Button.of("Snooze 1 day", "snz:1d:" + i, "/followup snooze"),
                            Button.of("Snooze 1 week", "snz:1w:" + i, "/followup snooze"),
                            Button.of("Done", "done:" + i, "/followup done"))));
        }

        MessageCreateData message = render(Reply.of(sections.toArray(Section[]::new)));

        DataObject data = message.toData();
        assertThat(data.getArray("components").length()).isEqualTo(5);
        List<String> ids = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int r = 0; r < 5; r++) {
            var row = data.getArray("components").getObject(r).getArray("components");
            assertThat(row.length()).isLessThanOrEqualTo(5);
            for (int b = 0; b < row.length(); b++) {
                ids.add(row.getObject(b).getString("custom_id"));
                labels.add(row.getObject(b).getString("label"));
            }
        }
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(labels).contains("Person 0: Done", "Snooze 1 day");
    }

    @Test
    void aLongButtonLabelAndModalTitleAreCut() {
        String longName = "N".repeat(120);
        Reply reply = Reply.of(Section.titled(longName, "body")
                .withButtons(List.of(Button.of("Done " + longName, "done:1", "/followup done"))));

        MessageCreateData message = render(reply);

        String label = message.toData()
                .getArray("components")
                .getObject(0)
                .getArray("components")
                .getObject(0)
                .getString("label");
        assertThat(label).hasSizeLessThanOrEqualTo(80);
        assertThat(message.getEmbeds().get(0).getTitle()).hasSize(120);
        assertThat(InteractionRouter.modal(
                                "note:1", new dev.rapport.core.reply.Prompt(longName, longName, longName, 2000))
                        .getTitle())
                .hasSizeLessThanOrEqualTo(45);
    }

    private static MessageCreateData render(Reply reply) {
        return new DiscordReplyRenderer().render(reply, POINTER);
    }

    private static void assertWithinLimits(List<DataObject> embeds) {
        assertThat(embeds).hasSizeLessThanOrEqualTo(10);
        int total = 0;
        for (DataObject embed : embeds) {
            String title = embed.getString("title", "");
            String description = embed.getString("description", "");
            assertThat(title).hasSizeLessThanOrEqualTo(256);
            assertThat(description).hasSizeLessThanOrEqualTo(4096);
            total += title.length() + description.length();
            var fields = embed.optArray("fields").orElseGet(net.dv8tion.jda.api.utils.data.DataArray::empty);
            assertThat(fields.length()).isLessThanOrEqualTo(25);
            for (int i = 0; i < fields.length(); i++) {
                String name = fields.getObject(i).getString("name");
                String value = fields.getObject(i).getString("value");
                assertThat(value).hasSizeLessThanOrEqualTo(1024);
                total += name.length() + value.length();
            }
            total += embed.optObject("footer")
                    .map(f -> f.getString("text").length())
                    .orElse(0);
        }
        assertThat(total).isLessThanOrEqualTo(6000);
    }
}
