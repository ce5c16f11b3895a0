package dev.rapport.discord;

import static dev.rapport.discord.TestBot.ANA;
import static dev.rapport.discord.TestBot.BEN;
import static dev.rapport.discord.TestBot.MARC;
import static dev.rapport.discord.TestBot.SELF;
import static dev.rapport.discord.TestBot.ZOE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.discord.TestBot.Where;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Discord's menu commands through JDA's own parsing, in a server, in a DM with Rapport and, installed to a person's
 * account, in their DMs and group DMs: "Open contact" shows the person's page or how to start one, always to the
 * asker alone.
 */
class MenuCommandsOnDiscordTest {
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
    void openContactInAServerShowsThePageOfTheContactLinkedToThatAccount() {
        // GIVEN Ana noted Marc, picked as a Discord user, under a name of her own
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("who", "Marcus");
        options.put("note", "moving to Lisbon");
        options.put("user", MARC);
        bot.slash("remember", options);

        // WHEN she uses Open contact on Marc in a server channel
        DiscordTester.Sent page = bot.openContact(ANA, Where.SERVER, MARC);

        // THEN only she sees his page, found by his account
        assertThat(bot.discord.isPrivate(page)).isTrue();
        assertThat(page.embedText()).contains("Marcus").contains("moving to Lisbon");
        assertThat(page.message()
                        .getObject("allowed_mentions")
                        .getArray("parse")
                        .length())
                .isZero();
    }

    @Test
    void openContactInADmWithRapportFindsAContactNotedByName() {
        // GIVEN Ana noted "Marc Kelly" by name only
        bot.given(ANA, "remember", "Marc Kelly: plays chess");

        // WHEN she uses Open contact on Marc (Discord shows him as Marc Kelly) in her DM with Rapport
        DiscordTester.Sent page = bot.openContact(ANA, Where.BOT_DM, MARC);

        // THEN it is his page, privately
        assertThat(bot.discord.isPrivate(page)).isTrue();
        assertThat(page.embedText()).contains("Marc Kelly").contains("plays chess");
    }

    @Test
    void openContactInAPrivateChannelOfAPersonalInstallOffersToStartAPage() {
        // GIVEN Ben has a page about Zoë; Ana, who installed Rapport to her account, has none
        bot.given(BEN, "remember", "Zoë: Ben's own note");

        // WHEN Ana uses Open contact on Zoë in a DM of hers that Rapport is no member of
        DiscordTester.Sent reply = bot.openContact(ANA, Where.PRIVATE_CHANNEL, ZOE);

        // THEN she alone is told how to start one; nothing of Ben's shows and no contact was made
        assertThat(bot.discord.isPrivate(reply)).isTrue();
        assertThat(reply.embedText())
                .contains("You have no page for <@" + ZOE.id() + "> yet")
                .contains("/remember")
                .doesNotContain("Ben's own note");
        assertThat(reply.message()
                        .getObject("allowed_mentions")
                        .getArray("parse")
                        .length())
                .isZero();
        assertThat(bot.storage.contacts().all(bot.rapport.user(ANA.requester()).id()))
                .isEmpty();
    }

    @Test
    void openContactInAServerRapportWasNeverAddedToWorksFromAPersonalInstall() {
        bot.given(ANA, "remember", "Marc Kelly: runs the Lisbon meetup");

        DiscordTester.Sent page = bot.openContact(ANA, Where.SERVER_PERSONAL, MARC);

        assertThat(bot.discord.isPrivate(page)).isTrue();
        assertThat(page.embedText()).contains("runs the Lisbon meetup");
    }

    @Test
    void openContactOnRapportItselfSaysItIsABot() {
        DiscordTester.Sent reply = bot.openContact(ANA, Where.BOT_DM, SELF);

        assertThat(bot.discord.isPrivate(reply)).isTrue();
        assertThat(reply.embedText()).contains("Rapport is a bot");
    }

    @Test
    void inAGroupDmEvenAnIntroIsAnsweredPrivately() {
        // WHEN Ana, with Rapport installed to her account, runs /intro people in a group DM
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("a", MARC);
        options.put("b", BEN);
        options.put("why", "you both sail");
        DiscordTester.Sent answer = bot.slashIn(Where.GROUP_DM, ANA, "intro", List.of("people"), options);

        // THEN the deferral and the answer are hers alone: core says intros belong to a server channel
        DiscordTester.Sent deferral = bot.discord.lastCallback();
        assertThat(deferral.callbackType()).isEqualTo(DiscordTester.CALLBACK_DEFERRED_MESSAGE);
        assertThat(deferral.body().getObject("data").getInt("flags") & DiscordTester.EPHEMERAL)
                .isNotZero();
        assertThat(bot.discord.isPrivate(answer)).isTrue();
        assertThat(answer.embedText()).contains("team channel");
    }
}
