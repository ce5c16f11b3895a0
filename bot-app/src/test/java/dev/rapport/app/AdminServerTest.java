package dev.rapport.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.api.CommandRequest;
import dev.rapport.core.api.Requester;
import dev.rapport.core.assembly.CoreAssembly;
import dev.rapport.core.digest.DigestScheduler;
import dev.rapport.core.domain.UserKey;
import dev.rapport.core.port.DirectMessenger;
import dev.rapport.core.port.Storage;
import dev.rapport.core.reply.Reply;
import dev.rapport.core.testing.MutableClock;
import dev.rapport.store.sqlite.Database;
import dev.rapport.store.sqlite.SqliteStorage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin endpoint over a real SQLite file: alive, ready (and not), and Prometheus metrics that move. */
class AdminServerTest {
    /** One sample line of the Prometheus text format: a name, optional labels, a value. */
    private static final Pattern SAMPLE = Pattern.compile(
            "[a-zA-Z_:][a-zA-Z0-9_:]*(\\{[a-zA-Z_][a-zA-Z0-9_]*=\"(\\\\.|[^\"\\\\])*\"(,[a-zA-Z_][a-zA-Z0-9_]*=\"(\\\\.|[^\"\\\\])*\")*,?\\})?"
                    + " (-?[0-9.]+([eE][-+]?[0-9]+)?|NaN|\\+Inf|-Inf)( -?[0-9]+)?");

    private static final Pattern COMMENT = Pattern.compile(
            "# (HELP [a-zA-Z_:][a-zA-Z0-9_:]* .*|TYPE [a-zA-Z_:][a-zA-Z0-9_:]* (counter|gauge|histogram|summary|untyped))");

    @TempDir
    Path folder;

    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicBoolean slackConnected = new AtomicBoolean(true);
    private final MutableClock clock = MutableClock.at("2026-11-25T09:00:00Z");
    private Database db;
    private Metrics metrics;
    private AdminServer admin;

    @BeforeEach
    void start() throws Exception {
        db = Database.open(folder.resolve("rapport.db"));
        metrics = new Metrics(clock);
        Readiness readiness = new Readiness()
                .with("database", db::problem)
                .with("slack", () -> slackConnected.get() ? Optional.empty() : Optional.of("not connected"));
        admin = AdminServer.start("127.0.0.1", 0, readiness, metrics);
    }

    @AfterEach
    void stop() throws Exception {
        admin.close();
        metrics.close();
        db.close();
    }

    @Test
    void healthzAnswersWhileTheProcessLives() throws Exception {
        HttpResponse<String> health = get("/healthz");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("ok\n");
    }

    @Test
    void readyzTurnsFalseWhenAnAdapterDropsOrTheDatabaseGoesAway() throws Exception {
        // GIVEN everything is up
        HttpResponse<String> ready = get("/readyz");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).isEqualTo("database: ok\nslack: ok\n");

        // WHEN Slack's connection drops
        slackConnected.set(false);
        HttpResponse<String> adapterDown = get("/readyz");

        // THEN the instance is not ready, and says which part
        assertThat(adapterDown.statusCode()).isEqualTo(503);
        assertThat(adapterDown.body())
                .contains("slack: not ready, not connected")
                .contains("database: ok");

        // WHEN Slack is back but the database file is taken away
        slackConnected.set(true);
        Files.delete(folder.resolve("rapport.db"));
        HttpResponse<String> databaseGone = get("/readyz");

        // THEN it is not ready because of the database
        assertThat(databaseGone.statusCode()).isEqualTo(503);
        assertThat(databaseGone.body())
                .contains("database: not ready, the database file")
                .contains("is gone");
    }

    @Test
    void readyzIsFalseOnceTheDatabaseIsClosed() throws Exception {
        db.close();

        HttpResponse<String> ready = get("/readyz");

        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.body()).startsWith("database: not ready, the database does not answer");
    }

    @Test
    void metricsParseAsPrometheusTextAndMoveWhenACommandRunsAndADigestIsSent() throws Exception {
        // GIVEN core on the database, telling the metrics
        Storage storage = SqliteStorage.over(db);
        CoreAssembly core = CoreAssembly.over(clock, storage, metrics);
        metrics.watchBacklog(storage.digestOutbox());
        metrics.watchInbox(storage.inbox());
        Requester ada = Requester.of("slack", "T1", "U1", "Ada").withZone(ZoneId.of("UTC"));
        assertThat(samples(get("/metrics").body()))
                .doesNotContainKey("rapport_commands_seconds_count{command=\"/remember\",outcome=\"ok\"}");

        // WHEN Ada remembers someone, asks for a follow-up due today, and the 09:00 digest goes out
        core.rapport().handle(CommandRequest.of(ada, "remember", "Marc Kelly: likes sailing"));
        core.rapport().handle(CommandRequest.of(ada, "followup", "Marc Kelly today"));
        core.rapport().handle(CommandRequest.of(ada, "no-such-command", ""));
        Recording slack = new Recording();
        try (DigestScheduler digests = core.digests(core.delivery(List.of(slack)), 1)) {
            digests.tick();
        }

        // THEN the scrape is valid Prometheus text and shows each of those
        HttpResponse<String> scrape = get("/metrics");
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("content-type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        Map<String, Double> samples = samples(scrape.body());
        assertThat(slack.sent).isEqualTo(1);
        assertThat(samples)
                .containsEntry("rapport_commands_seconds_count{command=\"/remember\",outcome=\"ok\"}", 1.0)
                .containsEntry("rapport_commands_seconds_count{command=\"/followup\",outcome=\"ok\"}", 1.0)
                .containsEntry("rapport_commands_seconds_count{command=\"unknown\",outcome=\"refused\"}", 1.0)
                .containsEntry("rapport_digests_sent_total{platform=\"slack\"}", 1.0)
                .containsEntry("rapport_digests_pending", 0.0)
                .containsEntry("rapport_digests_oldest_pending_age_seconds", 0.0)
                .containsEntry("rapport_inbox_depth", 0.0);
        assertThat(samples.keySet())
                .anyMatch(name -> name.startsWith("rapport_commands_seconds_bucket{command=\"/remember\""))
                .anyMatch(name -> name.startsWith("jvm_memory_used_bytes"));
    }

    @Test
    void onlyItsThreeAddressesAndOnlyReadsAreAnswered() throws Exception {
        assertThat(get("/").statusCode()).isEqualTo(404);
        assertThat(get("/slack/events").statusCode()).isEqualTo(404);
        HttpResponse<String> post = http.send(
                HttpRequest.newBuilder(uri("/metrics"))
                        .POST(HttpRequest.BodyPublishers.ofString("x"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
    }

    @Test
    void itListensOnThisMachineOnlyUnlessTheOperatorSaysOtherwise() {
        assertThat(Config.of(Map.of("RAPPORT_ADMIN_PORT", "9464")).adminHost()).isEqualTo("127.0.0.1");
        assertThat(Config.of(Map.of("RAPPORT_ADMIN_PORT", "9464")).adminPort()).hasValue(9464);
        assertThat(Config.of(Map.of()).adminPort()).isEmpty();
        assertThat(Config.of(Map.of("RAPPORT_ADMIN_HOST", "0.0.0.0")).adminHost())
                .isEqualTo("0.0.0.0");
    }

    /** Every sample of a scrape by its name and labels; fails on any line that is not Prometheus text. */
    private static Map<String, Double> samples(String body) {
        Map<String, Double> samples = new java.util.HashMap<>();
        for (String line : body.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                assertThat(line).matches(COMMENT);
                continue;
            }
            assertThat(line).matches(SAMPLE);
            // Micrometer writes no timestamps, so the value is the last field and the rest names the series.
            int cut = line.lastIndexOf(' ');
            samples.put(
                    line.substring(0, cut),
                    Double.parseDouble(line.substring(cut + 1).replace("+Inf", "Infinity")));
        }
        return samples;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri(path))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + admin.port() + path);
    }

    /** A platform that takes every message. */
    private static final class Recording implements DirectMessenger {
        int sent;

        @Override
        public String platform() {
            return "slack";
        }

        @Override
        public Delivery send(UserKey to, Reply message, String dedupeKey) {
            sent++;
            return new Sent();
        }
    }
}
