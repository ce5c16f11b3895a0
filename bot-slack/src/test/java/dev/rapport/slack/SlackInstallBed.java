package dev.rapport.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.rapport.core.api.Rapport;
import dev.rapport.core.assembly.CoreAssembly;
import dev.rapport.core.digest.DigestScheduler;
import dev.rapport.core.inbox.InboxWorkers;
import dev.rapport.core.install.InstallStates;
import dev.rapport.core.install.Installations;
import dev.rapport.core.install.TokenCipher;
import dev.rapport.core.port.Storage;
import dev.rapport.core.testing.MutableClock;
import dev.rapport.core.testing.OpenStorage;
import dev.rapport.core.testing.TestStorage;
import dev.rapport.http.HttpFront;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rapport installed on many workspaces (OAuth, HTTP mode) against the fake Web API: a real store with the real
 * migrations, core on a clock the test moves, Bolt's own OAuth processing behind the HTTP front, and signed requests
 * from any workspace.
 */
final class SlackInstallBed implements AutoCloseable {
    static final String CLIENT_ID = "1234567890.0987654321";
    static final String CLIENT_SECRET = "c0ffee00c0ffee00c0ffee00c0ffee00";
    static final String PUBLIC_URL = "https://rapport.example.com";
    static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");

    static final String TEAM_A = "T0ACME0001";
    static final String TEAM_B = "T0BETA0002";
    static final String TOKEN_A = "xoxb-1111111111-2222222222222-acmeacmeacmeacmeacmeacme";
    static final String TOKEN_B = "xoxb-3333333333-4444444444444-betabetabetabetabetabeta";
    static final String BOT_A = "U0BOTACME1";
    static final String BOT_B = "U0BOTBETA2";
    static final String ANA = "U0ANA00001";
    static final String BOB = "U0BOB00002";

    private static final Pattern COOKIE = Pattern.compile(SlackInstallStates.COOKIE + "=([A-Za-z0-9_-]+)");

    final String secretKey = TokenCipher.newKey();
    final FakeSlackWebApi slack;
    final OpenStorage store;
    final Storage storage;
    final MutableClock clock = new MutableClock(NOW);
    final CoreAssembly core;
    final Rapport rapport;
    final Installations installations;
    final InboxWorkers inbox;
    final SlackAdapter adapter;
    final HttpFront front;
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicInteger requests = new AtomicInteger();

    SlackInstallBed(Path dir) throws Exception {
        slack = FakeSlackWebApi.start();
        slack.member(ANA, "ana", "Ana Lima", "Ana", "Europe/London");
        slack.member(BOB, "bob", "Bob Stone", "Bob", "Europe/London");
        store = TestStorage.open(dir);
        storage = store.storage();
        core = CoreAssembly.over(clock, storage);
        rapport = core.rapport();
        installations = core.installations(TokenCipher.of(secretKey, Optional.empty()));
        InstallStates states = core.installStates();
        SlackOAuthSettings settings = new SlackOAuthSettings(
                CLIENT_ID, CLIENT_SECRET, SlackTestBed.SIGNING_SECRET, PUBLIC_URL, 0, Optional.of(slack.apiUrl()));
        inbox = core.inbox(2);
        adapter = SlackAdapter.installable(settings, rapport, inbox, installations, states, clock);
        front = HttpFront.create(HttpFront.Settings.on("127.0.0.1", 0));
        adapter.mount(front);
        adapter.start();
        front.start();
        inbox.start();
    }

    // ---- the browser's side of an install

    HttpResponse<String> get(String pathAndQuery, Optional<String> cookie) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + front.port() + pathAndQuery));
        cookie.ifPresent(value -> request.header("Cookie", SlackInstallStates.COOKIE + "=" + value));
        try {
            return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Opens the install page and returns the state its cookie holds. */
    String openInstallPage() {
        HttpResponse<String> page = get(SlackOAuthSettings.INSTALL_PATH, Optional.empty());
        assertThat(page.statusCode()).isEqualTo(200);
        return stateIn(page);
    }

    static String stateIn(HttpResponse<String> page) {
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow(() -> new AssertionError("no cookie"));
        Matcher state = COOKIE.matcher(cookie);
        assertThat(state.find()).as("state cookie in %s", cookie).isTrue();
        return state.group(1);
    }

    /** Slack sends the browser back with a code and the state, the browser bringing its cookie. */
    HttpResponse<String> redirect(String code, String state, Optional<String> cookie) {
        return get(SlackOAuthSettings.REDIRECT_PATH + "?code=" + code + "&state=" + state, cookie);
    }

    /** A whole install of a workspace by one of its members, as a browser goes through it. */
    HttpResponse<String> install(String team, String teamName, String token, String botUser, String installer) {
        String code = "code-" + team;
        slack.grant(code, team, teamName, token, botUser, installer);
        String state = openInstallPage();
        HttpResponse<String> page = redirect(code, state, Optional.of(state));
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return page;
    }

    void installBoth() {
        install(TEAM_A, "Acme", TOKEN_A, BOT_A, ANA);
        install(TEAM_B, "Beta", TOKEN_B, BOT_B, BOB);
        // The welcome messages went out; later tests count only their own calls.
        slack.await("chat.postMessage", 2);
    }

    // ---- Slack's side: signed requests from a workspace

    /** A slash command typed in a workspace; returns what arrives at its response_url. */
    JsonObject command(String team, String userId, String userName, String command, String text) {
        String responseUrl = slack.responseUrl("r" + requests.incrementAndGet());
        String body = Fixtures.filled(
                        "slack/slash_command.form",
                        Map.of(
                                "channel_id",
                                "C0GENERAL1",
                                "channel_name",
                                "general",
                                "user_id",
                                userId,
                                "user_name",
                                userName,
                                "command",
                                SlackTestBed.encode("/" + command),
                                "text",
                                SlackTestBed.encode(text),
                                "response_url",
                                SlackTestBed.encode(responseUrl),
                                "trigger_id",
                                "13345224609.738474920." + String.format("%019d", requests.get())))
                .replace("team_id=T0RAPPORT1", "team_id=" + team);
        HttpResponse<String> ack = post(body, "application/x-www-form-urlencoded");
        assertThat(ack.statusCode()).as(ack.body()).isEqualTo(200);
        return slack.await(SlackTestBed.nameOf(responseUrl)).json();
    }

    /** An Events API event (app_uninstalled, tokens_revoked) for a workspace. */
    HttpResponse<String> event(String fixture, String team, String botUser) {
        return post(Fixtures.filled(fixture, Map.of("team_id", team, "bot_user_id", botUser)), "application/json");
    }

    HttpResponse<String> post(String body, String contentType) {
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + front.port() + SlackEvents.PATH))
                .header("Content-Type", contentType)
                .header("X-Slack-Request-Timestamp", String.valueOf(timestamp))
                .header("X-Slack-Signature", SlackTestBed.sign(SlackTestBed.SIGNING_SECRET, timestamp, body))
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

    /** The daily digest as Rapport runs it, through this adapter's messenger. */
    DigestScheduler digests() {
        return core.digests(core.delivery(List.of(adapter.messenger())), 1);
    }

    @Override
    public void close() throws Exception {
        front.close();
        inbox.stop(Duration.ofSeconds(5));
        adapter.close();
        slack.close();
        store.close();
    }
}
