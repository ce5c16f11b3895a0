package dev.rapport.discord;

import static dev.rapport.discord.TestBot.ANA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.digest.DigestScheduler;
import dev.rapport.core.port.DirectMessenger;
import dev.rapport.discord.TestBot.Where;
import dev.rapport.discord.render.DiscordReplyRenderer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A personal install shares no server with its user, and Discord refuses the digest DM (50007). The digest then
 * comes with the person's next command, as an answer only they see, and /today says so once.
 */
class UndeliveredDigestOnDiscordTest {
    @TempDir
    Path folder;

    TestBot bot;
    DigestScheduler digests;

    @BeforeEach
    void start() {
        bot = new TestBot(folder);
        DiscordMessenger messenger =
                new DiscordMessenger(bot.discord.jda, new DiscordReplyRenderer(), Duration.ofSeconds(5));
        digests = bot.core.digests(bot.core.delivery(List.<DirectMessenger>of(messenger)), 1);
        // GIVEN Ana's follow-up with Marc is due today, and Discord refuses to open a DM with her
        bot.given(ANA, "remember", "Marc Kelly: ask: how was the move?");
        bot.given(ANA, "followup", "\"Marc Kelly\" today");
        bot.discord.answer("POST users/@me/channels", 200, "dm-channel-opened.json", Map.of("userId", ANA.id()));
        bot.discord.answer("POST channels/", 403, "error-cannot-send-to-user.json", Map.of());
    }

    @AfterEach
    void stop() {
        digests.close();
        bot.close();
    }

    @Test
    void theRefusedDigestComesWithTheNextCommandSeenOnlyByItsPerson() {
        // WHEN the digest falls due (09:00 UTC has passed) and Discord answers 50007
        DigestScheduler.Tick tick = digests.tick();
        assertThat(tick.unreachable()).isEqualTo(1);

        // AND Ana next runs /circle in a server where she uses her personal install
        DiscordTester.Sent reply = bot.slash("circle", Map.of());

        // THEN only she sees, first, why no DM came, then the digest with its buttons, then her circle
        assertThat(bot.discord.isPrivate(reply)).isTrue();
        List<String> descriptions = reply.embeds().stream()
                .map(embed -> embed.getString("description", ""))
                .toList();
        assertThat(descriptions.get(0))
                .startsWith("Your digest couldn't be delivered: Cannot send messages to this user.")
                .contains("Here it is");
        assertThat(reply.embedText()).contains("Marc Kelly").contains("Ask: how was the move?");
        assertThat(reply.customIds()).anyMatch(id -> id.startsWith("done:"));

        // AND the command after that shows it no more
        assertThat(bot.slashIn(Where.BOT_DM, ANA, "help", List.of(), Map.of()).embedText())
                .doesNotContain("couldn't be delivered");
    }

    @Test
    void todayRightAfterARefusedDigestSaysSoOnce() {
        digests.tick();

        DiscordTester.Sent today = bot.slashIn(Where.PRIVATE_CHANNEL, ANA, "today", List.of(), Map.of());
        DiscordTester.Sent again = bot.slashIn(Where.PRIVATE_CHANNEL, ANA, "today", List.of(), Map.of());

        assertThat(bot.discord.isPrivate(today)).isTrue();
        assertThat(today.embedText().split("couldn't be delivered", -1)).hasSize(2);
        assertThat(today.embedText()).contains("This is it").contains("Marc Kelly");
        assertThat(again.embedText()).doesNotContain("couldn't be delivered").contains("Marc Kelly");
    }
}
