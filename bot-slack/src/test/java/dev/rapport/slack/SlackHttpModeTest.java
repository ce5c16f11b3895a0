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

    @Test
    void onlyPostIsServed() throws Exception {
        // WHEN something GETs the endpoint
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(bed.eventsUri()).GET().build(), HttpResponse.BodyHandlers.ofString());

        // THEN it is turned away
        assertThat(response.statusCode()).isEqualTo(405);
    }
}
