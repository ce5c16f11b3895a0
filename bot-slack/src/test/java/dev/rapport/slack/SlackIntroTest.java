package dev.rapport.slack;

import static dev.rapport.slack.SlackTestBed.ANA;
import static dev.rapport.slack.SlackTestBed.BEA;
import static dev.rapport.slack.SlackTestBed.CARL;
import static dev.rapport.slack.SlackTestBed.CHANNEL;
import static dev.rapport.slack.SlackTestBed.blocks;
import static dev.rapport.slack.SlackTestBed.button;
import static dev.rapport.slack.SlackTestBed.buttons;
import static dev.rapport.slack.SlackTestBed.visibleText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.rapport.core.intro.IntroRounds;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /intro on Slack: the channel post, its Remember button, pairing rounds and their check-in in a DM. */
class SlackIntroTest {
    static final String DEV = "U0DEV00004";
    static final String ADMIN = "U0ADMIN005";
    static final String RAPPORT = "U0BOT00001";
    private static final Pattern PINGS = Pattern.compile("<[@!#][^>]*>");

    @TempDir
    Path dir;

    SlackTestBed bed;

    @BeforeEach
    void start() throws Exception {
        bed = SlackTestBed.start(dir);
        bed.slack.member(CARL, "carl", "Carl Berg", "Carl", "Europe/Stockholm");
        bed.slack.member(DEV, "dev", "Dev Patel", "Dev", "Asia/Kolkata");
        bed.slack.admin(ADMIN, "root", "Ola Admin", "Europe/Oslo");
        bed.slack.bot(RAPPORT, "rapport");
        bed.slack.channel(CHANNEL, CARL);
    }

    @AfterEach
    void stop() throws Exception {
        bed.close();
    }

    @Test
    void anIntroIsPostedInTheChannelMentioningExactlyTheTwoPeople() {
        // WHEN Ana introduces Bea and Carl, typing @channel, @here and <b>love</b> & co. in her reason (as Slack sends
        // them with should_escape)
        JsonObject post = bed.answer(
                "intro",
                "<@" + BEA + "|bea> <@" + CARL
                        + "|carl> you both sail <!channel> and <!here> &amp; &lt;b&gt;love&lt;/b&gt;" + " Lisbon");

        // THEN the whole channel sees it
        assertThat(post.get("response_type").getAsString()).isEqualTo("in_channel");
        assertThat(post.get("replace_original").getAsBoolean()).isFalse();

        // AND the only things in it that Slack could turn into a ping are Bea's and Carl's mentions
        String everything = post.toString();
        assertThat(pings(everything)).containsOnly("<@" + BEA + ">", "<@" + CARL + ">");
        String shown = visibleText(blocks(post));
        assertThat(pings(shown)).containsExactly("<@" + BEA + ">", "<@" + CARL + ">");
        assertThat(pings(post.get("text").getAsString())).containsExactly("<@" + BEA + ">", "<@" + CARL + ">");
        assertThat(shown)
                .contains("Ana introduces <@" + BEA + "> and <@" + CARL + ">")
                .contains("you both sail @\u2060channel and @\u2060here &amp; &lt;b&gt;love&lt;/b&gt; Lisbon")
                .doesNotContain("<@" + ANA + ">")
                .doesNotContain("@here")
                .doesNotContain("@channel");

        // AND it has a Remember button for each of them
        assertThat(buttons(blocks(post)))
                .extracting(SlackTestBed::label)
                .containsExactly("Remember about Bea Santos", "Remember about Carl Berg");
    }

    @Test
    void anIntroWithoutTheSecondMentionIsExplainedPrivately() {
        // WHEN Ana forgets to mention the second person
        JsonObject answer = bed.answer("intro", "<@" + BEA + "|bea> and Carl should meet");

        // THEN only she sees why, and nobody is mentioned
        assertThat(answer.get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(visibleText(blocks(answer))).contains("Mention the second person");
        assertThat(pings(answer.toString())).isEmpty();
    }

    @Test
    void anIntroTypedInTheDirectMessageWithRapportIsSentToAChannel() {
        // WHEN Ana types /intro in her DM with Rapport
        String responseUrl = bed.newResponseUrl();
        bed.commandIn(
                "D0ANA00001",
                "directmessage",
                ANA,
                "ana",
                "intro",
                "<@" + BEA + "|bea> <@" + CARL + "|carl> you both sail",
                responseUrl);

        // THEN nothing is posted: she is told to run it in a channel
        JsonObject answer = bed.slack.await(SlackTestBed.nameOf(responseUrl)).json();
        assertThat(answer.get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(visibleText(blocks(answer))).contains("run /intro there");
        assertThat(pings(answer.toString())).isEmpty();
    }

    @Test
    void theRememberButtonSavesANoteInThePressersOwnListOnly() {
        // GIVEN Ana's intro of Bea and Carl in the channel
        JsonObject post = bed.answer("intro", "<@" + BEA + "|bea> <@" + CARL + "|carl> you both sail");

        // WHEN Dev, who reads the channel, presses "Remember about Bea Santos"
        String responseUrl = bed.newResponseUrl();
        HttpResponse<String> ack = bed.clickAs(DEV, "dev", button(post, "Remember about Bea Santos"), responseUrl);

        // THEN a modal asks what to remember
        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(ack.body()).isEmpty();
        JsonObject view = bed.slack.await("views.open").formJson("view").getAsJsonObject();
        assertThat(visibleText(view.getAsJsonArray("blocks"))).contains("What should you remember about Bea Santos?");
        // (empty keeps what the introducer said, so the input may be left empty)
        assertThat(view.getAsJsonArray("blocks")
                        .get(0)
                        .getAsJsonObject()
                        .get("optional")
                        .getAsBoolean())
                .isTrue();

        // WHEN he types a note and submits
        HttpResponse<String> closed = bed.submitModalAs(
                DEV, "dev", view.get("private_metadata").getAsString(), "Bea is training for a marathon");

        // THEN the answer reaches only him, where the button was
        assertThat(closed.statusCode()).isEqualTo(200);
        JsonObject saved = bed.slack.await(SlackTestBed.nameOf(responseUrl)).json();
        assertThat(saved.get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(visibleText(blocks(saved)))
                .contains("Saved in your own notes")
                .contains("Bea Santos");

        // AND the note is in Dev's own list
        assertThat(visibleText(blocks(bed.answerAs(DEV, "dev", "contact", "<@" + BEA + ">"))))
                .contains("Bea is training for a marathon");

        // AND nobody else's list changed: not the introducer's, not Bea's, not Carl's
        assertThat(visibleText(blocks(bed.answer("contact", "<@" + BEA + ">")))).doesNotContain("marathon");
        assertThat(visibleText(blocks(bed.answerAs(BEA, "bea", "contact", "<@" + CARL + ">"))))
                .doesNotContain("marathon");
        assertThat(visibleText(blocks(bed.answerAs(CARL, "carl", "contact", "<@" + BEA + ">"))))
                .contains("introduced by Ana")
                .doesNotContain("marathon");
    }

    @Test
    void turningRoundsOnIsRefusedToSomeoneWhoNeitherAdministersNorCreatedTheChannel() {
        // WHEN Bea (a member, not an admin; Carl created the channel) turns rounds on
        JsonObject refused = bed.answerAs(BEA, "bea", "intro", "rounds on every 2 weeks");

        // THEN she alone is told who can
        assertThat(refused.get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(visibleText(blocks(refused))).contains("Only people who can manage this channel");
        assertThat(bed.slack.calls("conversations.info")).hasSize(1);
        assertThat(bed.slack.calls("conversations.info").get(0).form().get("channel"))
                .isEqualTo(CHANNEL);
    }

    @Test
    void theChannelsCreatorTurnsRoundsOnForEveryone() {
        // WHEN Carl, who created the channel, turns rounds on
        JsonObject on = bed.answerAs(CARL, "carl", "intro", "rounds on every 2 weeks");

        // THEN the channel hears it
        assertThat(on.get("response_type").getAsString()).isEqualTo("in_channel");
        assertThat(visibleText(blocks(on))).contains("Carl turned on pairing rounds here: every 2 weeks");
        assertThat(pings(on.toString())).isEmpty();

        // AND anyone may read the status, without Rapport looking up rights again
        int lookups = bed.slack.calls("conversations.info").size();
        JsonObject status = bed.answerAs(BEA, "bea", "intro", "rounds status");
        assertThat(visibleText(blocks(status))).contains("on, every 2 weeks");
        assertThat(bed.slack.calls("conversations.info")).hasSize(lookups);
    }

    @Test
    void aWorkspaceAdminMayTurnRoundsOnAndOff() {
        // WHEN an admin, who did not create the channel, turns rounds on and then off
        JsonObject on = bed.answerAs(ADMIN, "root", "intro", "rounds on");
        JsonObject off = bed.answerAs(ADMIN, "root", "intro", "rounds off");

        // THEN both are announced in the channel
        assertThat(on.get("response_type").getAsString()).isEqualTo("in_channel");
        assertThat(visibleText(blocks(on))).contains("turned on pairing rounds");
        assertThat(off.get("response_type").getAsString()).isEqualTo("in_channel");
        assertThat(visibleText(blocks(off))).contains("turned off pairing rounds");
    }

    @Test
    void channelMembersArePagedThroughWithoutBotsDeactivatedAccountsOrRapport() {
        // GIVEN a channel whose members Slack lists in three pages, with Rapport, another bot and a deactivated account
        bed.slack.bot("U0OTHERBOT", "standup-bot");
        bed.slack.deactivated("U0GONE0001", "gone");
        bed.slack.channelMembers(
                CHANNEL, List.of(List.of(ANA, RAPPORT, "U0OTHERBOT"), List.of(BEA, CARL), List.of("U0GONE0001")));

        // WHEN pairing rounds ask who is in it
        var members = bed.adapter.channelMembers().members("slack", SlackTestBed.TEAM, CHANNEL);

        // THEN the people come back with their Slack display names
        assertThat(members)
                .extracting(m -> m.userId() + "=" + m.displayName())
                .containsExactly(ANA + "=Ana", BEA + "=Bea Santos", CARL + "=Carl");

        // AND every page was asked for by its cursor
        List<FakeSlackWebApi.Call> pages = bed.slack.calls("conversations.members");
        assertThat(pages).hasSize(3);
        assertThat(pages.get(0).form()).doesNotContainKey("cursor");
        assertThat(pages.get(1).form().get("cursor")).isEqualTo("dXNlcjpV1");
        assertThat(pages.get(2).form().get("cursor")).isEqualTo("dXNlcjpV2");

        // AND Rapport knew itself from auth.test without asking users.info
        assertThat(bed.slack.calls("users.info"))
                .extracting(call -> call.form().get("user"))
                .doesNotContain(RAPPORT);

        // AND another platform's or workspace's channel is not Slack's to list
        assertThat(bed.adapter.channelMembers().members("discord", SlackTestBed.TEAM, CHANNEL))
                .isEmpty();
        assertThat(bed.adapter.channelMembers().members("slack", "T0OTHER001", CHANNEL))
                .isEmpty();
    }

    @Test
    void aChannelSlackWillNotListMakesTheRoundWaitRatherThanRunEmpty() {
        // GIVEN a channel conversations.members cannot see (channel_not_found)
        // WHEN pairing rounds ask who is in it, THEN it is an error, not an empty channel
        assertThatThrownBy(() -> bed.adapter.channelMembers().members("slack", SlackTestBed.TEAM, "C0PRIVATE1"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("channel_not_found");
    }

    @Test
    void aMemberSlackCannotDescribeJustNowMakesTheListingWaitInsteadOfLeavingThemOut() {
        // GIVEN a channel of three, and Slack rate-limiting the second users.info
        bed.slack.channelMembers(CHANNEL, List.of(List.of(ANA, BEA, CARL)));
        bed.slack.answerOnce(
                "users.info",
                200,
                Map.of(),
                "{\"ok\":true,\"user\":{\"id\":\"" + ANA
                        + "\",\"name\":\"ana\",\"profile\":{\"display_name\":\"Ana\"}}}");
        bed.slack.answerOnce("users.info", 429, Map.of("Retry-After", "3"), Fixtures.text("web-api/ratelimited.json"));

        // WHEN pairing rounds ask who is in it, THEN the round is told to wait
        assertThatThrownBy(() -> bed.adapter.channelMembers().members("slack", SlackTestBed.TEAM, CHANNEL))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(BEA);

        // AND the next try lists everyone, without asking again about who it already knows
        int asked = bed.slack.calls("users.info").size();
        assertThat(bed.adapter.channelMembers().members("slack", SlackTestBed.TEAM, CHANNEL))
                .extracting(m -> m.userId())
                .containsExactly(ANA, BEA, CARL);
        assertThat(bed.slack.calls("users.info")).hasSize(asked + 2);
    }

    @Test
    void aRoundPairsTheChannelAndWeMetPressedInTheDirectMessageSavesWhatWasLearned() {
        // GIVEN rounds on in a channel of Ana, Bea and Rapport itself
        bed.slack.channelMembers(CHANNEL, List.of(List.of(ANA, RAPPORT, BEA)));
        assertThat(bed.answerAs(ADMIN, "root", "intro", "rounds on")
                        .get("response_type")
                        .getAsString())
                .isEqualTo("in_channel");
        IntroRounds rounds = bed.core.rounds(
                bed.core.delivery(List.of(bed.adapter.messenger())), bed.adapter.channelMembers(), new Random(7));

        // WHEN the round runs
        IntroRounds.Tick paired = rounds.tick(SlackTestBed.NOW);

        // THEN Ana and Bea each get a DM naming the other
        assertThat(paired.roundsStarted()).isEqualTo(1);
        assertThat(paired.sent()).isEqualTo(2);
        FakeSlackWebApi.Call toAna = postTo("D0ANA00001", 1);
        assertThat(visibleText(toAna.formJson("blocks").getAsJsonArray()))
                .contains("This round you're paired with <@" + BEA + ">");

        // WHEN a week later the check-in goes out
        IntroRounds.Tick checked = rounds.tick(SlackTestBed.NOW.plus(Duration.ofDays(7)));
        assertThat(checked.sent()).isEqualTo(2);
        FakeSlackWebApi.Call checkIn = postTo("D0ANA00001", 2);
        JsonArray checkInBlocks = checkIn.formJson("blocks").getAsJsonArray();
        assertThat(visibleText(checkInBlocks)).contains("Did you meet");
        JsonObject weMet = buttons(checkInBlocks).stream()
                .filter(b -> SlackTestBed.label(b).equals("We met"))
                .findFirst()
                .orElseThrow();

        // AND Ana presses "We met" in her DM with Rapport
        String responseUrl = bed.newResponseUrl();
        HttpResponse<String> ack = bed.clickInDm(weMet, responseUrl);

        // THEN a modal asks what she learned
        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(ack.body()).isEmpty();
        FakeSlackWebApi.Call open = bed.slack.await("views.open");
        assertThat(open.form().get("trigger_id")).isEqualTo(bed.lastTrigger());
        JsonObject view = open.formJson("view").getAsJsonObject();
        assertThat(visibleText(view.getAsJsonArray("blocks"))).contains("What did you learn about Bea Santos?");

        // WHEN she answers
        bed.submitModal(view.get("private_metadata").getAsString(), "Bea is moving to Porto in spring");

        // THEN she hears back in the DM, and the note is about Bea in her own list
        JsonObject answer = bed.slack.await(SlackTestBed.nameOf(responseUrl)).json();
        assertThat(answer.get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(visibleText(blocks(bed.answer("contact", "<@" + BEA + ">"))))
                .contains("Bea is moving to Porto in spring");

        // AND the channel's status counts the meeting
        assertThat(visibleText(blocks(bed.answer("intro", "rounds status")))).contains("1 of 1");
    }

    private FakeSlackWebApi.Call postTo(String channel, int nth) {
        for (int count = 1; ; count++) {
            FakeSlackWebApi.Call call = bed.slack.await("chat.postMessage", count);
            if (channel.equals(call.form().get("channel")) && --nth == 0) {
                return call;
            }
        }
    }

    private static List<String> pings(String text) {
        Matcher matcher = PINGS.matcher(text);
        return matcher.results().map(m -> m.group()).toList();
    }
}
