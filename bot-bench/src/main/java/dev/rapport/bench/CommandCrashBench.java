package dev.rapport.bench;

import java.io.IOException;
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
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Crash recovery of commands: the runnable jar as a child process in Slack HTTP mode, a burst of signed slash
 * commands from {@code -DcommandUsers} (24) users on {@code -Dsenders} (4) connections, each command a
 * {@code /remember Friend<u> Kelly: c<n>} with its own trigger_id and response_url on the fake Web API; a fifth of
 * the acknowledged ones are sent again as they were (a replay) and with {@code X-Slack-Retry-Num} (a retry). The
 * child is killed with SIGKILL {@code -DcommandKills} (50) times in the middle of the burst, then one last run
 * answers what is left and is stopped with SIGTERM. The check: every acknowledged command is stored exactly once
 * and answered (or its user told), no note twice, one contact per user (a user's commands never overtook each
 * other), and how long SIGTERM took.
 */
final class CommandCrashBench {
    private static final String TOKEN = "xoxb-0000000000-0000000000000-benchbenchbenchbench";

    private final Path folder;
    private final Path jar;
    private final int users = Integer.getInteger("commandUsers", 24);
    private final int senders = Integer.getInteger("senders", 4);
    private final int kills = Integer.getInteger("commandKills", 50);
    private final Random random = new Random(Long.getLong("seed", 5));
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** Acknowledged command number → user. */
    private final Map<Long, Integer> acked = new ConcurrentHashMap<>();

    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong replays = new AtomicLong();
    private final AtomicLong next = new AtomicLong();

    CommandCrashBench(Path folder, Path jar) {
        this.folder = folder;
        this.jar = jar;
    }

    void run() throws Exception {
        if (!Files.exists(jar)) {
            System.out.println("command crash skipped: no " + jar);
            return;
        }
        Path file = folder.resolve("command-crash.db").toAbsolutePath();
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Files.deleteIfExists(Path.of(file + suffix));
        }
        Path log = folder.resolve("command-crash-child.log").toAbsolutePath();
        Files.deleteIfExists(log);
        long start = System.nanoTime();
        try (FakeSlack slack = new FakeSlack(0, 0, 0)) {
            String base = slack.apiUrl().replace("/api/", "");
            System.out.printf(
                    "%d users, %d senders, signed /remember commands; fake Slack Web API at %s; child: java -jar %s"
                            + " (Slack HTTP mode); child log %s%n",
                    users, senders, slack.apiUrl(), jar, log);
            Map<Integer, Integer> exitCodes = new TreeMap<>();
            int killed = 0;
            List<Long> startups = new ArrayList<>();
            while (killed < kills) {
                int port = Instances.freePort();
                long launched = System.nanoTime();
                Process child = launch(slack, file, port, log);
                if (!Instances.awaitPort(child, port, Duration.ofSeconds(60))) {
                    throw new IllegalStateException("the child did not listen; see " + log);
                }
                startups.add((System.nanoTime() - launched) / 1_000_000);
                AtomicBoolean stop = new AtomicBoolean();
                List<Thread> threads = new ArrayList<>();
                for (int s = 0; s < senders; s++) {
                    int sender = s;
                    Thread thread = new Thread(() -> burst(sender, port, base, stop));
                    thread.start();
                    threads.add(thread);
                }
                child.waitFor(300 + random.nextInt(1_200), TimeUnit.MILLISECONDS);
                child.destroyForcibly(); // SIGKILL: no shutdown hook runs
                child.waitFor(30, TimeUnit.SECONDS);
                stop.set(true);
                for (Thread thread : threads) {
                    thread.join();
                }
                exitCodes.merge(child.exitValue(), 1, Integer::sum);
                killed++;
            }
            double killPhase = (System.nanoTime() - start) / 1e9;

            // The last run: until nothing is pending, then SIGTERM, timed.
            int port = Instances.freePort();
            Process child = launch(slack, file, port, log);
            Instances.awaitPort(child, port, Duration.ofSeconds(60));
            long until = System.nanoTime() + 120_000_000_000L;
            while (System.nanoTime() < until && pending(file) > 0) {
                Thread.sleep(100);
            }
            // Everyone sends one more command, so that whoever is owed a notice gets it.
            for (int u = 0; u < users; u++) {
                send(u, port, base, false);
            }
            while (System.nanoTime() < until && pending(file) > 0) {
                Thread.sleep(100);
            }
            Thread.sleep(1_000);
            long stopping = System.nanoTime();
            child.destroy(); // SIGTERM
            boolean stopped = child.waitFor(30, TimeUnit.SECONDS);
            long stopMillis = (System.nanoTime() - stopping) / 1_000_000;

            Check check = check(file, slack);
            System.out.printf(
                    "kills %d with SIGKILL during the burst; child exit codes %s (137 = 128 + SIGKILL); kill phase %.1f"
                            + " s; launch to listening median %d ms%n",
                    killed,
                    exitCodes,
                    killPhase,
                    startups.stream().sorted().toList().get(startups.size() / 2));
            System.out.printf(
                    "commands sent %d, acknowledged %d (the rest were cut off by a kill before their ack);"
                            + " replays and retries of acknowledged ones sent %d%n",
                    sent.get(), acked.size(), replays.get());
            System.out.printf(
                    "acknowledged and stored exactly once %d of %d; not stored %d; stored twice or more %d;"
                            + " stored but never acknowledged %d%n",
                    check.storedOnce, acked.size(), check.notStored, check.storedTwice, check.storedUnacked);
            System.out.printf(
                    "answered at their response_url %d; not answered but the user was told %d; neither %d;"
                            + " answered twice %d (targets: 0, 0, 0)%n",
                    check.answered, check.told, check.neither, check.answeredTwice);
            System.out.printf(
                    "contacts per user: %s (one each: a user's commands never overtook each other); inbox states %s%n",
                    check.contactsPerUser, check.states);
            System.out.printf(
                    "SIGTERM of the last run: %s in %d ms (limit 10,000)%n",
                    stopped ? "exited with " + child.exitValue() : "still running", stopMillis);
        }
    }

    private void burst(int sender, int port, String base, AtomicBoolean stop) {
        while (!stop.get()) {
            int user = sender + senders * random(users / senders);
            send(user, port, base, true);
        }
    }

    private synchronized int random(int bound) {
        return random.nextInt(Math.max(1, bound));
    }

    /** Sends one command; records it when acknowledged; sometimes replays and retries it. */
    private void send(int user, int port, String base, boolean mayReplay) {
        long n = next.incrementAndGet();
        String body = "token=x&team_id=T0BENCH&team_domain=bench&channel_id=C0BENCH&channel_name=general"
                + "&user_id=U" + user + "&user_name=u" + user + "&command=%2Fremember&text="
                + URLEncoder.encode("Friend" + user + " Kelly: c" + n, StandardCharsets.UTF_8)
                + "&api_app_id=A0BENCH&response_url="
                + URLEncoder.encode(base + "/response/c" + n, StandardCharsets.UTF_8)
                + "&trigger_id=" + n + ".1111.bench";
        long timestamp = System.currentTimeMillis() / 1000;
        String signature = Instances.sign(timestamp, body);
        sent.incrementAndGet();
        if (post(port, body, timestamp, signature, false)) {
            acked.put(n, user);
            if (mayReplay && random(5) == 0) {
                replays.addAndGet(2);
                post(port, body, timestamp, signature, false);
                post(port, body, timestamp, signature, true);
            }
        }
    }

    private boolean post(int port, String body, long timestamp, String signature, boolean retry) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slack/events"))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", String.valueOf(timestamp))
                .header("X-Slack-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (retry) {
            request.header("X-Slack-Retry-Num", "1").header("X-Slack-Retry-Reason", "http_timeout");
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    record Check(
            long storedOnce,
            long notStored,
            long storedTwice,
            long storedUnacked,
            long answered,
            long told,
            long neither,
            long answeredTwice,
            Map<Long, Long> contactsPerUser,
            Map<String, Long> states) {}

    private Check check(Path file, FakeSlack slack) throws SQLException {
        Map<Long, Long> notes = new HashMap<>();
        Map<Long, Long> contactsPerUser = new TreeMap<>();
        Map<String, Long> states = new TreeMap<>();
        Map<Long, String> rowState = new HashMap<>();
        Map<Long, Boolean> rowTold = new HashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT body, count(*) FROM notes GROUP BY body")) {
                while (rs.next()) {
                    String body = rs.getString(1);
                    if (body.startsWith("c")) {
                        notes.put(Long.parseLong(body.substring(1)), rs.getLong(2));
                    }
                }
            }
            try (ResultSet rs =
                    s.executeQuery("SELECT owner_id, count(*) FROM contacts GROUP BY owner_id ORDER BY owner_id")) {
                while (rs.next()) {
                    contactsPerUser.merge(rs.getLong(2), 1L, Long::sum);
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT dedupe_key, state, told_at FROM inbox")) {
                while (rs.next()) {
                    String key = rs.getString(1);
                    long n = Long.parseLong(key.substring("slack:".length(), key.indexOf('.')));
                    rowState.put(n, rs.getString(2));
                    rowTold.put(n, rs.getString(3) != null);
                    states.merge(rs.getString(2), 1L, Long::sum);
                }
            }
        }
        long once = 0;
        long none = 0;
        long twice = 0;
        long answered = 0;
        long told = 0;
        long neither = 0;
        long answeredTwice = 0;
        for (long n : acked.keySet()) {
            long count = notes.getOrDefault(n, 0L);
            if (count == 1) {
                once++;
            } else if (count == 0) {
                none++;
            } else {
                twice++;
            }
            long answers = slack.requests("/response/c" + n);
            if (answers >= 1) {
                answered++;
            } else if (rowTold.getOrDefault(n, false)) {
                told++;
            } else {
                neither++;
            }
            if (answers > 1) {
                answeredTwice++;
            }
        }
        long unacked = notes.entrySet().stream()
                .filter(e -> !acked.containsKey(e.getKey()))
                .count();
        notes.values().stream().filter(v -> v > 1).forEach(v -> {});
        long duplicatesAnywhere = notes.values().stream().filter(v -> v > 1).count();
        return new Check(
                once,
                none,
                Math.max(twice, duplicatesAnywhere),
                unacked,
                answered,
                told,
                neither,
                answeredTwice,
                contactsPerUser,
                states);
    }

    private long pending(Path file) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM inbox WHERE state IN ('PENDING')")) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            return 1;
        }
    }

    private Process launch(FakeSlack slack, Path file, int port, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        jar.toAbsolutePath().toString())
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("SLACK_") || k.startsWith("DISCORD_") || k.startsWith("RAPPORT_"));
        env.put("SLACK_BOT_TOKEN", TOKEN);
        env.put("SLACK_SIGNING_SECRET", Instances.SIGNING_SECRET);
        env.put("PORT", String.valueOf(port));
        env.put("SLACK_API_URL", slack.apiUrl());
        env.put("RAPPORT_DB", file.toString());
        env.put(
                "RAPPORT_BACKUP_DIR",
                folder.resolve("command-crash-backups").toAbsolutePath().toString());
        return builder.start();
    }
}
