package dev.rapport.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.rapport.core.api.CommandRequest;
import dev.rapport.core.api.Requester;
import dev.rapport.core.domain.UserKey;
import dev.rapport.core.port.DirectMessenger;
import dev.rapport.core.reply.Reply;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlackMessengerTest {
    private static final UserKey ANA = new UserKey("slack", SlackTestBed.TEAM, SlackTestBed.ANA);

    @TempDir
    Path dir;

    SlackTestBed bed;
    DirectMessenger messenger;

    @BeforeEach
    void start() throws Exception {
        bed = SlackTestBed.start(dir);
        messenger = bed.adapter.messenger();
    }

    @AfterEach
    void stop() throws Exception {
        bed.close();
    }

    @Test
    void aDigestIsDeliveredAsADirectMessageWithButtonsPerPersonAndItsDedupeKey() {
        // GIVEN today's digest for Ana, with two people due
        bed.answer("remember", "Marc Kelly: met at the SYPE mixer");
        bed.answer("remember", "Zoë Park: climbing partner");
        bed.answer("followup", "marc today");
        bed.answer("followup", "zoe today");
        Reply digest = bed.rapport.handle(
                CommandRequest.of(Requester.of("slack", SlackTestBed.TEAM, SlackTestBed.ANA, "Ana"), "today", ""));

        // WHEN core sends it
        DirectMessenger.Delivery delivery = messenger.send(ANA, digest, "digest:1:2026-11-25");

        // THEN it went to Ana's DM, one actions block per person, with the dedupe key in the metadata
        assertThat(delivery).isEqualTo(new DirectMessenger.Sent());
        assertThat(bed.slack.await("conversations.open").form().get("users")).isEqualTo(SlackTestBed.ANA);
        FakeSlackWebApi.Call post = bed.slack.await("chat.postMessage");
        assertThat(post.form().get("channel")).isEqualTo("D0ANA00001");
        JsonArray blocks = post.formJson("blocks").getAsJsonArray();
        long actionBlocks = blocks.asList().stream()
                .filter(b -> b.getAsJsonObject().get("type").getAsString().equals("actions"))
                .count();
        assertThat(actionBlocks).isEqualTo(2);
        assertThat(SlackTestBed.buttons(blocks))
                .extracting(SlackTestBed::label)
                .containsExactly(
                        "Done",
                        "Snooze 1 day",
                        "Snooze 1 week",
                        "Add note",
                        "Done",
                        "Snooze 1 day",
                        "Snooze 1 week",
                        "Add note");
        assertThat(SlackTestBed.buttons(blocks))
                .extracting(b -> b.get("action_id").getAsString())
                .doesNotHaveDuplicates();
        assertThat(SlackTestBed.visibleText(blocks)).contains("Marc Kelly").contains("Zoë Park");
        JsonObject metadata = post.formJson("metadata").getAsJsonObject();
        assertThat(metadata.get("event_type").getAsString()).isEqualTo(SlackMessenger.METADATA_EVENT);
        assertThat(metadata.getAsJsonObject("event_payload").get("key").getAsString())
                .isEqualTo("digest:1:2026-11-25");
        assertThat(post.form().get("text")).contains("2 people to get back to today");
    }

    @Test
    void aRateLimitSaysWhenToRetryAndTheNextSendSucceeds() {
        // GIVEN Slack rate-limits the next message with Retry-After: 7
        bed.slack.answerOnce(
                "chat.postMessage", 429, Map.of("Retry-After", "7"), Fixtures.text("web-api/ratelimited.json"));

        // WHEN core sends twice
        DirectMessenger.Delivery first = messenger.send(ANA, Reply.text("Hello"), "check-in:1");
        DirectMessenger.Delivery second = messenger.send(ANA, Reply.text("Hello"), "check-in:1");

        // THEN the first is to be retried after exactly that wait, and the second is delivered
        assertThat(first).isEqualTo(new DirectMessenger.RetryLater(Duration.ofSeconds(7), "ratelimited"));
        assertThat(second).isEqualTo(new DirectMessenger.Sent());
        assertThat(bed.slack.calls("chat.postMessage")).hasSize(2);
    }

    @Test
    void theDirectMessageChannelIsOpenedOnceAndReopenedWhenSlackSaysItIsGone() {
        // GIVEN two messages to Ana, then a third after her DM channel vanished
        messenger.send(ANA, Reply.text("One"), "check-in:1");
        messenger.send(ANA, Reply.text("Two"), "check-in:2");
        assertThat(bed.slack.calls("conversations.open")).hasSize(1);
        bed.slack.answerOnce("chat.postMessage", 200, Map.of(), "{\"ok\":false,\"error\":\"channel_not_found\"}");

        // WHEN core sends again
        DirectMessenger.Delivery third = messenger.send(ANA, Reply.text("Three"), "check-in:3");

        // THEN the channel was opened afresh and the message delivered, not Ana marked unreachable
        assertThat(third).isEqualTo(new DirectMessenger.Sent());
        assertThat(bed.slack.calls("conversations.open")).hasSize(2);
        assertThat(bed.slack.calls("chat.postMessage")).hasSize(4);
    }

    @Test
    void aServerErrorIsRetriedLater() {
        // GIVEN Slack answers 503 once
        bed.slack.answerOnce("conversations.open", 503, Map.of(), "upstream trouble");

        // WHEN core sends
        DirectMessenger.Delivery delivery = messenger.send(ANA, Reply.text("Hello"), "check-in:2");

        // THEN it is a passing failure
        assertThat(delivery).isInstanceOf(DirectMessenger.RetryLater.class);
        assertThat(((DirectMessenger.RetryLater) delivery).after()).isPositive();
    }

    @Test
    void aUserSlackCannotFindIsUnreachable() {
        // GIVEN a user who left the workspace
        bed.slack.unreachable("U0GONE0001");

        // WHEN core sends them a digest
        DirectMessenger.Delivery delivery =
                messenger.send(new UserKey("slack", SlackTestBed.TEAM, "U0GONE0001"), Reply.text("Hi"), "digest:9");

        // THEN they are marked unreachable and nothing is posted
        assertThat(delivery).isEqualTo(new DirectMessenger.Unreachable("user_not_found"));
        assertThat(bed.slack.calls("chat.postMessage")).isEmpty();
    }

    @Test
    void aDirectMessageTheBotMayNotSendIsUnreachable() {
        // GIVEN Slack refuses the message itself
        bed.slack.answerOnce("chat.postMessage", 200, Map.of(), "{\"ok\":false,\"error\":\"cannot_dm_bot\"}");

        // WHEN core sends
        DirectMessenger.Delivery delivery = messenger.send(ANA, Reply.text("Hi"), "digest:10");

        // THEN there is no point in trying again
        assertThat(delivery).isEqualTo(new DirectMessenger.Unreachable("cannot_dm_bot"));
    }

    @Test
    void aMessageFoundInTheDirectMessageByItsKeyWasAlreadySent() {
        // GIVEN a digest that reached Ana's DM (its key in the message metadata), then a few other messages
        assertThat(messenger.send(ANA, Reply.text("Your digest"), "digest:1:2026-11-25"))
                .isEqualTo(new DirectMessenger.Sent());
        messenger.send(ANA, Reply.text("Pairing"), "round:1:" + SlackTestBed.ANA + ":pair");

        // WHEN the outbox asks before re-sending after a crash
        boolean sent = messenger.alreadySent(ANA, "digest:1:2026-11-25");

        // THEN Slack's history of the DM, read with its metadata, shows it arrived
        assertThat(sent).isTrue();
        FakeSlackWebApi.Call history = bed.slack.await("conversations.history");
        assertThat(history.form().get("channel")).isEqualTo("D0ANA00001");
        assertThat(history.form().get("include_all_metadata")).isIn("true", "1");
        assertThat(Integer.parseInt(history.form().get("limit"))).isEqualTo(SlackMessenger.HISTORY_LOOKBACK);

        // AND another day's digest was not sent yet
        assertThat(messenger.alreadySent(ANA, "digest:1:2026-11-26")).isFalse();
    }

    @Test
    void aKeyThatOnlyAppearsOnSomeoneElsesMessageWasNotSent() {
        // GIVEN Ana's DM holds a message that is not the bot's, carrying the key anyway
        JsonObject notOurs = new JsonObject();
        notOurs.addProperty("type", "message");
        notOurs.addProperty("user", SlackTestBed.ANA);
        notOurs.addProperty("text", "digest:2:2026-11-25");
        notOurs.addProperty("ts", "1764061100.000100");
        JsonObject metadata = new JsonObject();
        metadata.addProperty("event_type", SlackMessenger.METADATA_EVENT);
        JsonObject payload = new JsonObject();
        payload.addProperty("key", "digest:2:2026-11-25");
        metadata.add("event_payload", payload);
        notOurs.add("metadata", metadata);
        bed.slack.historyMessage("D0ANA00001", notOurs);

        // THEN it does not count as our send
        assertThat(messenger.alreadySent(ANA, "digest:2:2026-11-25")).isFalse();
    }

    @Test
    void whenTheHistoryCannotBeReadTheMessageIsNotTakenForSent() {
        // GIVEN a sent digest, but Slack refuses the history (an app installed before im:history was added)
        messenger.send(ANA, Reply.text("Your digest"), "digest:3:2026-11-25");
        bed.slack.answerOnce(
                "conversations.history",
                200,
                Map.of(),
                "{\"ok\":false,\"error\":\"missing_scope\",\"needed\":\"im:history\"}");

        // THEN the answer is "not known to be sent", so the send goes ahead
        assertThat(messenger.alreadySent(ANA, "digest:3:2026-11-25")).isFalse();

        // AND when Slack answers again it is found
        assertThat(messenger.alreadySent(ANA, "digest:3:2026-11-25")).isTrue();
    }

    @Test
    void theMessengerDeliversToSlack() {
        assertThat(messenger.platform()).isEqualTo("slack");
    }
}
