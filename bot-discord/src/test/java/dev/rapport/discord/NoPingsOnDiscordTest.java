package dev.rapport.discord;

import static dev.rapport.discord.TestBot.ANA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.reply.Reply;
import dev.rapport.core.reply.Section;
import dev.rapport.core.reply.Text;
import dev.rapport.discord.render.DiscordReplyRenderer;
import java.nio.file.Path;
import java.util.Map;
import net.dv8tion.jda.api.utils.data.DataObject;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** User text never pings and never formats: allowed mentions are empty and markdown is escaped. */
class NoPingsOnDiscordTest {
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
    void aNoteWithEveryoneHereAndARoleMentionPingsNoOne() {
        // GIVEN a note that tries to ping a crowd, a role and a user, and to look like the bot
        bot.given(
                ANA,
                "remember",
                "Marc Kelly: hi @everyone and @here, ask <@&123> and <@42> **URGENT** [click](https://x.test)");

        // WHEN Ana opens the contact
        DiscordTester.Sent reply = bot.slash("contact", Map.of("who", "Marc Kelly"));

        // THEN nothing may be mentioned, and the text shows as typed (escaped)
        DataObject allowed = reply.message().getObject("allowed_mentions");
        assertThat(allowed.getArray("parse").length()).isZero();
        assertThat(allowed.hasKey("users") ? allowed.getArray("users").length() : 0)
                .isZero();
        assertThat(allowed.hasKey("roles") ? allowed.getArray("roles").length() : 0)
                .isZero();
        assertThat(reply.message().getString("content", "")).isEmpty();
        String text = reply.embedText();
        assertThat(text)
                .contains("\\@everyone")
                .contains("\\@here")
                .contains("\\<\\@&123\\>")
                .contains("\\@42") // core keeps a mention inside a note as readable @name text
                .contains("\\*\\*URGENT\\*\\*")
                .contains("\\[click\\]")
                .doesNotContain(" @everyone")
                .doesNotContain(" <@&123>");
    }

    @Test
    void aChannelReplyMentionsExactlyItsMentionedPeople() {
        // GIVEN an intro-like reply posted to the channel, with user text that tries to ping everyone
        Reply intro = Reply.of(Section.of(Text.builder()
                        .mention("600000000000000002", "Marc")
                        .plain(" meet ")
                        .mention("600000000000000003", "Zoë")
                        .plain(": @everyone should hear about <@&123>")
                        .build()))
                .visibleTo(Reply.Visibility.CHANNEL);

        // WHEN it is drawn
        MessageCreateData message = new DiscordReplyRenderer().render(intro, "");

        // THEN only the two people are mentioned, in the content, and nothing else may ping
        assertThat(message.getContent()).isEqualTo("<@600000000000000002> <@600000000000000003>");
        DataObject allowed = message.toData().getObject("allowed_mentions");
        assertThat(allowed.getArray("parse").length()).isZero();
        assertThat(allowed.getArray("users").stream(net.dv8tion.jda.api.utils.data.DataArray::getString))
                .containsExactlyInAnyOrder("600000000000000002", "600000000000000003");
        assertThat(allowed.hasKey("roles") ? allowed.getArray("roles").length() : 0)
                .isZero();
        assertThat(message.getEmbeds().get(0).getDescription())
                .contains("\\@everyone")
                .contains("\\<\\@&123\\>");
    }

    @Test
    void aPrivateReplyWithAMentionShowsItButPingsNoOne() {
        Reply reply = Reply.of(
                Section.of(Text.builder().mention("600000000000000002", "Marc").build()));

        MessageCreateData message = new DiscordReplyRenderer().render(reply, "");

        assertThat(message.getContent()).isEmpty();
        assertThat(message.getEmbeds().get(0).getDescription()).isEqualTo("<@600000000000000002>");
        assertThat(message.getAllowedMentions()).isEmpty();
        assertThat(message.getMentionedUsers()).isEmpty();
    }
}
