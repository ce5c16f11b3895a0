package dev.rapport.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.rapport.core.delivery.Pacer;
import dev.rapport.core.port.DirectMessenger;
import dev.rapport.core.reply.Reply;
import dev.rapport.core.reply.Section;
import dev.rapport.core.testing.MutableClock;
import dev.rapport.discord.command.Requesters;
import dev.rapport.discord.render.DiscordReplyRenderer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.internal.JDAImpl;
import net.dv8tion.jda.internal.entities.SelfUserImpl;
import net.dv8tion.jda.internal.utils.config.AuthorizationConfig;
import net.dv8tion.jda.internal.utils.config.SessionConfig;
import net.dv8tion.jda.internal.utils.config.ThreadingConfig;
import net.dv8tion.jda.internal.utils.config.flags.ConfigFlag;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The bot's REST requests over a real HTTP connection to a local stand-in for Discord: paced to the global budget
 * (time is a hand-moved clock that only the pacer's waits advance), a global 429 holding the budget exactly its
 * retry_after, interaction answers never held, and a route's 429 handed back to the outbox through JDA's own
 * requester and rate limiter.
 */
class DiscordPacingTest {
    private static final String USER = "500000000000000001";

    private final MutableClock clock = MutableClock.at("2026-11-25T10:00:00Z");
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final Pacer.Waiter waiter = wait -> {
        waits.add(wait);
        clock.advance(wait);
    };
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    /** What the stand-in answers on a path: a status, extra headers, a JSON body. */
    record Answer(int status, Map<String, String> headers, String body) {}

    DiscordPacingTest() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.createContext("/", this::serve);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void requestsGoOutAtTheBudgetsRateAndANewBudgetStartsEmpty() throws IOException {
        OkHttpClient client = new DiscordPacing(10, clock, waiter).client();

        for (int i = 0; i < 3; i++) {
            post(client, "channels/1/messages");
        }

        assertThat(waits).hasSize(3).allSatisfy(wait -> assertThat(wait).isEqualTo(Duration.ofMillis(100)));
        assertThat(paths).hasSize(3);
    }

    @Test
    void aGlobal429HoldsEveryRequestExactlyItsRetryAfter() throws IOException {
        OkHttpClient client = new DiscordPacing(10, clock, waiter).client();
        answers.put(
                "/api/v10/channels/1/messages",
                new Answer(
                        429,
                        Map.of("X-RateLimit-Global", "true", "X-RateLimit-Scope", "global", "Retry-After", "3"),
                        "{\"message\":\"You are being rate limited.\",\"retry_after\":2.5,\"global\":true}"));
        post(client, "channels/1/messages");
        waits.clear();

        post(client, "channels/2/messages");

        assertThat(waits.stream().reduce(Duration.ZERO, Duration::plus)).isEqualTo(Duration.ofMillis(2500));
    }

    @Test
    void interactionAnswersAreNeverHeld() throws IOException {
        OkHttpClient client = new DiscordPacing(10, clock, waiter).client();

        post(client, "interactions/1310000000000000101/token-1/callback");
        post(client, "webhooks/1100000000000000001/token-1/messages/%40original");

        assertThat(waits).isEmpty();
        assertThat(paths).hasSize(2);
    }

    @Test
    void aRoutes429GoesBackToTheOutboxAndDoesNotPauseThePlatform() {
        answers.put(
                "/api/v10/users/@me/channels",
                new Answer(
                        200,
                        Map.of(),
                        DiscordTester.fill(DiscordTester.read("dm-channel-opened.json"), Map.of("userId", USER))));
        answers.put(
                "/api/v10/channels/920000000000000009/messages",
                new Answer(
                        429,
                        Map.of("X-RateLimit-Scope", "user", "Retry-After", "2", "X-RateLimit-Bucket", "messages"),
                        "{\"message\":\"You are being rate limited.\",\"retry_after\":1.5,\"global\":false}"));
        DiscordSettings settings =
                new DiscordSettings("test-token-not-a-real-discord-token", Optional.empty(), Optional.of(baseUrl()));
        JDAImpl jda = restOnly(settings);
        try {
            DiscordMessenger messenger = new DiscordMessenger(jda, new DiscordReplyRenderer(), Duration.ofSeconds(5));

            DirectMessenger.Delivery delivery = messenger.send(
                    Requesters.key(USER), Reply.of(Section.titled("Marc", "Ask: the move?")), "digest:42:2026-11-25");

            // JDA reads the wait from the Retry-After header (whole seconds).
            assertThat(delivery)
                    .isEqualTo(
                            new DirectMessenger.RetryLater(Duration.ofSeconds(2), DiscordMessenger.ROUTE_RATE_LIMITED));
            assertThat(((DirectMessenger.RetryLater) delivery).rateLimited()).isFalse();
            assertThat(paths)
                    .containsExactly("/api/v10/users/@me/channels", "/api/v10/channels/920000000000000009/messages");
        } finally {
            jda.shutdownNow();
        }
    }

    /** JDA's REST side as the bot sets it up (its requester, limiter and paced client), without a gateway. */
    private JDAImpl restOnly(DiscordSettings settings) {
        ThreadingConfig threads = ThreadingConfig.getDefault();
        threads.init(() -> "test");
        RestConfig rest = DiscordBot.restConfig(settings);
        OkHttpClient client = new DiscordPacing(1000, clock, waiter).client();
        SessionConfig session = new SessionConfig(null, client, null, null, ConfigFlag.getDefault(), 900, 250);
        JDAImpl jda = new JDAImpl(new AuthorizationConfig(settings.token()), session, threads, null, rest, null);
        jda.initRequester();
        SelfUserImpl self = new SelfUserImpl(DiscordTester.APPLICATION_ID, jda);
        self.setName("Rapport").setBot(true);
        jda.setSelfUser(self);
        return jda;
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v10/";
    }

    private void post(OkHttpClient client, String route) throws IOException {
        Request request = new Request.Builder()
                .url(baseUrl() + route)
                .post(RequestBody.create("{}", MediaType.get("application/json")))
                .build();
        try (Response response = client.newCall(request).execute()) {
            response.body().string();
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            paths.add(exchange.getRequestURI().getPath());
            Answer answer = answers.getOrDefault(exchange.getRequestURI().getPath(), new Answer(200, Map.of(), "{}"));
            exchange.getResponseHeaders().set("Via", "1.1 google");
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            answer.headers().forEach(exchange.getResponseHeaders()::set);
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
