package dev.rapport.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.slack.api.app_backend.SlackSignature;
import dev.rapport.core.api.Rapport;
import dev.rapport.core.assembly.CoreAssembly;
import dev.rapport.core.inbox.InboxWorkers;
import dev.rapport.core.port.Storage;
import dev.rapport.core.testing.OpenStorage;
import dev.rapport.core.testing.TestStorage;
import dev.rapport.http.HttpFront;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Rapport on Slack in HTTP mode against the fake Web API: a real store (SQLite) with the real migrations, a fixed
 * clock, and signed requests built from Slack-shaped fixtures, posted to the adapter's own HTTP server.
 */
final class SlackTestBed implements AutoCloseable {
    static final String BOT_TOKEN = "xoxb-0000000000-0000000000000-test0000000000000000";
    static final String SIGNING_SECRET = "0123456789abcdef0123456789abcdef";
    static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");
    static final String TEAM = "T0RAPPORT1";
    static final String ANA = "U0ANA00001";
    static final String BEA = "U0BEA00002";
    static final String CARL = "U0CARL0003";
    static final String CHANNEL = "C0GENERAL1";

    final FakeSlackWebApi slack;
    final OpenStorage store;
    final Storage storage;
    final CoreAssembly core;
    final Rapport rapport;
    final SlackAdapter adapter;
    final InboxWorkers inbox;
    final HttpFront front;
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicInteger responses = new AtomicInteger();
    private final AtomicInteger triggers = new AtomicInteger();

    private SlackTestBed(Path dir, boolean workersRunning) throws Exception {
        slack = FakeSlackWebApi.start();
        slack.member(ANA, "ana", "Ana Lima", "Ana", "Europe/Lisbon");
        slack.member(BEA, "bea", "Bea Santos", "Bea Santos", "America/New_York");
        store = TestStorage.open(dir);
        storage = store.storage();
        core = CoreAssembly.over(Clock.fixed(NOW, ZoneOffset.UTC), storage);
        rapport = core.rapport();
        SlackSettings settings = new SlackSettings(
                BOT_TOKEN, Optional.empty(), Optional.of(SIGNING_SECRET), 0, Optional.of(slack.apiUrl()));
        inbox = core.inbox(2);
        adapter = SlackAdapter.create(settings, rapport, inbox);
        front = HttpFront.create(HttpFront.Settings.on("127.0.0.1", 0));
        adapter.mount(front);
        adapter.start();
        front.start();
        if (workersRunning) {
            inbox.start();
        }
    }

    static SlackTestBed start(Path dir) throws Exception {
        return new SlackTestBed(dir, true);
    }

    /** A bed whose inbox workers are not running: requests wait in the inbox until {@code inbox.drain()}. */
    static SlackTestBed held(Path dir) throws Exception {
        return new SlackTestBed(dir, false);
    }

    /** A fresh response_url on the fake, so each answer can be awaited by name. */
    String newResponseUrl() {
        return slack.responseUrl("r" + responses.incrementAndGet());
    }

    static String nameOf(String responseUrl) {
        return responseUrl.substring(responseUrl.indexOf("/response/") + 1);
    }

    // ---- slash commands

    HttpResponse<String> command(String command, String text, String responseUrl) {
        return commandAs(ANA, "ana", command, text, responseUrl);
    }

    HttpResponse<String> commandAs(String userId, String userName, String command, String text, String responseUrl) {
        return commandIn(CHANNEL, "general", userId, userName, command, text, responseUrl);
    }

    /** A command typed in a given conversation: a channel, or Ana's DM with Rapport ("directmessage"). */
    HttpResponse<String> commandIn(
            String channelId,
            String channelName,
            String userId,
            String userName,
            String command,
            String text,
            String responseUrl) {
        String body = Fixtures.filled(
                "slack/slash_command.form",
                Map.of(
                        "channel_id",
                        channelId,
                        "channel_name",
                        channelName,
                        "user_id",
                        userId,
                        "user_name",
                        userName,
                        "command",
                        encode("/" + command),
                        "text",
                        encode(text),
                        "response_url",
                        encode(responseUrl),
                        "trigger_id",
                        nextTrigger()));
        return post(body, "application/x-www-form-urlencoded");
    }

    /** Types a command as Ana, checks the empty acknowledgement, and returns what arrives at the response_url. */
    JsonObject answer(String command, String text) {
        return answerAs(ANA, "ana", command, text);
    }

    /** Types a command as someone else in the workspace. */
    JsonObject answerAs(String userId, String userName, String command, String text) {
        String responseUrl = newResponseUrl();
        HttpResponse<String> ack = commandAs(userId, userName, command, text, responseUrl);
        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(ack.body()).isEmpty();
        return slack.await(nameOf(responseUrl)).json();
    }

    // ---- buttons and modals

    /** Clicks a button of a rendered message (as Slack would send it back) and returns the answer. */
    HttpResponse<String> click(JsonObject button, String responseUrl) {
        JsonObject payload = Fixtures.json("slack/block_actions.json");
        payload.addProperty("response_url", responseUrl);
        fillAction(payload, button);
        return postPayload(payload);
    }

    /** Someone else clicks a button on a message in the channel (an intro post everyone sees). */
    HttpResponse<String> clickAs(String userId, String userName, JsonObject button, String responseUrl) {
        JsonObject payload = Fixtures.json("slack/block_actions.json");
        payload.addProperty("response_url", responseUrl);
        JsonObject user = payload.getAsJsonObject("user");
        user.addProperty("id", userId);
        user.addProperty("username", userName);
        user.addProperty("name", userName);
        JsonObject container = payload.getAsJsonObject("container");
        container.addProperty("is_ephemeral", false);
        fillAction(payload, button);
        return postPayload(payload);
    }

    /** Ana clicks a button of a message Rapport sent to her DM (a round's check-in), as Slack sends it back. */
    HttpResponse<String> clickInDm(JsonObject button, String responseUrl) {
        JsonObject payload = Fixtures.json("slack/block_actions_im.json");
        payload.addProperty("response_url", responseUrl);
        fillAction(payload, button);
        return postPayload(payload);
    }

    JsonObject clickAndAnswer(JsonObject button) {
        String responseUrl = newResponseUrl();
        HttpResponse<String> ack = click(button, responseUrl);
        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(ack.body()).isEmpty();
        return slack.await(nameOf(responseUrl)).json();
    }

    HttpResponse<String> clickOnHome(JsonObject button) {
        JsonObject payload = Fixtures.json("slack/block_actions_home.json");
        fillAction(payload, button);
        return postPayload(payload);
    }

    HttpResponse<String> submitModal(String privateMetadata, String input) {
        return submitModalAs(ANA, "ana", privateMetadata, input);
    }

    HttpResponse<String> submitModalAs(String userId, String userName, String privateMetadata, String input) {
        JsonObject payload = Fixtures.json("slack/view_submission.json");
        JsonObject user = payload.getAsJsonObject("user");
        user.addProperty("id", userId);
        user.addProperty("username", userName);
        user.addProperty("name", userName);
        JsonObject view = payload.getAsJsonObject("view");
        view.addProperty("private_metadata", privateMetadata);
        view.getAsJsonObject("state")
                .getAsJsonObject("values")
                .getAsJsonObject(PromptModal.BLOCK_ID)
                .getAsJsonObject(PromptModal.INPUT_ID)
                .addProperty("value", input);
        return postPayload(payload);
    }

    /**
     * Ana submits a file modal with one file chosen, as Slack sends it: the file's name, the size Slack tells, and
     * where Slack keeps it ({@code url_private_download}, and {@code url_private} beside it).
     */
    HttpResponse<String> submitFile(String privateMetadata, String fileName, String downloadUrl, long size) {
        JsonObject payload = Fixtures.json("slack/view_submission_file.json");
        JsonObject view = payload.getAsJsonObject("view");
        view.addProperty("private_metadata", privateMetadata);
        JsonObject file = view.getAsJsonObject("state")
                .getAsJsonObject("values")
                .getAsJsonObject(FileModal.BLOCK_ID)
                .getAsJsonObject(FileModal.INPUT_ID)
                .getAsJsonArray("files")
                .get(0)
                .getAsJsonObject();
        file.addProperty("name", fileName);
        file.addProperty("title", fileName);
        file.addProperty("size", size);
        file.addProperty("url_private", downloadUrl.replace("/download/", "/"));
        file.addProperty("url_private_download", downloadUrl);
        return postPayload(payload);
    }

    HttpResponse<String> openHome() {
        return post(Fixtures.text("slack/app_home_opened.json"), "application/json");
    }

    private static void fillAction(JsonObject payload, JsonObject button) {
        JsonObject action = payload.getAsJsonArray("actions").get(0).getAsJsonObject();
        action.addProperty("action_id", button.get("action_id").getAsString());
        action.addProperty("value", button.get("value").getAsString());
        action.getAsJsonObject("text").addProperty("text", label(button));
    }

    /** A trigger id of its own, as Slack gives every request one. */
    String nextTrigger() {
        return "13345224609.738474920." + String.format("%019d", triggers.incrementAndGet());
    }

    /** The trigger id of the request sent last. */
    String lastTrigger() {
        return "13345224609.738474920." + String.format("%019d", triggers.get());
    }

    /** Posts an interaction payload as Slack would, with ids of its own (see {@link #postExactly} for a replay). */
    HttpResponse<String> postPayload(JsonObject payload) {
        // Each request Slack sends has its own ids: the trigger, the click's action_ts, the modal's view id.
        payload.addProperty("trigger_id", nextTrigger());
        if (payload.has("actions")) {
            payload.getAsJsonArray("actions")
                    .get(0)
                    .getAsJsonObject()
                    .addProperty("action_ts", "1764061263." + triggers.get());
        }
        if (payload.has("view") && "view_submission".equals(payload.get("type").getAsString())) {
            payload.getAsJsonObject("view").addProperty("id", "V0MODAL" + triggers.get());
        }
        return postExactly(payload);
    }

    /** Posts the payload as it is, ids included (a replay or a retry). */
    HttpResponse<String> postExactly(JsonObject payload) {
        return post("payload=" + encode(payload.toString()), "application/x-www-form-urlencoded");
    }

    // ---- HTTP

    HttpResponse<String> post(String body, String contentType) {
        long timestamp = Instant.now().getEpochSecond();
        return post(body, contentType, timestamp, sign(SIGNING_SECRET, timestamp, body));
    }

    HttpResponse<String> post(String body, String contentType, long timestamp, String signature) {
        HttpRequest request = HttpRequest.newBuilder(eventsUri())
                .header("Content-Type", contentType)
                .header(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP, String.valueOf(timestamp))
                .header(SlackSignature.HeaderNames.X_SLACK_SIGNATURE, signature)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    URI eventsUri() {
        return URI.create("http://127.0.0.1:" + front.port() + SlackEvents.PATH);
    }

    static String sign(String secret, long timestamp, String body) {
        return new SlackSignature.Generator(secret).generate(String.valueOf(timestamp), body);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    // ---- reading rendered messages

    /** The blocks of a response_url answer or of a form parameter such as chat.postMessage's "blocks". */
    static JsonArray blocks(JsonObject message) {
        return message.getAsJsonArray("blocks");
    }

    static List<JsonObject> buttons(JsonArray blocks) {
        List<JsonObject> buttons = new ArrayList<>();
        for (JsonElement block : blocks) {
            JsonObject object = block.getAsJsonObject();
            if (object.get("type").getAsString().equals("actions")) {
                object.getAsJsonArray("elements").forEach(e -> buttons.add(e.getAsJsonObject()));
            }
        }
        return buttons;
    }

    static JsonObject button(JsonObject message, String label) {
        return buttons(blocks(message)).stream()
                .filter(button -> label(button).equals(label))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No button " + label + " in " + message));
    }

    static String label(JsonObject button) {
        return button.getAsJsonObject("text").get("text").getAsString();
    }

    /** Every text a person can see in the blocks, joined by new lines. */
    static String visibleText(JsonArray blocks) {
        List<String> texts = new ArrayList<>();
        collectTexts(blocks, texts);
        return String.join("\n", texts);
    }

    static List<String> texts(JsonArray blocks) {
        List<String> texts = new ArrayList<>();
        collectTexts(blocks, texts);
        return texts;
    }

    private static void collectTexts(JsonElement element, List<String> out) {
        if (element.isJsonArray()) {
            element.getAsJsonArray().forEach(child -> collectTexts(child, out));
        } else if (element.isJsonObject()) {
            JsonObject object = element.getAsJsonObject();
            JsonElement type = object.get("type");
            if (type != null
                    && (type.getAsString().equals("mrkdwn")
                            || type.getAsString().equals("plain_text"))
                    && object.has("text")) {
                out.add(object.get("text").getAsString());
            }
            object.entrySet().forEach(entry -> collectTexts(entry.getValue(), out));
        }
    }

    @Override
    public void close() throws Exception {
        front.close();
        inbox.stop(java.time.Duration.ofSeconds(5));
        adapter.close();
        slack.close();
        store.close();
    }
}
