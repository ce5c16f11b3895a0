package dev.rapport.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlackHomeTest {
    @TempDir
    Path dir;

    SlackTestBed bed;

    @BeforeEach
    void start() throws Exception {
        bed = SlackTestBed.start(dir);
    }

    @AfterEach
    void stop() throws Exception {
        bed.close();
    }

    @Test
    void openingTheHomeTabPublishesTheCircleAndUpcomingFollowUps() {
        // GIVEN Ana's circle with a follow-up next week
        bed.answer("remember", "Marc Kelly: met at the SYPE mixer");
        bed.answer("followup", "marc in 3 days about the job offer");

        // WHEN she opens Rapport's Home tab
        HttpResponse<String> ack = bed.openHome();

        // THEN the event is acknowledged and her Home view is published
        assertThat(ack.statusCode()).isEqualTo(200);
        FakeSlackWebApi.Call publish = bed.slack.await("views.publish");
        assertThat(publish.form().get("user_id")).isEqualTo(SlackTestBed.ANA);
        JsonObject view = publish.formJson("view").getAsJsonObject();
        assertThat(view.get("type").getAsString()).isEqualTo("home");
        JsonArray blocks = view.getAsJsonArray("blocks");
        assertThat(blocks.size()).isLessThanOrEqualTo(100);
        assertThat(SlackTestBed.visibleText(blocks))
                .contains("Your circle — 1 person")
                .contains("Marc Kelly")
                .contains("Next 14 days")
                .contains("job offer");
    }

    @Test
    void aNewUsersHomeTabInvitesThemToStart() {
        // WHEN someone who never used Rapport opens the Home tab
        bed.openHome();

        // THEN Home shows how to begin rather than an empty page
        JsonObject view = bed.slack.await("views.publish").formJson("view").getAsJsonObject();
        assertThat(SlackTestBed.visibleText(view.getAsJsonArray("blocks")))
                .contains("Your circle is empty")
                .contains("/help");
    }
}
