package dev.rapport.slack;

import static dev.rapport.slack.SlackInstallBed.ANA;
import static dev.rapport.slack.SlackInstallBed.BOB;
import static dev.rapport.slack.SlackInstallBed.BOT_A;
import static dev.rapport.slack.SlackInstallBed.BOT_B;
import static dev.rapport.slack.SlackInstallBed.TEAM_A;
import static dev.rapport.slack.SlackInstallBed.TEAM_B;
import static dev.rapport.slack.SlackInstallBed.TOKEN_A;
import static dev.rapport.slack.SlackInstallBed.TOKEN_B;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.domain.User;
import dev.rapport.core.domain.UserKey;
import dev.rapport.core.install.InstallStates;
import dev.rapport.core.install.Installation;
import dev.rapport.core.intro.IntroRounds;
import dev.rapport.core.port.DigestOutbox;
import dev.rapport.core.port.InstallationStore;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * "Add to Slack" end to end through Bolt's real OAuth processing and signed requests, against the fake Web API: the
 * install page, the redirect, forged and expired states, two workspaces each served with its own token, uninstalls
 * and revocations that stop the sends, and a refused token that marks its installation broken.
 */
class SlackInstallTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @TempDir
    Path dir;

    SlackInstallBed bed;

    @BeforeEach
    void start() throws Exception {
        bed = new SlackInstallBed(dir);
    }

    @AfterEach
    void stop() throws Exception {
        bed.close();
    }

    @Test
    void theInstallPageOffersAddToSlackWithTheManifestsScopesAndAStateBoundToTheBrowser() {
        // WHEN a browser opens the install page
        HttpResponse<String> page = bed.get(SlackOAuthSettings.INSTALL_PATH, Optional.empty());

        // THEN it is a page with one "Add to Slack" link to Slack's authorize page, asking exactly the bot scopes
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        String body = page.body();
        assertThat(body).contains("Add Rapport to your Slack workspace").contains(">Add to Slack</a>");
        String link = URLDecoder.decode(
                body.substring(body.indexOf("href=\"") + 6, body.indexOf("\">Add to Slack"))
                        .replace("&amp;", "&"),
                StandardCharsets.UTF_8);
        assertThat(link)
                .startsWith("https://slack.com/oauth/v2/authorize?")
                .contains("client_id=" + SlackInstallBed.CLIENT_ID)
                .contains("scope=" + String.join(",", SlackScopes.BOT) + "&")
                .contains("redirect_uri=" + SlackInstallBed.PUBLIC_URL + SlackOAuthSettings.REDIRECT_PATH);

        // AND the state in the link is the one the browser keeps in a private cookie for ten minutes
        String state = SlackInstallBed.stateIn(page);
        assertThat(link).contains("state=" + state);
        assertThat(Base64.getUrlDecoder().decode(state)).hasSize(32);
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).contains("HttpOnly", "Secure", "SameSite=Lax", "Path=/slack/", "Max-Age=600");
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");

        // AND a second visitor gets a state of their own
        assertThat(bed.openInstallPage()).isNotEqualTo(state);
    }

    @Test
    void theRedirectTradesTheCodeStoresTheInstallationSealedAndWelcomesTheInstaller() {
        // GIVEN Ana started an install, and Slack granted it
        bed.slack.grant("code-acme", TEAM_A, "Acme", TOKEN_A, BOT_A, ANA);
        String state = bed.openInstallPage();

        // WHEN Slack sends her browser back
        HttpResponse<String> page = bed.redirect("code-acme", state, Optional.of(state));

        // THEN the code was traded with the app's own credentials, for the registered redirect
        FakeSlackWebApi.Call access = bed.slack.await("oauth.v2.access");
        assertThat(access.form()).containsEntry("code", "code-acme");
        assertThat(clientSecretOf(access)).isEqualTo(SlackInstallBed.CLIENT_SECRET);

        // AND the page says so, with the first steps, and clears the state's cookie
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("Rapport is installed on Acme")
                .contains("/remember Marc Kelly: met at the SYPE mixer")
                .contains("/help");
        assertThat(page.headers().allValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie).startsWith(SlackInstallStates.COOKIE + "=deleted"));

        // AND the installation is stored with its token sealed
        InstallationStore.Stored row =
                bed.storage.installations().find("slack", TEAM_A).orElseThrow();
        assertThat(row.state()).isEqualTo(InstallationStore.State.ACTIVE);
        assertThat(row.botUserId()).isEqualTo(BOT_A);
        assertThat(row.installerUserId()).isEqualTo(ANA);
        assertThat(row.scopes()).isEqualTo(String.join(",", SlackScopes.BOT));
        assertThat(row.sealedToken().orElseThrow()).doesNotContain(TOKEN_A);
        assertThat(bed.installations.active("slack", TEAM_A).map(Installation::botToken))
                .contains(TOKEN_A);

        // AND Ana got a welcome message, sent with Acme's own token
        FakeSlackWebApi.Call welcome = bed.slack.await("chat.postMessage");
        assertThat(welcome.token()).isEqualTo(TOKEN_A);
        assertThat(welcome.form().get("channel")).isEqualTo("D0ANA00001");
        assertThat(SlackTestBed.visibleText(welcome.formJson("blocks").getAsJsonArray()))
                .contains("Thanks for adding Rapport to Acme")
                .contains("First steps");
        assertThat(bed.slack.await("conversations.open").token()).isEqualTo(TOKEN_A);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"no cookie", "another browser's cookie", "a state never issued", "a used state"})
    void aForgedStateIsRefusedAndNothingIsInstalled(String forgery) {
        // GIVEN Slack would grant the code
        bed.slack.grant("code-acme", TEAM_A, "Acme", TOKEN_A, BOT_A, ANA);
        String mine = bed.openInstallPage();
        String theirs = bed.openInstallPage();

        // WHEN the redirect comes back with a state that is not this browser's own, unused one
        HttpResponse<String> page = switch (forgery) {
            case "no cookie" -> bed.redirect("code-acme", mine, Optional.empty());
            case "another browser's cookie" -> bed.redirect("code-acme", mine, Optional.of(theirs));
            case "a state never issued" ->
                bed.redirect("code-acme", "Zm9yZ2VkLXN0YXRl", Optional.of("Zm9yZ2VkLXN0YXRl"));
            default -> {
                assertThat(bed.redirect("code-acme", mine, Optional.of(mine)).statusCode())
                        .isEqualTo(200);
                bed.storage
                        .installations()
                        .close("slack", TEAM_A, InstallationStore.State.REMOVED, "test", bed.clock.instant());
                yield bed.redirect("code-acme", mine, Optional.of(mine));
            }
        };

        // THEN it is refused with a page that says to start again, and no (new) code was traded
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("This install link has expired").contains(SlackOAuthSettings.INSTALL_PATH);
        int traded = forgery.equals("a used state") ? 1 : 0;
        assertThat(bed.slack.calls("oauth.v2.access")).hasSize(traded);
        assertThat(bed.installations.active("slack", TEAM_A)).isEmpty();
    }

    @Test
    void aStateOlderThanTenMinutesIsRefused() {
        bed.slack.grant("code-acme", TEAM_A, "Acme", TOKEN_A, BOT_A, ANA);
        String state = bed.openInstallPage();

        bed.clock.advance(InstallStates.LIFETIME.plusSeconds(1));
        HttpResponse<String> page = bed.redirect("code-acme", state, Optional.of(state));

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(bed.slack.calls("oauth.v2.access")).isEmpty();
        assertThat(bed.storage.installations().find("slack", TEAM_A)).isEmpty();
    }

    @Test
    void aCodeSlackWillNotTradeInstallsNothing() {
        String state = bed.openInstallPage();

        HttpResponse<String> page = bed.redirect("code-nobody-granted", state, Optional.of(state));

        assertThat(page.statusCode()).isEqualTo(502);
        assertThat(page.body()).contains("The install did not finish");
        assertThat(bed.storage.installations().find("slack", TEAM_A)).isEmpty();
    }

    @Test
    void twoWorkspacesAreEachServedWithTheirOwnToken() {
        // GIVEN Rapport installed on Acme (Ana) and Beta (Bob)
        bed.installBoth();

        // WHEN each types commands in their own workspace
        bed.command(TEAM_A, ANA, "ana", "remember", "Marc Kelly: met at the SYPE mixer");
        bed.command(TEAM_A, ANA, "ana", "followup", "marc today");
        bed.command(TEAM_B, BOB, "bob", "remember", "Zoë Park: climbing partner");
        bed.command(TEAM_B, BOB, "bob", "followup", "zoe today");

        // THEN Bolt checked each request with its workspace's token, and Slack was asked about each user with theirs
        assertThat(bed.slack.callsWith("auth.test", TOKEN_A)).isNotEmpty();
        assertThat(bed.slack.callsWith("auth.test", TOKEN_B)).isNotEmpty();
        assertThat(bed.slack.calls("users.info"))
                .allSatisfy(call -> assertThat(call.token())
                        .isEqualTo(call.form().get("user").equals(ANA) ? TOKEN_A : TOKEN_B))
                .extracting(call -> call.form().get("user"))
                .contains(ANA, BOB);

        // AND at digest time each digest goes out with its own workspace's token
        bed.clock.set(SlackInstallBed.NOW.plus(Duration.ofHours(2)));
        bed.digests().tick();
        List<FakeSlackWebApi.Call> posts = bed.slack.calls("chat.postMessage").subList(2, 4);
        assertThat(posts)
                .extracting(call -> call.form().get("channel") + " " + call.token())
                .containsExactlyInAnyOrder("D0ANA00001 " + TOKEN_A, "D0BOB00002 " + TOKEN_B);
        assertThat(posts).allSatisfy(post -> assertThat(post.form().get("text")).contains("to get back to today"));
        assertThat(entry(TEAM_A, ANA).state()).isEqualTo(DigestOutbox.State.SENT);
        assertThat(entry(TEAM_B, BOB).state()).isEqualTo(DigestOutbox.State.SENT);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"slack/app_uninstalled.json", "slack/tokens_revoked.json"})
    void anUninstallStopsEverySendToThatWorkspaceAndKeepsItsUsersNotes(String event) {
        // GIVEN both workspaces have a digest due today
        bed.installBoth();
        bed.command(TEAM_A, ANA, "ana", "remember", "Marc Kelly: met at the SYPE mixer");
        bed.command(TEAM_A, ANA, "ana", "followup", "marc today");
        bed.command(TEAM_B, BOB, "bob", "remember", "Zoë Park: climbing partner");
        bed.command(TEAM_B, BOB, "bob", "followup", "zoe today");

        // WHEN Slack says Rapport is gone from Acme
        HttpResponse<String> ack = bed.event(event, TEAM_A, BOT_A);

        // THEN the event is acknowledged with Acme's token already deleted
        assertThat(ack.statusCode()).isEqualTo(200);
        InstallationStore.Stored acme =
                bed.storage.installations().find("slack", TEAM_A).orElseThrow();
        assertThat(acme.state()).isEqualTo(InstallationStore.State.REMOVED);
        assertThat(acme.sealedToken()).isEmpty();

        // AND at digest time nothing goes to Acme: its digest is closed with the reason, Beta's is sent
        bed.clock.set(SlackInstallBed.NOW.plus(Duration.ofHours(2)));
        bed.digests().tick();
        assertThat(bed.slack.callsWith("chat.postMessage", TOKEN_A)).hasSize(1); // the welcome message only
        assertThat(bed.slack.callsWith("chat.postMessage", TOKEN_B)).hasSize(2);
        DigestOutbox.Entry closed = entry(TEAM_A, ANA);
        assertThat(closed.state()).isEqualTo(DigestOutbox.State.UNREACHABLE);
        assertThat(closed.lastError()).contains(SlackMessenger.NOT_INSTALLED);
        assertThat(closed.nextAttemptAt()).isEmpty();

        // AND an hour later nothing was retried, Ana is not marked unreachable, and her notes are kept
        int calls = bed.slack.calls().size();
        bed.clock.advance(Duration.ofHours(1));
        bed.digests().tick();
        assertThat(bed.slack.calls()).hasSize(calls);
        User ana = user(TEAM_A, ANA);
        assertThat(ana.unreachableReason()).isEmpty();
        assertThat(bed.storage.contacts().all(ana.id()))
                .extracting(c -> c.name())
                .containsExactly("Marc Kelly");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"invalid_auth", "token_revoked", "account_inactive"})
    void aTokenSlackRefusesMarksTheInstallationBrokenInsteadOfRetryingForever(String error) {
        // GIVEN Acme's digest is due, and Slack now refuses Acme's token
        bed.installBoth();
        bed.command(TEAM_A, ANA, "ana", "remember", "Marc Kelly: met at the SYPE mixer");
        bed.command(TEAM_A, ANA, "ana", "followup", "marc today");
        bed.slack.refuseToken(TOKEN_A, error);

        // WHEN the digest is sent
        bed.clock.set(SlackInstallBed.NOW.plus(Duration.ofHours(2)));
        bed.digests().tick();

        // THEN Slack was tried once, the installation is marked broken, and the digest closed with Slack's word
        assertThat(bed.slack.callsWith("conversations.open", TOKEN_A)).hasSize(2); // the welcome's, and this one
        InstallationStore.Stored acme =
                bed.storage.installations().find("slack", TEAM_A).orElseThrow();
        assertThat(acme.state()).isEqualTo(InstallationStore.State.BROKEN);
        assertThat(acme.reason()).contains(error);
        assertThat(acme.sealedToken()).isEmpty();
        assertThat(entry(TEAM_A, ANA).state()).isEqualTo(DigestOutbox.State.UNREACHABLE);
        assertThat(entry(TEAM_A, ANA).lastError()).contains(error);

        // AND later ticks, and the next day's digest, never use that token again; Beta is untouched
        int withA = bed.slack.calls().stream()
                .filter(c -> c.token().equals(TOKEN_A))
                .toList()
                .size();
        bed.clock.advance(Duration.ofDays(1));
        bed.digests().tick();
        assertThat(bed.slack.calls().stream().filter(c -> c.token().equals(TOKEN_A)))
                .hasSize(withA);
        assertThat(bed.installations.active("slack", TEAM_B)).isPresent();
    }

    @Test
    void theHomeTabOfEachWorkspaceIsPublishedWithItsOwnToken() {
        bed.installBoth();

        HttpResponse<String> ack = bed.post(
                Fixtures.text("slack/app_home_opened.json")
                        .replace("T0RAPPORT1", TEAM_B)
                        .replace(ANA, BOB)
                        .replace("U0BOT00001", BOT_B),
                "application/json");

        assertThat(ack.statusCode()).isEqualTo(200);
        FakeSlackWebApi.Call publish = bed.slack.await("views.publish");
        assertThat(publish.form()).containsEntry("user_id", BOB);
        assertThat(publish.token()).isEqualTo(TOKEN_B);
    }

    @Test
    void aWorkspacesRoundsUseItsTokenAndStopWhenItIsUninstalled() {
        // GIVEN Beta's #general, made by Bob, with Bob, Carl and Rapport in it, and rounds turned on there
        bed.installBoth();
        String carl = "U0CARL0003";
        bed.slack.member(carl, "carl", "Carl Berg", "Carl", "Europe/London");
        bed.slack.channel("C0GENERAL1", BOB);
        bed.slack.channelMembers("C0GENERAL1", List.of(List.of(BOB, BOT_B, carl)));
        assertThat(bed.command(TEAM_B, BOB, "bob", "intro", "rounds on")
                        .get("response_type")
                        .getAsString())
                .isEqualTo("in_channel");
        IntroRounds rounds = bed.core.rounds(
                bed.core.delivery(List.of(bed.adapter.messenger())), bed.adapter.channelMembers(), new Random(7));

        // WHEN the round runs
        IntroRounds.Tick paired = rounds.tick(bed.clock.instant());

        // THEN Beta's members were listed, and Bob and Carl told of each other, all with Beta's token
        assertThat(paired.roundsStarted()).isEqualTo(1);
        assertThat(paired.sent()).isEqualTo(2);
        assertThat(bed.slack.calls("conversations.members"))
                .extracting(FakeSlackWebApi.Call::token)
                .containsOnly(TOKEN_B);
        assertThat(bed.slack.calls("chat.postMessage").subList(2, 4))
                .extracting(call -> call.form().get("channel") + " " + call.token())
                .containsExactlyInAnyOrder("D0BOB00002 " + TOKEN_B, "D0CARL0003 " + TOKEN_B);

        // WHEN Beta uninstalls Rapport before the check-ins a week later
        bed.event("slack/app_uninstalled.json", TEAM_B, BOT_B);
        int calls = bed.slack.calls().size();
        IntroRounds.Tick checked = rounds.tick(bed.clock.instant().plus(Duration.ofDays(7)));

        // THEN the check-ins are closed, not sent and not retried
        assertThat(checked.sent()).isZero();
        assertThat(checked.unreachable()).isEqualTo(2);
        assertThat(checked.retrying()).isZero();
        assertThat(bed.slack.calls()).hasSize(calls);
        assertThat(rounds.tick(bed.clock.instant().plus(Duration.ofDays(8))).sent())
                .isZero();
        assertThat(bed.slack.calls()).hasSize(calls);
    }

    @Test
    void aCommandFromAWorkspaceWhoseTokenSlackCallsInactiveIsRefusedAndMarksItBroken() {
        // GIVEN Acme installed, and its token now inactive for Slack
        bed.installBoth();
        bed.slack.refuseToken(TOKEN_A, "account_inactive");

        // WHEN Ana types a command there
        String body = Fixtures.filled(
                        "slack/slash_command.form",
                        java.util.Map.of(
                                "channel_id", "C0GENERAL1",
                                "channel_name", "general",
                                "user_id", ANA,
                                "user_name", "ana",
                                "command", SlackTestBed.encode("/today"),
                                "text", "",
                                "response_url", SlackTestBed.encode(bed.slack.responseUrl("inactive")),
                                "trigger_id", "13345224609.738474920.0000000000000000777"))
                .replace("team_id=T0RAPPORT1", "team_id=" + TEAM_A);
        HttpResponse<String> ack = bed.post(body, "application/x-www-form-urlencoded");

        // THEN Bolt refuses it, and the installation is marked broken, not retried
        assertThat(ack.statusCode()).isEqualTo(401);
        assertThat(bed.installations.state("slack", TEAM_A)).contains(InstallationStore.State.BROKEN);
        assertThat(bed.installations.active("slack", TEAM_B)).isPresent();
    }

    @Test
    void aReinstallAfterAnUninstallServesTheWorkspaceAgainWithTheNewToken() {
        bed.installBoth();
        bed.event("slack/app_uninstalled.json", TEAM_A, BOT_A);
        String newToken = "xoxb-5555555555-6666666666666-acmeagainacmeagainacme";

        bed.install(TEAM_A, "Acme", newToken, BOT_A, ANA);

        assertThat(bed.installations.active("slack", TEAM_A).map(Installation::botToken))
                .contains(newToken);
        bed.command(TEAM_A, ANA, "ana", "remember", "Marc Kelly: met at the SYPE mixer");
        assertThat(bed.slack.callsWith("users.info", newToken)).isNotEmpty();
    }

    private DigestOutbox.Entry entry(String team, String userId) {
        return bed.storage.digestOutbox().find(user(team, userId).id(), TODAY).orElseThrow();
    }

    private User user(String team, String userId) {
        return bed.storage.users().find(new UserKey("slack", team, userId)).orElseThrow();
    }

    /** The client secret oauth.v2.access was called with: in the form, or as HTTP Basic credentials. */
    private static String clientSecretOf(FakeSlackWebApi.Call access) {
        if (access.form().containsKey("client_secret")) {
            return access.form().get("client_secret");
        }
        String basic = access.headers().getOrDefault("authorization", "");
        assertThat(basic).startsWith("Basic ");
        String pair = new String(Base64.getDecoder().decode(basic.substring(6)), StandardCharsets.UTF_8);
        assertThat(pair).startsWith(SlackInstallBed.CLIENT_ID + ":");
        return pair.substring(pair.indexOf(':') + 1);
    }
}
