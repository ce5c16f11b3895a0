package dev.rapport.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.app_backend.SlackSignature;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to a whole Rapport process in Slack HTTP mode while a burst of signed slash commands is under way: the real
 * bot (this module's classpath, {@link Main}) on a fresh data folder, its Web API and response URLs on a fake on
 * 127.0.0.1, then a second start on the same folder. Nothing acknowledged is lost, nothing runs or is answered twice.
 */
class SigtermTest {
    private static final String SECRET = "sigterm-signing-secret-000000000";
    private static final String TOKEN = "xoxb-0000000000-0000000000000-sigtermsigtermsigterm";
    private static final int USERS = 6;
    private static final int SENDERS = 4;
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Duration POLL = Duration.ofMillis(50);
    private static final Pattern LISTENING = Pattern.compile("HTTP front listening on 127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path folder;

    @Test
    void aSigtermDuringABurstLosesNoAcknowledgedCommandAndRunsNoneTwice() throws Exception {
        try (FakeWebApi slack = FakeWebApi.start()) {
            // GIVEN Rapport running in Slack HTTP mode on a fresh data folder
            Bot first = Bot.start(folder, slack, "first");
            Burst burst = new Burst(first.port(), slack);

            // WHEN a burst of signed slash commands from several users is under way
            burst.start();
            first.until(() -> burst.acknowledged() >= 60, "60 commands acknowledged");
            // AND SIGTERM (Process.destroy on Linux) arrives while requests are in flight
            burst.stopping();
            first.process().destroy();
            boolean exited = first.process().waitFor(10, TimeUnit.SECONDS);
            burst.awaitEnd();

            // THEN the process exits within 10 s, as a JVM does after its shutdown hooks ran (128 + SIGTERM)
            assertThat(exited)
                    .as("exited within 10 s of SIGTERM; log:%n%s", first.log())
                    .isTrue();
            assertThat(first.process().exitValue()).as(first.log()).isIn(0, 143);
            // AND every request that got its 200 is in the inbox exactly once
            Map<Long, String> rows = inbox(first.database());
            Map<Long, Long> copies = rowsPerCommand(first.database());
            assertThat(burst.outcomes(Burst.ACKNOWLEDGED))
                    .as("acknowledged commands in the inbox")
                    .allSatisfy(n ->
                            assertThat(copies.get(n)).as("inbox rows of c%d", n).isEqualTo(1L));
            Map<String, Long> states = new TreeMap<>();
            rows.values().forEach(state -> states.merge(state, 1L, Long::sum));
            System.out.printf(
                    "SigtermTest: %d acknowledged, %d refused before the stop; after SIGTERM %s; inbox at exit %s%n",
                    burst.acknowledged(),
                    burst.outcomes.size()
                            - burst.acknowledged()
                            - burst.afterStop().size(),
                    burst.afterStop().stream()
                            .collect(java.util.stream.Collectors.groupingBy(
                                    s -> s, TreeMap::new, java.util.stream.Collectors.counting())),
                    states);
            // AND what was sent once the stop had begun was either written down and acknowledged, or refused
            // (503, or no connection): never an error after the request was taken
            assertThat(burst.afterStop())
                    .as("statuses of requests sent after SIGTERM (-1: no connection)")
                    .isNotEmpty()
                    .allSatisfy(status -> assertThat(status).isIn(200, 503, -1));
            assertThat(burst.afterStop()).as("refused once the front stopped").contains(-1);

            // WHEN Rapport starts again on the same folder
            Bot second = Bot.start(folder, slack, "second");
            // THEN whatever the first run handed back to the inbox runs, while its response_url still works
            second.until(
                    () -> {
                        Map<Long, String> now = inbox(second.database());
                        return burst.outcomes(Burst.ACKNOWLEDGED).stream()
                                .allMatch(n -> slack.calls("response/c" + n) > 0 || !"PENDING".equals(now.get(n)));
                    },
                    "every acknowledged command answered or finished");
            // AND each user's next command tells them of any of theirs that ran but whose answer did not arrive
            Burst last = new Burst(second.port(), slack);
            for (int user = 0; user < USERS; user++) {
                assertThat(last.send(user, "last" + user))
                        .as("last command of U%d", user)
                        .isEqualTo(200);
            }
            second.until(
                    () -> java.util.stream.IntStream.range(0, USERS)
                            .allMatch(user -> slack.calls("response/last" + user) > 0),
                    "the last commands answered");
            Map<Long, String> told = told(second.database());
            Map<String, Long> notes = notes(second.database());
            second.process().destroy();
            assertThat(second.process().waitFor(10, TimeUnit.SECONDS))
                    .as("the second run exits within 10 s of SIGTERM")
                    .isTrue();

            // THEN every acknowledged command was stored once and answered once through its response_url, or its
            // user was told; none was answered twice
            for (long n : burst.outcomes(Burst.ACKNOWLEDGED)) {
                long answers = slack.calls("response/c" + n);
                assertThat(answers).as("answers to c%d", n).isLessThanOrEqualTo(1);
                assertThat(answers == 1 || told.containsKey(n))
                        .as(
                                "c%d answered or its user told (inbox state %s)",
                                n, inbox(second.database()).get(n))
                        .isTrue();
                assertThat(notes.getOrDefault("c" + n, 0L))
                        .as("note c%d stored", n)
                        .isEqualTo(1);
            }
            // AND no note was stored twice, and no request that was refused ran anyway unless it had been written
            assertThat(notes.values())
                    .as("no note twice")
                    .allSatisfy(count -> assertThat(count).isEqualTo(1L));
            assertThat(contactsPerOwner(second.database()))
                    .as("one contact per user: a user's commands never overtook each other")
                    .allSatisfy(count -> assertThat(count).isEqualTo(1L));
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** A Rapport process of this module's classpath, its standard output (the log, in server mode) in a file. */
    record Bot(Process process, int port, Path database, Path output) {
        static Bot start(Path folder, FakeWebApi slack, String name) throws IOException, InterruptedException {
            Path output = folder.resolve("out-" + name + ".txt");
            ProcessBuilder builder = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            // A short-lived process: the quick compiler alone starts it in about half the CPU.
                            "-XX:TieredStopAtLevel=1",
                            "-Dlogback.configurationFile="
                                    + Path.of("target", "classes", "logback.xml")
                                            .toAbsolutePath(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            Main.class.getName())
                    .directory(folder.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            Map<String, String> env = builder.environment();
            env.keySet()
                    .removeIf(key ->
                            key.startsWith("SLACK_") || key.startsWith("DISCORD_") || key.startsWith("RAPPORT_"));
            env.remove("PORT");
            env.remove("HOST");
            Path database = folder.resolve("data/rapport.db");
            env.put("RAPPORT_DB", database.toString());
            env.put("RAPPORT_BACKUP_DIR", folder.resolve("data/backups").toString());
            env.put("SLACK_BOT_TOKEN", TOKEN);
            env.put("SLACK_SIGNING_SECRET", SECRET);
            env.put("SLACK_API_URL", slack.apiUrl());
            env.put("PORT", "0");
            Process process = builder.start();
            Bot starting = new Bot(process, 0, database, output);
            starting.until(() -> starting.listening().isPresent(), "the HTTP front listening");
            starting.until(() -> starting.log().contains("Rapport is running"), "Rapport running");
            return new Bot(process, starting.listening().orElseThrow(), database, output);
        }

        Optional<Integer> listening() {
            Matcher matcher = LISTENING.matcher(log());
            return matcher.find() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
        }

        String log() {
            try {
                return Files.exists(output) ? Files.readString(output) : "";
            } catch (IOException e) {
                return "";
            }
        }

        /** Waits, on the process (which must stay alive), until {@code condition} holds; fails after {@link #WAIT}. */
        void until(BooleanSupplier condition, String what) throws InterruptedException {
            // Each look waits on the process for at most POLL, so a bounded number of looks bounds the wait.
            long looks = WAIT.toMillis() / POLL.toMillis();
            for (long look = 0; !condition.getAsBoolean(); look++) {
                assertThat(look).as("%s within %s; log:%n%s", what, WAIT, log()).isLessThan(looks);
                assertThat(process.waitFor(POLL.toMillis(), TimeUnit.MILLISECONDS))
                        .as("Rapport stopped before %s; log:%n%s", what, log())
                        .isFalse();
            }
        }
    }

    /**
     * Signed {@code /remember Friend<u> Kelly: c<n>} commands from {@link #SENDERS} threads, each with its own
     * trigger_id and response_url; outcomes by command number: the status, or -1 when there was no connection.
     */
    static final class Burst {
        static final int ACKNOWLEDGED = 200;

        private final int port;
        private final FakeWebApi slack;
        private final HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        private final AtomicLong next = new AtomicLong();
        private final Map<Long, Integer> outcomes = new ConcurrentHashMap<>();
        private final ConcurrentLinkedQueue<Integer> afterStop = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean stopping = new AtomicBoolean();
        private final List<Thread> senders = new ArrayList<>();

        Burst(int port, FakeWebApi slack) {
            this.port = port;
            this.slack = slack;
        }

        void start() {
            for (int s = 0; s < SENDERS; s++) {
                int sender = s;
                Thread thread = new Thread(() -> {
                    long mine = 0;
                    // Until SIGTERM, then on until a request of this sender found the front gone.
                    while (true) {
                        boolean after = stopping.get();
                        long n = next.incrementAndGet();
                        int status = send((int) ((sender + SENDERS * mine++) % USERS), "c" + n);
                        outcomes.put(n, status);
                        if (after) {
                            afterStop.add(status);
                            if (status == -1) {
                                return;
                            }
                        }
                    }
                });
                thread.setDaemon(true);
                senders.add(thread);
                thread.start();
            }
        }

        void stopping() {
            stopping.set(true);
        }

        void awaitEnd() throws InterruptedException {
            for (Thread sender : senders) {
                sender.join(WAIT.toMillis());
                assertThat(sender.isAlive()).as("sender ended").isFalse();
            }
        }

        long acknowledged() {
            return outcomes.values().stream().filter(s -> s == ACKNOWLEDGED).count();
        }

        List<Long> outcomes(int status) {
            return outcomes.entrySet().stream()
                    .filter(e -> e.getValue() == status)
                    .map(Map.Entry::getKey)
                    .sorted()
                    .toList();
        }

        List<Integer> afterStop() {
            return List.copyOf(afterStop);
        }

        /** Sends {@code /remember Friend<user> Kelly: <label>} answered at response/<label>; its status or -1. */
        int send(int user, String label) {
            String body = "token=x&team_id=T0SIGTERM&team_domain=sigterm&channel_id=C0SIGTERM&channel_name=general"
                    + "&user_id=U" + user + "&user_name=u" + user + "&command=%2Fremember&text="
                    + URLEncoder.encode("Friend" + user + " Kelly: " + label, StandardCharsets.UTF_8)
                    + "&api_app_id=A0SIGTERM&response_url="
                    + URLEncoder.encode(slack.base() + "/response/" + label, StandardCharsets.UTF_8)
                    + "&trigger_id=" + label + ".1111.sigterm";
            String timestamp = String.valueOf(java.time.Instant.now().getEpochSecond());
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slack/events"))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-Slack-Request-Timestamp", timestamp)
                    .header("X-Slack-Signature", new SlackSignature.Generator(SECRET).generate(timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            try {
                return http.send(request, HttpResponse.BodyHandlers.discarding())
                        .statusCode();
            } catch (IOException e) {
                return -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }
    }

    /** The Web API methods Rapport calls here, on 127.0.0.1, and response URLs that count what they are sent. */
    static final class FakeWebApi implements AutoCloseable {
        private final HttpServer server;
        private final ExecutorService threads = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "fake-slack");
            thread.setDaemon(true);
            return thread;
        });
        private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();

        private FakeWebApi() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            server.setExecutor(threads);
            server.createContext("/", this::serve);
            server.start();
        }

        static FakeWebApi start() throws IOException {
            return new FakeWebApi();
        }

        String base() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        String apiUrl() {
            return base() + "/api/";
        }

        long calls(String name) {
            AtomicLong count = calls.get(name);
            return count == null ? 0 : count.get();
        }

        private void serve(HttpExchange exchange) throws IOException {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                String path = exchange.getRequestURI().getPath();
                String name = path.startsWith("/api/") ? path.substring("/api/".length()) : path.substring(1);
                calls.computeIfAbsent(name, n -> new AtomicLong()).incrementAndGet();
                String body = name.equals("auth.test")
                        ? "{\"ok\":true,\"url\":\"https://sigterm.slack.com/\",\"team\":\"Sigterm\",\"user\":\"rapport\","
                                + "\"team_id\":\"T0SIGTERM\",\"user_id\":\"U0BOT00001\",\"bot_id\":\"B0BOT00001\"}"
                        : name.startsWith("response/") ? "ok" : "{\"ok\":true}";
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
                exchange.sendResponseHeaders(200, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }

        @Override
        public void close() {
            server.stop(0);
            threads.shutdownNow();
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** Inbox rows by command number (from the trigger_id c<n>.1111.sigterm): their state. */
    static Map<Long, String> inbox(Path database) {
        Map<Long, String> rows = new HashMap<>();
        query(database, "SELECT dedupe_key, state FROM inbox", rs -> {
            String key = rs.getString(1);
            if (key.startsWith("slack:c")) {
                rows.put(Long.parseLong(key.substring("slack:c".length(), key.indexOf('.'))), rs.getString(2));
            }
        });
        return rows;
    }

    /** How many inbox rows each command number has. */
    static Map<Long, Long> rowsPerCommand(Path database) {
        Map<Long, Long> rows = new HashMap<>();
        query(database, "SELECT dedupe_key FROM inbox", rs -> {
            String key = rs.getString(1);
            if (key.startsWith("slack:c")) {
                rows.merge(Long.parseLong(key.substring("slack:c".length(), key.indexOf('.'))), 1L, Long::sum);
            }
        });
        return rows;
    }

    /** Command numbers whose rows ran or expired without an answer and whose user was told. */
    static Map<Long, String> told(Path database) {
        Map<Long, String> rows = new HashMap<>();
        query(database, "SELECT dedupe_key, state FROM inbox WHERE told_at IS NOT NULL", rs -> {
            String key = rs.getString(1);
            if (key.startsWith("slack:c")) {
                rows.put(Long.parseLong(key.substring("slack:c".length(), key.indexOf('.'))), rs.getString(2));
            }
        });
        return rows;
    }

    static Map<String, Long> notes(Path database) {
        Map<String, Long> notes = new TreeMap<>();
        query(
                database,
                "SELECT body, count(*) FROM notes GROUP BY body",
                rs -> notes.put(rs.getString(1), rs.getLong(2)));
        return notes;
    }

    static List<Long> contactsPerOwner(Path database) {
        List<Long> counts = new ArrayList<>();
        query(database, "SELECT count(*) FROM contacts GROUP BY owner_id", rs -> counts.add(rs.getLong(1)));
        return counts;
    }

    interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    static void query(Path database, String sql, Row row) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                row.read(rs);
            }
        } catch (SQLException e) {
            throw new AssertionError("reading " + database + ": " + sql, e);
        }
    }
}
