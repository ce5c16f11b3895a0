package dev.rapport.core.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.api.CommandRequest;
import dev.rapport.core.api.Requester;
import dev.rapport.core.domain.User;
import dev.rapport.core.testing.StorageSuite;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One person on Slack and Discord, linked: one digest a day, not one per account, sent where they chose. */
@StorageSuite
class LinkedDigestTest {
    private static final Instant WEDNESDAY_8AM = Instant.parse("2026-11-25T08:00:00Z");
    private static final Pattern CODE = Pattern.compile("link code: ([A-Z2-9]{4}-[A-Z2-9]{4})");
    private static final Requester SLACK = DigestFixture.requester("U1", "UTC");
    private static final Requester DISCORD =
            Requester.of("discord", "", "4242", "ana").withZone(ZoneId.of("UTC"));

    @TempDir
    Path folder;

    private DigestFixture fixture;
    private FakeMessenger discord;

    @BeforeEach
    void open() {
        fixture = new DigestFixture(folder, WEDNESDAY_8AM);
        discord = new FakeMessenger("discord", fixture.clock);
        fixture.withMessenger(discord);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private String run(Requester who, String command, String text) {
        return fixture.rapport.handle(CommandRequest.of(who, command, text)).plainText();
    }

    /** Ana keeps Marc on Slack, due today, and links her Discord account to it. */
    private void linked() {
        run(SLACK, "remember", "Marc Kelly: met at the SYPE mixer");
        run(SLACK, "followup", "marc today");
        Matcher code = CODE.matcher(run(SLACK, "settings", "link"));
        assertThat(code.find()).isTrue();
        assertThat(run(DISCORD, "settings", "link " + code.group(1))).startsWith("Linked:");
    }

    private void tickThroughTheMorning() {
        fixture.tickUntil(WEDNESDAY_8AM.plus(Duration.ofHours(3)), Duration.ofMinutes(15));
    }

    @Test
    void theDigestGoesOnceToTheAccountThatMadeTheCodeByDefault() {
        linked();

        tickThroughTheMorning();

        User ana = fixture.rapport.user(SLACK);
        assertThat(fixture.messenger.delivered())
                .extracting(FakeMessenger.Message::to)
                .containsExactly(ana.key());
        assertThat(fixture.messenger.delivered().get(0).reply().plainText()).contains("Marc Kelly");
        assertThat(discord.attempts()).isEmpty();
    }

    @Test
    void theDigestGoesOnceToTheAccountChosenForIt() {
        // GIVEN Ana chose Discord for her digest
        linked();
        assertThat(run(DISCORD, "settings", "digest here")).isEqualTo("Digest goes to: Discord (was Slack).");

        // WHEN the morning passes
        tickThroughTheMorning();

        // THEN one digest went out, to her Discord account, holding Slack's Marc; Slack got nothing
        assertThat(discord.delivered()).extracting(FakeMessenger.Message::to).containsExactly(DISCORD.key());
        assertThat(discord.delivered().get(0).reply().plainText()).contains("Marc Kelly");
        assertThat(fixture.messenger.attempts()).isEmpty();
        // AND a restart the same day sends no second one
        fixture.restart();
        tickThroughTheMorning();
        assertThat(discord.delivered()).hasSize(1);
        assertThat(fixture.messenger.attempts()).isEmpty();
    }

    @Test
    void afterUnlinkingEachAccountHasItsOwnDigestAgain() {
        linked();
        run(DISCORD, "settings", "digest here");
        run(DISCORD, "settings", "unlink");

        tickThroughTheMorning();

        // Marc stayed with Slack, so Slack's digest holds him; Discord, empty again, gets none
        assertThat(fixture.messenger.delivered()).hasSize(1);
        assertThat(fixture.messenger.delivered().get(0).reply().plainText()).contains("Marc Kelly");
        assertThat(discord.attempts()).isEmpty();
    }
}
