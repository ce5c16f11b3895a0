package dev.rapport.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Several Rapport instances on one PostgreSQL database: one embedded PostgreSQL (zonky; as root through
 * {@code unshare -U}), instances of the runnable jar as child processes in Slack HTTP mode against the fake Slack
 * Web API on 127.0.0.1 (each chat.postMessage answered after {@code -DpostDelayMs}, 100 ms, recorded before the
 * wait; no rate limit, and the instances' own pacing set out of the way with SLACK_REQUESTS_PER_SECOND), a tiny
 * round-robin front on 127.0.0.1 spreading signed Slack requests over them, and {@code -Dusers} (3,000) users seeded
 * in the database whose digests are all due when the instances start.
 *
 * <p>Three runs, each on a fresh database and a fresh fake: one instance (its rate is the floor); three instances;
 * three instances while one of them, at random, is killed with SIGKILL {@code -Dkills} (20) times or more and
 * started again, with signed {@code /remember} commands going through the front all along. Every instance holds
 * what it takes for {@code -DleaseSeconds} (25; RAPPORT_LEASE_SECONDS: above the ~13 s a batch of 500 digests takes
 * at 100 ms each, four at a time), so a killed one's digests are taken over within seconds. Kills come 1-3 s apart
 * (each killed instance started again at once); then the instances run until every digest is delivered. Reported: delivered, lost, duplicates (digests per user at the fake), takeovers after a lease
 * (the outbox's count), the time to deliver everything, and the rates.
 */
final class ClusterBench {
    private static final String TOKEN = "xoxb-0000000000-0000000000000-benchbenchbenchbench";
    private static final String WORKSPACE = "T1";
    /** Far more than the instances keep in flight (four sends each), so the fake is never what limits the rate. */
    private static final int FAKE_THREADS = 64;

    private final Path folder;
    private final Path jar;
    private final int users = Integer.getInteger("users", 3_000);
    private final int instances = Integer.getInteger("instances", 3);
    private final int kills = Integer.getInteger("kills", 20);
    private final long postDelayMillis = Long.getLong("postDelayMs", 100);
    private final int leaseSeconds = Integer.getInteger("leaseSeconds", 25);
    private final int commandUsers = Integer.getInteger("commandUsers", 24);
    private final long limitSeconds = Long.getLong("limit", 600);
    private final List<String> childJvm =
            List.of(System.getProperty("childJvm", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx256m")
                    .split(" "));
    private final Random random = new Random(Long.getLong("seed", 9));
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    ClusterBench(Path folder, Path jar) {
        this.folder = folder;
        this.jar = jar;
    }

    /** What one run measured. */
    record Run(
            String name,
            double fromLaunch,
            double firstToLast,
            long delivered,
            long lost,
            long duplicates,
            long takeovers,
            Map<String, Long> states) {
        double rate(int users) {
            return users / firstToLast;
        }
    }

    void run() throws Exception {
        if (!Files.exists(jar)) {
            System.out.println("cluster skipped: no " + jar + " (./mvnw -B -q -pl bot-app,bot-bench -am package"
                    + " -DskipTests)");
            return;
        }
        Path logs = folder.resolve("cluster-logs").toAbsolutePath();
        Files.createDirectories(logs);
        ZoneId zone = DueDigests.zone();
        System.out.printf(
                "%d users due now (digest 00:00 in %s, one follow-up due today each); fake Slack Web API on 127.0.0.1"
                        + " answering chat.postMessage after %d ms on %d threads (room for %d posts/s), no rate limit; instances: java %s -jar %s (Slack"
                        + " HTTP mode, RAPPORT_LEASE_SECONDS=%d, SLACK_REQUESTS_PER_SECOND=100000); logs in %s%n",
                users,
                zone,
                postDelayMillis,
                FAKE_THREADS,
                FAKE_THREADS * 1000 / Math.max(1, postDelayMillis),
                String.join(" ", childJvm),
                jar,
                leaseSeconds,
                logs);
        long pgStart = System.nanoTime();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setServerConfig("max_connections", "300")
                .start()) {
            System.out.printf(
                    "embedded PostgreSQL %s started in %.1f s (default durability: fsync on)%n",
                    version(postgres), (System.nanoTime() - pgStart) / 1e9);
            Run one = run(postgres, "one", 1, 0, zone, logs);
            Run three = run(postgres, "three", instances, 0, zone, logs);
            Run killed = run(postgres, "kills", instances, kills, zone, logs);
            System.out.println("== cluster: summary");
            for (Run r : List.of(one, three, killed)) {
                System.out.printf(
                        "%-6s delivered %d of %d, lost %d, duplicates %d, takeovers after a lease %d; everything"
                                + " delivered %.1f s after launch; first to last delivery %.1f s = %.0f digests/s%n",
                        r.name(),
                        r.delivered(),
                        users,
                        r.lost(),
                        r.duplicates(),
                        r.takeovers(),
                        r.fromLaunch(),
                        r.firstToLast(),
                        r.rate(users));
            }
            System.out.printf(
                    "%d instances vs one instance (the floor, same run): %.2fx without kills (target >= 2.5x), %.2fx"
                            + " with %d+ SIGKILLs and a %d s lease%n",
                    instances,
                    three.rate(users) / one.rate(users),
                    killed.rate(users) / one.rate(users),
                    kills,
                    leaseSeconds);
        }
    }

    private static String version(EmbeddedPostgres postgres) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private Run run(EmbeddedPostgres postgres, String name, int count, int minKills, ZoneId zone, Path logs)
            throws Exception {
        System.out.printf(
                "== cluster: %s (%d instance%s%s)%n",
                name, count, count == 1 ? "" : "s", minKills > 0 ? ", " + minKills + "+ kills with SIGKILL" : "");
        String database = "cluster_" + name;
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database);
            s.execute("CREATE DATABASE " + database);
        }
        String url = postgres.getJdbcUrl("postgres", database);
        long seedStart = System.nanoTime();
        seed(url, zone);
        System.out.printf("seeded %d users in %.1f s%n", users, (System.nanoTime() - seedStart) / 1e9);
        Path log = logs.resolve(name + ".log");
        Files.deleteIfExists(log);
        try (FakeSlack slack = new FakeSlack(0, 0, postDelayMillis, FAKE_THREADS);
                Front front = new Front()) {
            Slot[] slots = new Slot[count];
            // Should the bench itself fail or be stopped, its instances go with it.
            Thread reaper = new Thread(() -> {
                for (Slot slot : slots) {
                    if (slot != null && slot.process != null) {
                        slot.process.destroyForcibly();
                    }
                }
            });
            Runtime.getRuntime().addShutdownHook(reaper);
            long launched = System.nanoTime();
            for (int i = 0; i < count; i++) {
                slots[i] = new Slot(i, Instances.freePort());
                slots[i].launch(slack, url, log);
                front.backends.add(slots[i].port);
            }
            for (Slot slot : slots) {
                if (!Instances.awaitPort(slot.process, slot.port, Duration.ofSeconds(120))) {
                    throw new IllegalStateException("instance " + slot.name + " did not listen; see " + log);
                }
            }
            System.out.printf(
                    "%d instance(s) listening %.1f s after launch; front on 127.0.0.1:%d%n",
                    count, (System.nanoTime() - launched) / 1e9, front.port());
            Commands commands = minKills > 0 ? new Commands(front.port(), slack) : null;
            if (commands != null) {
                commands.start();
            }
            long deadline = launched + limitSeconds * 1_000_000_000L;
            long firstPost = 0;
            long allDelivered = 0;
            int killed = 0;
            int killedWhileOwed = 0;
            long heldAtDeath = 0;
            Map<Integer, Integer> exitCodes = new TreeMap<>();
            long nextKill = launched + pause();
            while (System.nanoTime() < deadline) {
                long now = System.nanoTime();
                if (firstPost == 0 && slack.posts.get() > 0) {
                    firstPost = now;
                }
                if (allDelivered == 0 && delivered(slack) == users) {
                    allDelivered = now;
                }
                if (killed < minKills) {
                    if (now >= nextKill) {
                        Slot slot = slots[random.nextInt(count)];
                        String was = slot.name;
                        slot.process.destroyForcibly(); // SIGKILL
                        if (!slot.process.waitFor(30, TimeUnit.SECONDS)) {
                            throw new IllegalStateException(was + " survived SIGKILL for 30 s");
                        }
                        exitCodes.merge(slot.process.exitValue(), 1, Integer::sum);
                        killed++;
                        if (allDelivered == 0) {
                            killedWhileOwed++;
                        }
                        heldAtDeath += held(url, was);
                        slot.launch(slack, url, log);
                        nextKill = System.nanoTime() + pause();
                    }
                } else if (allDelivered != 0 && settled(url)) {
                    break;
                }
                Thread.sleep(10);
            }
            if (commands != null) {
                commands.stop();
                // What was acknowledged and not yet run is run by the instances now.
                long until = System.nanoTime() + 120_000_000_000L;
                while (System.nanoTime() < until && pendingRequests(url) > 0) {
                    Thread.sleep(100);
                }
            }
            for (Slot slot : slots) {
                slot.process.destroy(); // SIGTERM
            }
            for (Slot slot : slots) {
                if (!slot.process.waitFor(30, TimeUnit.SECONDS)) {
                    slot.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                }
            }
            DueDigests.Check check = DueDigests.Check.of(users, slack.deliveries);
            Map<String, Long> states = states(url);
            long takeovers = takeovers(url);
            long notSent = users - states.getOrDefault("SENT", 0L);
            double fromLaunch = allDelivered == 0 ? Double.NaN : (allDelivered - launched) / 1e9;
            double firstToLast = allDelivered == 0 ? Double.NaN : (allDelivered - firstPost) / 1e9;
            if (minKills > 0) {
                System.out.printf(
                        "kills %d with SIGKILL, each instance started again at once (%d while digests were still"
                                + " owed); exit codes %s (137 = 128 + SIGKILL); outbox rows the killed instances"
                                + " held when they died %d%n",
                        killed, killedWhileOwed, exitCodes, heldAtDeath);
            }
            System.out.printf(
                    "delivered %d of %d (chat.postMessage calls %d), lost %d (outbox rows not SENT %d, users never"
                            + " recorded %d), duplicates %d (targets: 0, 0)%n",
                    check.delivered(),
                    users,
                    slack.requests("chat.postMessage"),
                    Math.max(notSent, check.lost()),
                    notSent,
                    check.lost(),
                    check.duplicates());
            System.out.printf(
                    "takeovers after a lease %d; conversations.history lookups %d, %d found the digest already"
                            + " there (sent by a killed instance, not sent again)%n",
                    takeovers, slack.historyLookups.get(), slack.historyHits.get());
            System.out.printf(
                    "everything delivered %.1f s after launch; first to last delivery %.1f s = %.0f digests/s;"
                            + " outbox states %s%n",
                    fromLaunch, firstToLast, users / firstToLast, states);
            System.out.printf(
                    "front: requests per instance slot %s, re-sent to the next instance after a failure %d%n",
                    front.perBackend(), front.failovers.get());
            if (commands != null) {
                commands.report(url);
            }
            return new Run(
                    name,
                    fromLaunch,
                    firstToLast,
                    check.delivered(),
                    Math.max(notSent, check.lost()),
                    check.duplicates(),
                    takeovers,
                    states);
        }
    }

    private long pause() {
        return (1_000 + random.nextInt(2_000)) * 1_000_000L;
    }

    private long delivered(FakeSlack slack) {
        long n = 0;
        for (String user : slack.deliveries.keySet()) {
            if (user.startsWith("U0")) {
                n++;
            }
        }
        return n;
    }

    /** One instance's place: its port (the same after a restart) and its process of the moment. */
    private final class Slot {
        final int index;
        final int port;
        int runs;
        String name;
        Process process;

        Slot(int index, int port) {
            this.index = index;
            this.port = port;
        }

        void launch(FakeSlack slack, String url, Path log) throws IOException {
            runs++;
            name = "node" + index + "-run" + runs;
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(childJvm);
            command.add("-jar");
            command.add(jar.toAbsolutePath().toString());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(folder.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(k -> k.startsWith("SLACK_") || k.startsWith("DISCORD_") || k.startsWith("RAPPORT_"));
            env.put("SLACK_BOT_TOKEN", TOKEN);
            env.put("SLACK_SIGNING_SECRET", Instances.SIGNING_SECRET);
            env.put("PORT", String.valueOf(port));
            env.put("SLACK_API_URL", slack.apiUrl());
            env.put("SLACK_REQUESTS_PER_SECOND", "100000");
            env.put("RAPPORT_DB", url);
            env.put("RAPPORT_INSTANCE", name);
            env.put("RAPPORT_LEASE_SECONDS", String.valueOf(leaseSeconds));
            process = builder.start();
        }
    }

    /** Users, one contact each with a follow-up due today, digest at 00:00 every day: all due at once. */
    private void seed(String url, ZoneId zone) throws SQLException {
        // Opening the store's database runs the real migrations.
        try (dev.rapport.store.postgres.Database db =
                dev.rapport.store.postgres.Database.open(url, Optional.empty(), Optional.empty(), 2)) {
            String today = LocalDate.now(zone).toString();
            String created = "2026-01-01T00:00:00Z";
            db.write(c -> {
                try (PreparedStatement users = c.prepareStatement("INSERT INTO users (platform, workspace,"
                                + " platform_user_id, display_name, time_zone, zone_chosen, digest_time, digest_days,"
                                + " created_at) SELECT 'slack', ?, 'U' || lpad(g::text, 8, '0'), 'User ' || g, ?, 1,"
                                + " '00:00', 'EVERYDAY', ? FROM generate_series(0, ? - 1) g");
                        PreparedStatement contacts = c.prepareStatement("INSERT INTO contacts (owner_id, name,"
                                + " name_key, last_contact, created_at) SELECT id, 'Friend of ' || display_name,"
                                + " lower('Friend of ' || display_name), '2026-10-01', ? FROM users");
                        PreparedStatement followUps = c.prepareStatement("INSERT INTO follow_ups (owner_id,"
                                + " contact_id, due_on, reason, status, created_at) SELECT owner_id, id, ?,"
                                + " 'catch up', 'OPEN', ? FROM contacts")) {
                    users.setString(1, WORKSPACE);
                    users.setString(2, zone.getId());
                    users.setString(3, created);
                    users.setInt(4, this.users);
                    users.executeUpdate();
                    contacts.setString(1, created);
                    contacts.executeUpdate();
                    followUps.setString(1, today);
                    followUps.setString(2, created);
                    followUps.executeUpdate();
                }
                return null;
            });
        }
    }

    private static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url);
    }

    private static Map<String, Long> states(String url) throws SQLException {
        Map<String, Long> states = new TreeMap<>();
        try (Connection c = connect(url);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT state, COUNT(*) FROM digest_outbox GROUP BY state")) {
            while (rs.next()) {
                states.put(rs.getString(1), rs.getLong(2));
            }
        }
        return states;
    }

    private static long takeovers(String url) throws SQLException {
        return single(url, "SELECT COALESCE(SUM(takeovers), 0) FROM digest_outbox");
    }

    /** No outbox row left open. */
    private boolean settled(String url) throws SQLException {
        return single(url, "SELECT COUNT(*) FROM digest_outbox WHERE state = 'CLAIMED'") == 0;
    }

    private static long pendingRequests(String url) {
        try {
            return single(url, "SELECT COUNT(*) FROM inbox WHERE state = 'PENDING'");
        } catch (SQLException e) {
            return 1;
        }
    }

    /** Outbox rows an instance held (open, under its name) when it died. */
    private static long held(String url, String instance) throws SQLException {
        try (Connection c = connect(url);
                PreparedStatement s = c.prepareStatement(
                        "SELECT COUNT(*) FROM digest_outbox WHERE state = 'CLAIMED' AND claimed_by = ?")) {
            s.setString(1, instance);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long single(String url, String sql) throws SQLException {
        try (Connection c = connect(url);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * A plain round-robin load balancer: each request goes to the next instance; one that cannot be reached (killed,
     * starting) is passed over for the next, as a load balancer does with a backend that refuses connections.
     */
    private final class Front implements AutoCloseable {
        final List<Integer> backends = new java.util.concurrent.CopyOnWriteArrayList<>();
        final AtomicLongArray forwarded = new AtomicLongArray(16);
        final AtomicLong failovers = new AtomicLong();
        private final AtomicInteger next = new AtomicInteger();
        private final HttpServer server;
        private final ExecutorService threads = Executors.newFixedThreadPool(8, runnable -> {
            Thread thread = new Thread(runnable, "front");
            thread.setDaemon(true);
            return thread;
        });

        Front() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            server.setExecutor(threads);
            server.createContext("/", this::forward);
            server.start();
        }

        int port() {
            return server.getAddress().getPort();
        }

        List<Long> perBackend() {
            List<Long> counts = new ArrayList<>();
            for (int i = 0; i < backends.size(); i++) {
                counts.add(forwarded.get(i));
            }
            return counts;
        }

        private void forward(HttpExchange exchange) throws IOException {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                int first = Math.floorMod(next.getAndIncrement(), backends.size());
                for (int tried = 0; tried < backends.size() * 2; tried++) {
                    int index = (first + tried) % backends.size();
                    HttpRequest.Builder request = HttpRequest.newBuilder(
                                    URI.create("http://127.0.0.1:" + backends.get(index) + exchange.getRequestURI()))
                            .timeout(Duration.ofSeconds(5))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
                    for (String header : List.of(
                            "Content-Type",
                            "X-Slack-Request-Timestamp",
                            "X-Slack-Signature",
                            "X-Slack-Retry-Num",
                            "X-Slack-Retry-Reason")) {
                        String value = exchange.getRequestHeaders().getFirst(header);
                        if (value != null) {
                            request.header(header, value);
                        }
                    }
                    try {
                        HttpResponse<byte[]> answer =
                                http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                        forwarded.incrementAndGet(index);
                        byte[] bytes = answer.body();
                        answer.headers()
                                .firstValue("Content-Type")
                                .ifPresent(type -> exchange.getResponseHeaders().set("Content-Type", type));
                        exchange.sendResponseHeaders(answer.statusCode(), bytes.length == 0 ? -1 : bytes.length);
                        if (bytes.length > 0) {
                            try (OutputStream out = exchange.getResponseBody()) {
                                out.write(bytes);
                            }
                        }
                        return;
                    } catch (IOException e) {
                        failovers.incrementAndGet();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
                exchange.sendResponseHeaders(503, -1);
            }
        }

        @Override
        public void close() {
            server.stop(0);
            threads.shutdownNow();
        }
    }

    /**
     * Signed {@code /remember Friend<u> Kelly: c<n>} commands from a few users through the front, two at a time, for
     * the whole kill run; each acknowledged one must be stored exactly once whatever instance took it.
     */
    private final class Commands {
        private final int port;
        private final String base;
        private final AtomicBoolean stop = new AtomicBoolean();
        private final Map<Long, Integer> acked = new ConcurrentHashMap<>();
        private final AtomicLong sent = new AtomicLong();
        private final AtomicLong next = new AtomicLong();
        private final FakeSlack slack;
        private final List<Thread> threads = new ArrayList<>();

        Commands(int port, FakeSlack slack) {
            this.port = port;
            this.slack = slack;
            this.base = slack.apiUrl().replace("/api/", "");
        }

        void start() {
            for (int s = 0; s < 2; s++) {
                int sender = s;
                Thread thread = new Thread(() -> {
                    Random mine = new Random(sender);
                    while (!stop.get()) {
                        send(sender + 2 * mine.nextInt(commandUsers / 2));
                        try {
                            Thread.sleep(20);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                });
                thread.start();
                threads.add(thread);
            }
        }

        void stop() throws InterruptedException {
            stop.set(true);
            for (Thread thread : threads) {
                thread.join();
            }
        }

        private void send(int user) {
            long n = next.incrementAndGet();
            String body = "token=x&team_id=" + WORKSPACE + "&team_domain=bench&channel_id=C0BENCH&channel_name=general"
                    + "&user_id=U9C" + user + "&user_name=c" + user + "&command=%2Fremember&text="
                    + URLEncoder.encode("Friend" + user + " Kelly: c" + n, StandardCharsets.UTF_8)
                    + "&api_app_id=A0BENCH&response_url="
                    + URLEncoder.encode(base + "/response/c" + n, StandardCharsets.UTF_8)
                    + "&trigger_id=" + n + ".2222.bench";
            long timestamp = System.currentTimeMillis() / 1000;
            sent.incrementAndGet();
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slack/events"))
                    .timeout(Duration.ofSeconds(15))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-Slack-Request-Timestamp", String.valueOf(timestamp))
                    .header("X-Slack-Signature", Instances.sign(timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    acked.put(n, user);
                }
            } catch (IOException e) {
                // Not acknowledged: Slack would show the user an error; nothing is owed.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void report(String url) throws SQLException {
            Map<Long, Long> notes = new HashMap<>();
            try (Connection c = connect(url);
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT body, COUNT(*) FROM notes GROUP BY body")) {
                while (rs.next()) {
                    String body = rs.getString(1);
                    if (body.matches("c[0-9]+")) {
                        notes.put(Long.parseLong(body.substring(1)), rs.getLong(2));
                    }
                }
            }
            long once = 0;
            long none = 0;
            long twice = 0;
            long answered = 0;
            for (long n : acked.keySet()) {
                long count = notes.getOrDefault(n, 0L);
                if (count == 1) {
                    once++;
                } else if (count == 0) {
                    none++;
                } else {
                    twice++;
                }
                if (slack.requests("/response/c" + n) > 0) {
                    answered++;
                }
            }
            long duplicates = notes.values().stream().filter(v -> v > 1).count();
            System.out.printf(
                    "commands through the front: sent %d, acknowledged %d; stored exactly once %d, not stored %d,"
                            + " stored twice or more %d (targets: 0, 0); answered at their response_url %d; inbox %s%n",
                    sent.get(), acked.size(), once, none, Math.max(twice, duplicates), answered, inbox(url));
        }

        private Map<String, Long> inbox(String url) throws SQLException {
            Map<String, Long> states = new TreeMap<>();
            try (Connection c = connect(url);
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT state, COUNT(*) FROM inbox GROUP BY state")) {
                while (rs.next()) {
                    states.put(rs.getString(1), rs.getLong(2));
                }
            }
            return states;
        }
    }
}
