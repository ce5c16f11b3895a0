package dev.rapport.discord;

import static dev.rapport.discord.TestBot.ANA;
import static dev.rapport.discord.TestBot.BEN;
import static dev.rapport.discord.TestBot.MANAGER_RIGHTS;
import static dev.rapport.discord.TestBot.MARC;
import static dev.rapport.discord.TestBot.MEMBER_RIGHTS;
import static dev.rapport.discord.TestBot.ZOE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.intro.IntroRounds;
import dev.rapport.discord.render.DiscordReplyRenderer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * /intro on Discord: the channel post pings exactly the two people, Remember saves into the presser's own list,
 * rounds need Manage Channels, and a round's DMs and their buttons work in a direct message.
 */
class IntroOnDiscordTest {
    private static final String WHY = "@everyone meet <@&123>: **both** sail";
    private static final String DM_CHANNEL = "920000000000000009";

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
    void anIntroIsAChannelMessageThatMentionsExactlyTheTwoPeople() {
        // WHEN Ana introduces Marc and Zoë with a why that tries to ping everyone and a role, and to format
        DiscordTester.Sent post = introduce();

        // THEN the answer is a normal message in the channel, not one only Ana sees
        assertThat(bot.discord.isPrivate(post)).isFalse();
        // … which may ping Marc and Zoë, as users, and nobody else
        assertThat(post.message().getString("content")).isEqualTo("<@" + MARC.id() + "> <@" + ZOE.id() + ">");
        DataObject allowed = post.message().getObject("allowed_mentions");
        assertThat(allowed.getArray("parse").length()).isZero();
        assertThat(allowed.getArray("users").stream(DataArray::getString))
                .containsExactlyInAnyOrder(MARC.id(), ZOE.id());
        assertThat(allowed.hasKey("roles") ? allowed.getArray("roles").length() : 0)
                .isZero();
        // … says who introduces whom and why, the why shown as typed (escaped; a role Discord does not know is
        // "@role"), the introducer not mentioned
        assertThat(post.embedText())
                .contains("Ana introduces <@" + MARC.id() + "> and <@" + ZOE.id() + ">: "
                        + "\\@everyone meet \\@role: \\*\\*both\\*\\* sail")
                .doesNotContain("123")
                .doesNotContain(" @everyone");
        assertThat(post.body().toString()).doesNotContain(ANA.id());
        // … with a Remember button for each person, asking for text first
        assertThat(post.customIds()).containsExactly("irem:1:a", "irem:1:b");
        assertThat(labels(post)).containsExactly("Remember about Marc Kelly", "Remember about Zoë");
    }

    @Test
    void someoneMentionedInTheWhyIsNamedButNotPinged() {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("a", MARC);
        options.put("b", ZOE);
        options.put("why", "Ben <@" + BEN.id() + "> says you both sail");

        DiscordTester.Sent post = bot.slash(ANA, MEMBER_RIGHTS, "intro", List.of("people"), options);

        assertThat(post.embedText()).contains(": Ben \\@Ben says you both sail").doesNotContain(BEN.id());
        assertThat(post.message().getObject("allowed_mentions").getArray("users").stream(DataArray::getString))
                .containsExactlyInAnyOrder(MARC.id(), ZOE.id());
    }

    @Test
    void aRoleMentionedInTheWhyShowsAsTheRoleNameAndPingsNoRole() {
        // GIVEN a why that mentions the server's "Sailing Crew" role, which Discord resolves with the interaction
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("a", MARC);
        options.put("b", ZOE);
        options.put("why", "you are both in <@&700000000000000001>");

        // WHEN Ana posts the intro
        DiscordTester.Sent post = bot.slash(ANA, MEMBER_RIGHTS, "intro", List.of("people"), options);

        // THEN the role reads as its name, as text: no id, no mention syntax, and no role may be pinged
        assertThat(post.embedText())
                .contains(": you are both in \\@Sailing Crew")
                .doesNotContain("700000000000000001")
                .doesNotContain("<@&");
        DataObject allowed = post.message().getObject("allowed_mentions");
        assertThat(allowed.getArray("parse").length()).isZero();
        assertThat(allowed.hasKey("roles") ? allowed.getArray("roles").length() : 0)
                .isZero();
        assertThat(post.message().getString("content")).doesNotContain("&");
    }

    @Test
    void rememberPressedBySomeoneElseSavesANoteInTheirOwnListOnly() {
        // GIVEN Ana's intro post
        introduce();

        // WHEN Ben, who only reads the channel, presses "Remember about Marc Kelly"
        bot.pressInServer(BEN, "irem:1:a");

        // THEN a modal asks what to remember; leaving it empty is allowed (it keeps what was said)
        DiscordTester.Sent modal = bot.discord.lastCallback();
        assertThat(modal.callbackType()).isEqualTo(DiscordTester.CALLBACK_MODAL);
        DataObject data = modal.body().getObject("data");
        assertThat(data.getString("custom_id")).isEqualTo("irem:1:a");
        assertThat(data.getString("title")).isEqualTo("Remember Marc Kelly");
        DataObject input = data.getArray("components").getObject(0).getObject("component");
        assertThat(input.getBoolean("required")).isFalse();

        // WHEN he submits what he wants to remember
        bot.submitInServer(BEN, "irem:1:a", "Sails a 30-foot sloop #sailing");

        // THEN only he sees the answer, and the note is in his list
        DiscordTester.Sent saved = bot.discord.lastMessage();
        assertThat(bot.discord.isPrivate(saved)).isTrue();
        assertThat(saved.embedText()).contains("Saved in your own notes. You now know 1 thing about Marc Kelly.");
        assertThat(bot.slash(BEN, MEMBER_RIGHTS, "contact", List.of(), Map.of("who", "Marc Kelly"))
                        .embedText())
                .contains("Sails a 30-foot sloop");
        // … and not in the introducer's
        assertThat(bot.slash("contact", Map.of("who", "Marc Kelly")).embedText())
                .contains("You have no contact called “Marc Kelly” yet.");
    }

    @Test
    void rememberLeftEmptyKeepsWhatTheIntroducerSaid() {
        introduce();

        bot.pressInServer(BEN, "irem:1:b");
        bot.submitInServer(BEN, "irem:1:b", "");

        assertThat(bot.discord.lastMessage().embedText()).contains("You now know 1 thing about Zoë.");
        assertThat(bot.slash(BEN, MEMBER_RIGHTS, "contact", List.of(), Map.of("who", "Zoë"))
                        .embedText())
                .contains("Ana introduced Marc Kelly and Zoë");
    }

    @Test
    void turningRoundsOnNeedsManageChannels() {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("every", 3);
        options.put("revisit", true);

        // WHEN someone without Manage Channels turns rounds on
        DiscordTester.Sent refused = bot.slash(ANA, MEMBER_RIGHTS, "intro", List.of("rounds", "on"), options);

        // THEN only they hear why not
        assertThat(bot.discord.isPrivate(refused)).isTrue();
        assertThat(refused.embedText()).contains("Only people who can manage this channel can turn pairing rounds on");

        // WHEN someone with it does
        DiscordTester.Sent on = bot.slash(ANA, MANAGER_RIGHTS, "intro", List.of("rounds", "on"), options);

        // THEN the channel hears it, with the rhythm and revisit as chosen, and nobody is pinged
        assertThat(bot.discord.isPrivate(on)).isFalse();
        assertThat(on.embedText())
                .contains("Ana turned on pairing rounds here: every 3 weeks, revisiting people who met before");
        assertThat(on.message().getObject("allowed_mentions").getArray("parse").length())
                .isZero();
        assertThat(on.message().getString("content", "")).isEmpty();
        assertThat(bot.slash(BEN, MEMBER_RIGHTS, "intro", List.of("rounds", "status"), Map.of())
                        .embedText())
                .contains("on, every 3 weeks, revisiting past partners");

        // AND turning them off needs the same right
        assertThat(bot.slash(BEN, MEMBER_RIGHTS, "intro", List.of("rounds", "off"), Map.of())
                        .embedText())
                .contains("Only people who can manage this channel");
        assertThat(bot.slash(BEN, MANAGER_RIGHTS, "intro", List.of("rounds", "off"), Map.of())
                        .embedText())
                .contains("Ben turned off pairing rounds here.");
    }

    @Test
    void joinAndNowSendThePairingByDirectMessageNamingThePartner() {
        // GIVEN Discord lists no channel members: Ana and Ben opt in, and Ben shares what to ask him about
        bot.given(BEN, "settings", "about climbing, Rust");
        bot.slash(ANA, MEMBER_RIGHTS, "intro", List.of("rounds", "join"), Map.of());
        assertThat(bot.slash(BEN, MEMBER_RIGHTS, "intro", List.of("rounds", "join"), Map.of())
                        .embedText())
                .contains("You're in this channel's pairing rounds");
        assertThat(bot.slash(BEN, MEMBER_RIGHTS, "intro", List.of("rounds", "now"), Map.of())
                        .embedText())
                .contains("Only people who can manage this channel can start a round");
        assertThat(bot.slash(ANA, MANAGER_RIGHTS, "intro", List.of("rounds", "now"), Map.of())
                        .embedText())
                .contains("A round starts in a moment");

        // WHEN the round engine runs with Discord's messenger
        IntroRounds.Tick tick = engine().tick(TestBot.CLOCK.instant());

        // THEN each of them gets a DM naming the other, and Ana's names what to ask Ben about
        assertThat(tick).isEqualTo(new IntroRounds.Tick(1, 2, 0, 0));
        DiscordTester.Sent toAna = dmTo(ANA).get(0);
        DiscordTester.Sent toBen = dmTo(BEN).get(0);
        assertThat(toAna.embedText())
                .contains("Your pairing this round")
                .contains("This round you're paired with <@" + BEN.id() + ">")
                .contains("Ask Ben about: climbing, Rust");
        assertThat(toBen.embedText()).contains("This round you're paired with <@" + ANA.id() + ">");
        // … and a DM never pings
        assertThat(toAna.body().getObject("allowed_mentions").getArray("parse").length())
                .isZero();
        assertThat(toAna.body().hasKey("content") ? toAna.body().getString("content") : "")
                .isEmpty();
    }

    @Test
    void weMetFromADirectMessageOpensAModalAndSavesWhatWasLearned() {
        // GIVEN a round between Ana and Ben, and a week later its "Did you meet?"
        pairAnaAndBen();
        Instant aWeekLater = TestBot.CLOCK.instant().plus(IntroRounds.CHECK_IN_AFTER);
        assertThat(engine().tick(aWeekLater).sent()).isEqualTo(2);
        DiscordTester.Sent checkIn = dmTo(ANA).get(1);
        assertThat(checkIn.embedText()).contains("Did you meet Ben?");
        List<String> buttons = checkIn.customIds();
        assertThat(buttons).hasSize(3);
        String met = buttons.get(0);
        assertThat(met).startsWith("rnd:met:");

        // WHEN Ana presses We met in the DM (Discord sends a user, no member, no server)
        bot.pressInDm(ANA, met);

        // THEN a modal asks what she learned about Ben
        DataObject modal = bot.discord.lastCallback().body().getObject("data");
        assertThat(bot.discord.lastCallback().callbackType()).isEqualTo(DiscordTester.CALLBACK_MODAL);
        assertThat(modal.getString("custom_id")).isEqualTo(met);
        assertThat(modal.getString("title")).isEqualTo("We met");
        DataObject label = modal.getArray("components").getObject(0);
        assertThat(label.getString("label")).isEqualTo("What did you learn about Ben?");

        // WHEN she submits it from the DM
        bot.submitInDm(ANA, met, "Training for a marathon #running");

        // THEN the note is saved about Ben in her list, and the round counts them as met
        assertThat(bot.discord.lastMessage().embedText())
                .contains("Saved what you learned")
                .contains("You now know 1 thing about Ben.");
        assertThat(bot.slash("contact", Map.of("who", "Ben")).embedText()).contains("Training for a marathon");
        assertThat(bot.slash(BEN, MEMBER_RIGHTS, "intro", List.of("rounds", "status"), Map.of())
                        .embedText())
                .contains("Met: 1 of 1");
    }

    @Test
    void discordListsNoChannelMembersSoOnlyThoseWhoJoinedArePaired() {
        assertThat(DiscordBot.channelMembers().members("discord", "", "910000000000000001"))
                .isEmpty();
        bot.slash(ANA, MEMBER_RIGHTS, "intro", List.of("rounds", "join"), Map.of());
        bot.slash(ANA, MANAGER_RIGHTS, "intro", List.of("rounds", "now"), Map.of());

        // Ana alone makes no pair: no round, no DM
        assertThat(engine().tick(TestBot.CLOCK.instant())).isEqualTo(new IntroRounds.Tick(0, 0, 0, 0));
        assertThat(dmTo(ANA)).isEmpty();
    }

    @Test
    void notYetAndSkipFromADirectMessageAnswerAtOnce() {
        pairAnaAndBen();
        engine().tick(TestBot.CLOCK.instant().plus(IntroRounds.CHECK_IN_AFTER));
        List<String> bens = dmTo(BEN).get(1).customIds();

        bot.pressInDm(BEN, bens.get(1));

        assertThat(bot.discord.lastMessage().embedText()).contains("No rush. When you and Ana meet");
        // Ana cannot answer Ben's check-in
        bot.pressInDm(ANA, bens.get(2));
        assertThat(bot.discord.lastMessage().embedText()).contains("That button is out of date.");
    }

    @Test
    void weMetAfterARestartStillOpensItsOwnModal() {
        pairAnaAndBen();
        engine().tick(TestBot.CLOCK.instant().plus(IntroRounds.CHECK_IN_AFTER));
        String met = dmTo(ANA).get(1).customIds().get(0);
        // A process that never drew the button
        InteractionRouter fresh = bot.freshRouter();
        Map<String, String> values = ANA.values();
        values.put("customId", met);

        bot.deliver(fresh, bot.discord.button("button-click-in-dm.json", values));

        DataObject modal = bot.discord.lastCallback().body().getObject("data");
        assertThat(modal.getString("title")).isEqualTo("We met");
        assertThat(modal.getArray("components")
                        .getObject(0)
                        .getObject("component")
                        .getBoolean("required"))
                .isFalse();
    }

    @Test
    void theIntroducersCheckInButtonsWorkInADirectMessage() {
        introduce();

        bot.pressInDm(ANA, "ichk:yes:1");

        assertThat(bot.discord.lastMessage().embedText()).contains("Good to hear Marc Kelly and Zoë connected.");
        bot.pressInDm(BEN, "ichk:drop:1");
        assertThat(bot.discord.lastMessage().embedText()).contains("That button is out of date.");
    }

    @Test
    void introsAndRoundsInADirectMessageAreRefusedWithWhereToRunThem() {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("a", MARC);
        options.put("b", ZOE);
        options.put("why", "you both sail");

        DiscordTester.Sent intro = bot.slashInDm(ANA, "intro", List.of("people"), options);
        DiscordTester.Sent rounds = bot.slashInDm(ANA, "intro", List.of("rounds", "join"), Map.of());

        assertThat(bot.discord.isPrivate(intro)).isTrue();
        assertThat(intro.embedText()).contains("Introductions happen in a team channel");
        assertThat(rounds.embedText()).contains("Pairing rounds belong to a team channel");
    }

    @Test
    void aBotIsNotIntroduced() {
        TestBot.Person helper = new TestBot.Person("500000000000000009", "helper", "Helper", true);
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("a", MARC);
        options.put("b", helper);
        options.put("why", "you both sail");

        DiscordTester.Sent reply = bot.slash(ANA, MEMBER_RIGHTS, "intro", List.of("people"), options);

        assertThat(bot.discord.isPrivate(reply)).isTrue();
        assertThat(reply.embedText()).contains("Rapport introduces people, not bots");
    }

    @Test
    void introWithNothingDueExplainsHowToIntroduce() {
        assertThat(bot.slash(ANA, MEMBER_RIGHTS, "intro", List.of("checkins"), Map.of())
                        .embedText())
                .contains("introduce two people");
    }

    private DiscordTester.Sent introduce() {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("a", MARC);
        options.put("b", ZOE);
        options.put("why", WHY);
        return bot.slash(ANA, MEMBER_RIGHTS, "intro", List.of("people"), options);
    }

    private void pairAnaAndBen() {
        bot.slash(ANA, MEMBER_RIGHTS, "intro", List.of("rounds", "join"), Map.of());
        bot.slash(BEN, MEMBER_RIGHTS, "intro", List.of("rounds", "join"), Map.of());
        bot.slash(ANA, MANAGER_RIGHTS, "intro", List.of("rounds", "now"), Map.of());
        assertThat(engine().tick(TestBot.CLOCK.instant()).sent()).isEqualTo(2);
    }

    /** The round engine with Discord's messenger (drawing buttons with the router's prompts, as the bot does). */
    private IntroRounds engine() {
        bot.discord.answer("POST users/@me/channels", 200, "dm-channel-opened.json", Map.of("userId", ANA.id()));
        bot.discord.answer("POST channels/" + DM_CHANNEL + "/messages", 200, "dm-message-created.json", Map.of());
        DiscordMessenger messenger =
                new DiscordMessenger(bot.discord.jda, new DiscordReplyRenderer(), Duration.ofSeconds(5));
        return bot.core.rounds(bot.core.delivery(List.of(messenger)), DiscordBot.channelMembers(), new Random(7));
    }

    /** The direct messages sent to a user: each message follows the opening of that user's private channel. */
    private List<DiscordTester.Sent> dmTo(TestBot.Person person) {
        List<DiscordTester.Sent> sent = bot.discord.sent();
        List<DiscordTester.Sent> messages = new ArrayList<>();
        for (int i = 0; i + 1 < sent.size(); i++) {
            if (sent.get(i).route().equals("users/@me/channels")
                    && sent.get(i).body().getString("recipient_id").equals(person.id())) {
                messages.add(sent.get(i + 1));
            }
        }
        return messages;
    }

    private static List<String> labels(DiscordTester.Sent sent) {
        List<String> labels = new ArrayList<>();
        DataArray rows = sent.message().getArray("components");
        for (int r = 0; r < rows.length(); r++) {
            DataArray buttons = rows.getObject(r).getArray("components");
            for (int b = 0; b < buttons.length(); b++) {
                labels.add(buttons.getObject(b).getString("label"));
            }
        }
        return labels;
    }
}
