package dev.rapport.core.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.api.CommandRequest;
import dev.rapport.core.api.Mentioned;
import dev.rapport.core.api.Place;
import dev.rapport.core.api.Requester;
import dev.rapport.core.reply.Button;
import dev.rapport.core.reply.Reply;
import dev.rapport.core.testing.StorageSuite;
import dev.rapport.core.testing.TestRapport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The introducer's "Did A and B connect?" comes back in the digest a week later, between follow-ups and rhythms. */
@StorageSuite
class IntroCheckInDigestTest {
    @TempDir
    Path folder;

    TestRapport app;
    Requester ana = Requester.of("slack", "T1", "UANA", "Ana");

    @BeforeEach
    void start() {
        app = TestRapport.in(folder);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    void introduce() {
        Reply post = app.rapport.handle(CommandRequest.of(ana, "intro", "<@UBEA> <@UCARL> you both sail")
                .in(Place.teamChannel("C1"))
                .withMentions(Map.of("UBEA", Mentioned.person("Bea"), "UCARL", Mentioned.person("Carl"))));
        assertThat(post.isError()).as(post.plainText()).isFalse();
    }

    @Test
    void theCheckInIsDueAWeekLaterBetweenFollowUpsAndRhythms() {
        // GIVEN Ana introduced Bea and Carl, has a follow-up and a rhythm coming due
        introduce();
        app.run(ana, "/remember Marc Kelly: met at SYPE");
        app.run(ana, "/remember Zoe Adams: climbs");
        app.run(ana, "/followup zoe every week");
        app.run(ana, "/followup marc in 7 days");
        assertThat(app.text(ana, "/today")).doesNotContain("connect?");

        // WHEN a week has passed
        app.clock.advance(Duration.ofDays(7));
        Reply today = app.run(ana, "/today");

        // THEN the digest holds the follow-up, then the check-in, then the lapsed rhythm
        String text = today.plainText();
        assertThat(text).contains("3 people to get back to today.", "Did Bea and Carl connect?", "you both sail");
        assertThat(text.indexOf("Marc Kelly")).isLessThan(text.indexOf("Did Bea and Carl connect?"));
        assertThat(text.indexOf("Did Bea and Carl connect?")).isLessThan(text.indexOf("Zoe Adams"));
        assertThat(today.allButtons()).extracting(Button::label).contains("They connected");
    }

    @Test
    void theCheckInCountsTowardsTheCapAndAnsweringItClearsIt() {
        // GIVEN a digest capped at one item, with a follow-up and the check-in due
        introduce();
        app.run(ana, "/settings max 1");
        app.run(ana, "/remember Marc Kelly: met at SYPE");
        app.run(ana, "/followup marc in 7 days");
        app.clock.advance(Duration.ofDays(7));

        // WHEN Ana looks at today, then answers the check-in
        String capped = app.text(ana, "/today");
        app.run(ana, "/followup done marc");
        Reply today = app.run(ana, "/today");
        Button connected = today.allButtons().stream()
                .filter(b -> b.label().equals("They connected"))
                .findFirst()
                .orElseThrow();
        app.press(ana, connected.actionId());

        // THEN the cap held it back behind the follow-up, and once answered it is gone
        assertThat(capped).contains("Marc Kelly", "+1 more").doesNotContain("connect?");
        assertThat(today.plainText()).contains("Did Bea and Carl connect?");
        assertThat(app.text(ana, "/today")).contains("Nothing due today");
    }
}
