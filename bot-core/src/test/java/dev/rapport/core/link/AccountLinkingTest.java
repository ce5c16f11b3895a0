package dev.rapport.core.link;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.api.Requester;
import dev.rapport.core.reply.Reply;
import dev.rapport.core.testing.StorageSuite;
import dev.rapport.core.testing.TestRapport;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One person on Slack and on Discord, linked with a one-time code, end to end through core on a real store: one
 * circle, one export, the refusals that change nothing, the limit on wrong codes, and unlinking.
 */
@StorageSuite
class AccountLinkingTest {
    private static final Pattern CODE = Pattern.compile("link code: ([A-Z2-9]{4}-[A-Z2-9]{4})");

    private static final Requester ANA_SLACK =
            Requester.of("slack", "T1", "U1", "Ana").withZone(ZoneId.of("Europe/Berlin"));
    private static final Requester ANA_DISCORD = Requester.of("discord", "", "4242", "ana");
    private static final Requester BOB_SLACK = Requester.of("slack", "T1", "U2", "Bob");
    private static final Requester CAL_DISCORD = Requester.of("discord", "", "777", "cal");

    @TempDir
    Path folder;

    private TestRapport app;

    @BeforeEach
    void start() {
        app = TestRapport.in(folder);
        // Everyone has used Rapport once, so that replies hold no first-time notices.
        for (Requester who : new Requester[] {ANA_SLACK, ANA_DISCORD, BOB_SLACK, CAL_DISCORD}) {
            app.text(who, "/help");
        }
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private String code(Requester who) {
        String reply = app.text(who, "/settings link");
        Matcher m = CODE.matcher(reply);
        assertThat(m.find()).as(reply).isTrue();
        return m.group(1);
    }

    private String link(Requester from, Requester to) {
        return app.text(to, "/settings link " + code(from));
    }

    @Test
    void aCodeFromSlackEnteredOnDiscordGivesBothOneCircle() {
        // GIVEN Ana keeps Ines on Slack
        app.text(ANA_SLACK, "/remember Ines Duarte: met at the rowing club");

        // WHEN she makes a code on Slack and enters it on Discord
        String linked = link(ANA_SLACK, ANA_DISCORD);

        // THEN both accounts share one circle: Discord sees Ines, Slack sees what Discord adds
        assertThat(linked)
                .startsWith("Linked: this Discord account and your Slack account now share one circle")
                .contains("The digest goes to Slack");
        assertThat(app.text(ANA_DISCORD, "/contact ines")).contains("met at the rowing club");
        app.text(ANA_DISCORD, "/remember ines ask: how was Lisbon?");
        assertThat(app.text(ANA_SLACK, "/contact ines")).contains("how was Lisbon?");
        // AND one export, and the settings (Slack's time zone) are the same on both
        assertThat(exported(ANA_DISCORD)).isEqualTo(exported(ANA_SLACK)).contains("how was Lisbon?");
        assertThat(app.rapport.user(ANA_DISCORD).id())
                .isEqualTo(app.rapport.user(ANA_SLACK).id());
        assertThat(app.text(ANA_DISCORD, "/settings"))
                .contains("Europe/Berlin")
                .contains("Slack (digest here), Discord");
    }

    @Test
    void aCodeFromDiscordEnteredOnSlackWorksTheOtherWayRound() {
        // GIVEN Ana keeps Ines on Discord, and has used Slack once without keeping anyone
        app.text(ANA_DISCORD, "/remember Ines Duarte: sails");
        app.text(ANA_SLACK, "/help");

        // WHEN the code is made on Discord and entered on Slack
        String linked = link(ANA_DISCORD, ANA_SLACK);

        // THEN Slack sees Discord's circle
        assertThat(linked).startsWith("Linked: this Slack account and your Discord account");
        assertThat(app.text(ANA_SLACK, "/circle")).contains("Ines Duarte");
        // AND Slack's time zone now holds for the primary, which had none of its own
        assertThat(app.rapport.user(ANA_DISCORD).settings().zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    }

    @Test
    void anExpiredCodeIsRefusedAndLinksNothing() {
        app.text(ANA_SLACK, "/remember Ines Duarte: met at the rowing club");
        String code = code(ANA_SLACK);

        // WHEN ten minutes pass before it is entered
        app.clock.advance(Duration.ofMinutes(10));
        String reply = app.text(ANA_DISCORD, "/settings link " + code);

        // THEN it is refused with the reason, and Discord still keeps its own (empty) circle
        assertThat(reply).startsWith("That code has expired (codes last 10 minutes).");
        assertThat(app.text(ANA_DISCORD, "/circle")).doesNotContain("Ines");
    }

    @Test
    void aCodeJustInsideItsTenMinutesStillLinks() {
        String code = code(ANA_SLACK);
        app.clock.advance(Duration.ofMinutes(10).minusSeconds(1));

        assertThat(app.text(ANA_DISCORD, "/settings link " + code.toLowerCase()))
                .startsWith("Linked:");
    }

    @Test
    void aUsedCodeIsRefusedTheSecondTime() {
        // GIVEN Ana's code linked her Discord account, which she then unlinked
        String code = code(ANA_SLACK);
        assertThat(app.text(ANA_DISCORD, "/settings link " + code)).startsWith("Linked:");
        app.text(ANA_DISCORD, "/settings unlink");

        // WHEN the same code is entered again, by her or by someone else
        // THEN it is refused, and links nothing
        assertThat(app.text(ANA_DISCORD, "/settings link " + code)).startsWith("That code was used already");
        assertThat(app.text(CAL_DISCORD, "/settings link " + code)).startsWith("That code was used already");
        assertThat(app.rapport.user(CAL_DISCORD).id())
                .isNotEqualTo(app.rapport.user(ANA_SLACK).id());
    }

    @Test
    void aWrongCodeIsRefusedAndLinksNothing() {
        app.text(ANA_SLACK, "/remember Ines Duarte: met at the rowing club");
        code(ANA_SLACK);

        assertThat(app.text(ANA_DISCORD, "/settings link ABCD-EFGH"))
                .startsWith("That code isn't right: check it against the one /settings link showed");
        assertThat(app.text(ANA_DISCORD, "/settings link not a code at all")).startsWith("That code isn't right");
        assertThat(app.text(ANA_DISCORD, "/circle")).doesNotContain("Ines");
    }

    @Test
    void fiveWrongCodesInTenMinutesStopAnAccountFromTryingMore() {
        // GIVEN someone on Discord who has entered five wrong codes
        String right = code(ANA_SLACK);
        for (int i = 0; i < AccountLinking.MAX_WRONG_CODES; i++) {
            app.clock.advance(Duration.ofSeconds(30));
            assertThat(app.text(CAL_DISCORD, "/settings link " + wrong(right, i)))
                    .startsWith("That code isn't right");
        }

        // WHEN they enter even the right one
        String reply = app.text(CAL_DISCORD, "/settings link " + right);

        // THEN it is refused for now, and links nothing; the code still works for its owner's other account
        assertThat(reply).startsWith("Too many wrong codes from this account: try again in 8 minutes.");
        assertThat(app.rapport.user(CAL_DISCORD).id())
                .isNotEqualTo(app.rapport.user(ANA_SLACK).id());
        // AND another account is not held back by it
        assertThat(app.text(ANA_DISCORD, "/settings link " + right)).startsWith("Linked:");
        // AND once the oldest wrong try is ten minutes old, the account may try again
        app.clock.advance(Duration.ofMinutes(8));
        assertThat(app.text(CAL_DISCORD, "/settings link ABCD-EFGH")).startsWith("That code isn't right");
    }

    /** A code that differs from the right one in its last character. */
    private static String wrong(String right, int i) {
        char last = right.charAt(right.length() - 1);
        char other = "23456789".charAt(i) == last ? 'Z' : "23456789".charAt(i);
        return right.substring(0, right.length() - 1) + other;
    }

    @Test
    void anAccountCannotBeLinkedToItselfOrTwice() {
        String own = code(ANA_SLACK);
        assertThat(app.text(ANA_SLACK, "/settings link " + own))
                .startsWith("That code is this account's own: enter it on your other account.");

        assertThat(app.text(ANA_DISCORD, "/settings link " + own)).startsWith("Linked:");
        assertThat(app.text(ANA_DISCORD, "/settings link " + code(ANA_SLACK)))
                .startsWith("This account is linked to that one already.");
        assertThat(app.text(ANA_DISCORD, "/settings link " + code(BOB_SLACK)))
                .startsWith("This account is linked to another already: /settings unlink it first.");
        assertThat(app.text(ANA_SLACK, "/settings link " + code(CAL_DISCORD)))
                .startsWith("Other accounts are linked to this one.");
    }

    @Test
    void anAccountThatKeepsPeopleOfItsOwnIsNotHiddenByALink() {
        // GIVEN both of Ana's accounts keep someone
        app.text(ANA_SLACK, "/remember Ines Duarte: met at the rowing club");
        app.text(ANA_DISCORD, "/remember Zoë: climbing partner");

        // WHEN Slack's code is entered on Discord
        String reply = app.text(ANA_DISCORD, "/settings link " + code(ANA_SLACK));

        // THEN it is refused with the way out, and each keeps its own
        assertThat(reply)
                .startsWith("This account keeps 1 person of its own, and joining the other account's circle would"
                        + " hide them. Make the code here instead (/settings link)");
        assertThat(app.text(ANA_DISCORD, "/circle")).contains("Zoë").doesNotContain("Ines");
        assertThat(app.text(ANA_SLACK, "/circle")).contains("Ines").doesNotContain("Zoë");
    }

    @Test
    void unlinkingLeavesTheCircleWithThePrimaryAndTheOtherAccountEmpty() {
        // GIVEN Ana's linked accounts share Ines
        app.text(ANA_SLACK, "/remember Ines Duarte: met at the rowing club");
        link(ANA_SLACK, ANA_DISCORD);
        app.text(ANA_DISCORD, "/remember ines moving to Lisbon");

        // WHEN she unlinks from Discord
        String reply = app.text(ANA_DISCORD, "/settings unlink");

        // THEN Discord starts empty, and Slack keeps everything, including what Discord added
        assertThat(reply).startsWith("Unlinked: this Discord account starts again with an empty circle of its own;");
        assertThat(app.text(ANA_DISCORD, "/circle")).doesNotContain("Ines");
        assertThat(app.text(ANA_SLACK, "/contact ines")).contains("moving to Lisbon");
        // AND what Discord keeps from now on is its own
        app.text(ANA_DISCORD, "/remember Zoë: climbing partner");
        assertThat(app.text(ANA_SLACK, "/circle")).doesNotContain("Zoë");
        assertThat(app.text(ANA_DISCORD, "/settings unlink"))
                .startsWith("This account isn't linked to another; /settings link makes a code to link one.");
    }

    @Test
    void unlinkingFromThePrimaryUnlinksItsOtherAccounts() {
        app.text(ANA_SLACK, "/remember Ines Duarte: met at the rowing club");
        link(ANA_SLACK, ANA_DISCORD);

        assertThat(app.text(ANA_SLACK, "/settings unlink"))
                .startsWith("Unlinked your Discord account: it starts again with an empty circle;");
        assertThat(app.text(ANA_DISCORD, "/circle")).doesNotContain("Ines");
        assertThat(app.text(ANA_SLACK, "/circle")).contains("Ines");
    }

    @Test
    void onePersonsTwoAccountsNeverSeeAThirdPersonsNotes() {
        // GIVEN Bob, on the same Slack workspace, keeps his own notes about an Ines
        app.text(BOB_SLACK, "/remember Ines Duarte: owes me a book about sailing");
        app.text(ANA_SLACK, "/remember Ines Duarte: met at the rowing club");
        link(ANA_SLACK, ANA_DISCORD);

        // THEN neither of Ana's accounts sees Bob's note, in any reply or the export; and Bob sees none of Ana's
        for (Requester ana : new Requester[] {ANA_SLACK, ANA_DISCORD}) {
            for (String command : new String[] {"/contact ines", "/circle", "/followup list", "/today"}) {
                assertThat(app.text(ana, command)).doesNotContain("book about sailing");
            }
            assertThat(exported(ana)).doesNotContain("book about sailing").contains("rowing club");
        }
        app.text(ANA_DISCORD, "/remember ines ask: how was Lisbon?");
        assertThat(app.text(BOB_SLACK, "/contact ines"))
                .doesNotContain("rowing")
                .doesNotContain("Lisbon");
        assertThat(exported(BOB_SLACK)).doesNotContain("rowing").doesNotContain("Lisbon");
        // AND Bob cannot join Ana's circle with a guess, nor with her used code
        assertThat(app.text(BOB_SLACK, "/settings link ABCD-EFGH")).startsWith("That code isn't right");
        assertThat(app.rapport.user(BOB_SLACK).id())
                .isNotEqualTo(app.rapport.user(ANA_SLACK).id());
    }

    @Test
    void theCodeIsKeptOnlyAsItsHash() {
        String code = code(ANA_SLACK);
        String plain = LinkCodes.normalized(code).orElseThrow();

        assertThat(app.storage.links().code(LinkCodes.hash(plain))).isPresent();
        assertThat(app.storage.links().code(plain)).isEmpty();
        assertThat(app.storage.links().code(code)).isEmpty();
    }

    @Test
    void aNewCodeReplacesTheEarlierOne() {
        String first = code(ANA_SLACK);
        String second = code(ANA_SLACK);

        assertThat(app.text(ANA_DISCORD, "/settings link " + first)).startsWith("That code isn't right");
        assertThat(app.text(ANA_DISCORD, "/settings link " + second)).startsWith("Linked:");
    }

    @Test
    void theDigestGoesWhereTheyChoose() {
        link(ANA_SLACK, ANA_DISCORD);

        assertThat(app.text(ANA_DISCORD, "/settings digest here")).isEqualTo("Digest goes to: Discord (was Slack).");
        assertThat(app.text(ANA_SLACK, "/settings")).contains("Slack, Discord (digest here)");
        assertThat(app.text(ANA_SLACK, "/settings digest on slack")).isEqualTo("Digest goes to: Slack (was Discord).");
        assertThat(app.text(ANA_SLACK, "/settings digest on slack")).isEqualTo("Digest goes to: Slack (unchanged).");
        assertThat(app.text(ANA_SLACK, "/settings digest on console"))
                .startsWith("None of your linked accounts is on console: they are Slack and Discord.");
        // AND a digest time is still a digest time
        assertThat(app.text(ANA_DISCORD, "/settings digest 8am")).isEqualTo("Digest time: 8:00 am (was 9:00 am).");
        assertThat(app.text(CAL_DISCORD, "/settings digest on slack"))
                .startsWith("Your digest comes to this account; link another with /settings link");
    }

    @Test
    void aConsoleAccountHandsTheDigestToThePlatformItIsLinkedTo() {
        Requester console = TestRapport.user("ana");
        String reply = link(console, ANA_DISCORD);

        assertThat(reply).contains("The digest goes to Discord;");
        assertThat(app.text(console, "/settings digest here"))
                .startsWith("The console sends no digests: it only answers what you type.");
    }

    private String exported(Requester who) {
        Reply reply = app.run(who, "/export");
        return reply.attachment().orElseThrow().content().replaceAll("\"exported_at\"\\s*:\\s*\"[^\"]*\"", "");
    }
}
