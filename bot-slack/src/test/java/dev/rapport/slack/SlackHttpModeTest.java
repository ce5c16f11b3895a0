package dev.rapport.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlackHttpModeTest {
    @TempDir
    Path dir;

    SlackTestBed bed;
    String help;

    @BeforeEach
    void start() throws Exception {
        bed = SlackTestBed.start(dir);
        help = Fixtures.filled(
                "slack/slash_command.form",
                Map.of(
                        "channel_id",
                        SlackTestBed.CHANNEL,
                        "channel_name",
                        "general",
                        "user_id",
                        SlackTestBed.ANA,
                        "user_name",
                        "ana",
                        "command",
                        SlackTestBed.encode("/help"),
                        "text",
                        "",
                        "response_url",
                        SlackTestBed.encode(bed.newResponseUrl())));
    }

    @AfterEach
    void stop() throws Exception {
        bed.close();
    }

    @Test
    void aRequestSignedWithAnotherSecretIsRefusedWith401() {
        // GIVEN a request signed with the wrong secret
        long now = Instant.now().getEpochSecond();
        String signature = SlackTestBed.sign("ffffffffffffffffffffffffffffffff", now, help);

        // WHEN it reaches /slack/events
        HttpResponse<String> response = bed.post(help, "application/x-www-form-urlencoded", now, signature);

        // THEN it is refused and core never hears of it
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(bed.slack.calls()).noneMatch(call -> call.name().startsWith("response/"));
    }

    @Test
    void aCorrectlySignedButStaleRequestIsRefusedWith401() {
        // GIVEN a request signed ten minutes ago (a replay)
        long tenMinutesAgo = Instant.now().getEpochSecond() - 600;
        String signature = SlackTestBed.sign(SlackTestBed.SIGNING_SECRET, tenMinutesAgo, help);

        // WHEN it reaches /slack/events
        HttpResponse<String> response = bed.post(help, "application/x-www-form-urlencoded", tenMinutesAgo, signature);

        // THEN it is refused
        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void aTamperedBodyIsRefusedWith401() {
        // GIVEN a signature of one body sent with another
        long now = Instant.now().getEpochSecond();
        String signature = SlackTestBed.sign(SlackTestBed.SIGNING_SECRET, now, help);

        // WHEN the body is changed on the way
        HttpResponse<String> response =
                bed.post(help.replace("%2Fhelp", "%2Fforget"), "application/x-www-form-urlencoded", now, signature);

        // THEN it is refused
        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void slacksUrlVerificationChallengeIsAnswered() {
        // WHEN Slack checks the Request URL while the app is being set up
        HttpResponse<String> response = bed.post(
                "{\"token\":\"gIkuvaNzQIHg97ATvDxqgjtO\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\",\"type\":\"url_verification\"}",
                "application/json");

        // THEN the challenge is echoed
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
    }

    String helpWithTrigger(String trigger, String responseUrl) {
        return Fixtures.filled(
                "slack/slash_command.form",
                Map.of(
                        "channel_id",
                        SlackTestBed.CHANNEL,
                        "channel_name",
                        "general",
                        "user_id",
                        SlackTestBed.ANA,
                        "user_name",
                        "ana",
                        "command",
                        SlackTestBed.encode("/remember"),
                        "text",
                        SlackTestBed.encode("Marc Kelly: met at the mixer"),
                        "response_url",
                        SlackTestBed.encode(responseUrl),
                        "trigger_id",
                        trigger));
    }

    @Test
    void theSameSignedRequestSentThreeTimesAndRetriedBySlackRunsOnce() throws Exception {
        // GIVEN one signed /remember
        String responseUrl = bed.newResponseUrl();
        String body = helpWithTrigger("1111.2222.replayed", responseUrl);
        long now = Instant.now().getEpochSecond();
        String signature = SlackTestBed.sign(SlackTestBed.SIGNING_SECRET, now, body);

        // WHEN it is replayed as it is, and Slack retries it (X-Slack-Retry-Num)
        for (int i = 0; i < 3; i++) {
            assertThat(bed.post(body, "application/x-www-form-urlencoded", now, signature)
                            .statusCode())
                    .isEqualTo(200);
        }
        HttpResponse<String> retry = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(bed.eventsUri())
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .header("X-Slack-Request-Timestamp", String.valueOf(now))
                                .header("X-Slack-Signature", signature)
                                .header("X-Slack-Retry-Num", "1")
                                .header("X-Slack-Retry-Reason", "http_timeout")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(retry.statusCode()).isEqualTo(200);

        // THEN it was stored and answered once, and Marc has one note
        bed.slack.await(SlackTestBed.nameOf(responseUrl));
        assertThat(bed.store.rows("inbox")).as("one inbox row for four sends").isEqualTo(1);
        assertThat(bed.storage.inbox().find("slack:1111.2222.replayed")).isPresent();
        assertThat(bed.storage.inbox().pending()).isEmpty();
        assertThat(bed.answer("contact", "marc").toString()).contains("met at the mixer");
        assertThat(bed.storage
                        .notes()
                        .counts(bed.rapport
                                .user(dev.rapport.core.api.Requester.of(
                                        "slack", SlackTestBed.TEAM, SlackTestBed.ANA, "ana"))
                                .id())
                        .values())
                .singleElement()
                .satisfies(counts -> assertThat(counts.notes()).isEqualTo(1));
        assertThat(bed.slack.calls(SlackTestBed.nameOf(responseUrl))).hasSize(1);
    }

    @Test
    void timestampsMoreThanFiveMinutesAheadOrBehindAreRefused() {
        long now = Instant.now().getEpochSecond();
        for (long skew : new long[] {6 * 60, -6 * 60, 100L * 365 * 24 * 3600}) {
            long at = now + skew;
            String signature = SlackTestBed.sign(SlackTestBed.SIGNING_SECRET, at, help);

            assertThat(bed.post(help, "application/x-www-form-urlencoded", at, signature)
                            .statusCode())
                    .as("skew %d s", skew)
                    .isEqualTo(401);
        }
        long slightlyAhead = now + 60;
        assertThat(bed.post(
                                help,
                                "application/x-www-form-urlencoded",
                                slightlyAhead,
                                SlackTestBed.sign(SlackTestBed.SIGNING_SECRET, slightlyAhead, help))
                        .statusCode())
                .isEqualTo(200);
        assertThat(bed.storage.inbox().pending().size() + bed.slack.calls().size())
                .isPositive();
    }

    @Test
    void anUnsignedBodyIsRefusedWithOneShortLogLineThatNeverShowsTheBody() throws Exception {
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged =
                new ch.qos.logback.core.read.ListAppender<>();
        logged.start();
        ch.qos.logback.classic.Logger root =
                (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(logged);
        try {
            String forged = "token=x&text=hello%0A12:00:00 INFO forged line&secret=do-not-log";
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(bed.eventsUri())
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString(forged))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(logged.list)
                    .singleElement()
                    .satisfies(event -> assertThat(event.getFormattedMessage())
                            .isEqualTo("Refused POST /slack/events from 127.0.0.1: 401 unsigned"));
        } finally {
            root.detachAppender(logged);
        }
    }

    @Test
    void aSignedMalformedPayloadIsAnswered400() {
        String body = "payload=%7Bnot+json";
        long now = Instant.now().getEpochSecond();

        HttpResponse<String> response = bed.post(
                body,
                "application/x-www-form-urlencoded",
                now,
                SlackTestBed.sign(SlackTestBed.SIGNING_SECRET, now, body));

        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void tenMebibytesAreRefusedWith413() throws Exception {
        try (java.net.Socket socket =
                new java.net.Socket("127.0.0.1", bed.eventsUri().getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write(("POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                    + "Content-Length: " + (10 << 20) + "\r\n\r\n")
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String status = new String(
                            socket.getInputStream().readNBytes(32), java.nio.charset.StandardCharsets.US_ASCII)
                    .lines()
                    .findFirst()
                    .orElse("");

            assertThat(status).isEqualTo("HTTP/1.1 413 Payload Too Large");
        }
    }

    @Test
    void onlyPostIsServed() throws Exception {
        // WHEN something GETs the endpoint
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(bed.eventsUri()).GET().build(), HttpResponse.BodyHandlers.ofString());

        // THEN it is turned away
        assertThat(response.statusCode()).isEqualTo(405);
    }
}
