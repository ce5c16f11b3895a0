package dev.rapport.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Crash recovery: the runnable jar as a child process in Slack HTTP mode, its digest scheduler delivering
 * {@code -Dusers} (2,000) due digests to a fake Web API in this process (127.0.0.1) that takes {@code -DpostDelayMs}
 * (20) to answer each chat.postMessage — the message is recorded before the wait, so a kill during it is a crash
 * between Slack accepting the message and Rapport marking it sent. The child is killed with SIGKILL
 * ({@link Process#destroyForcibly()}) {@code -Dkills} (60) times at random moments: a quarter at 0.2–3 s after launch,
 * the rest 0–1 s after its first chat.postMessage. Then one last run until every outbox row is closed, and the check:
 * every user received the digest, none twice.
 */
final class CrashBench {
    private static final String TOKEN = "xoxb-0000000000-0000000000000-benchbenchbenchbench";

    private final Path folder;
    private final Path jar;
    private final int users = Integer.getInteger("users", 2_000);
    private final int kills = Integer.getInteger("kills", 60);
    private final long postDelayMillis = Long.getLong("postDelayMs", 20);
    private final long limitSeconds = Long.getLong("limit", 600);
    private final Random random = new Random(Long.getLong("seed", 3));

    CrashBench(Path folder, Path jar) {
        this.folder = folder;
        this.jar = jar;
    }

    void run() throws Exception {
        if (!Files.exists(jar)) {
            System.out.println("crash skipped: no " + jar + " (run ./mvnw -q -pl bot-app -am package -DskipTests)");
            return;
        }
        Path file = folder.resolve("crash.db").toAbsolutePath();
        DueDigests.build(file, users, DueDigests.zone());
        Path backups = folder.resolve("crash-backups").toAbsolutePath();
        Files.createDirectories(backups);
        Path log = folder.resolve("crash-child.log").toAbsolutePath();
        Files.deleteIfExists(log);
        long start = System.nanoTime();
        long deadline = start + limitSeconds * 1_000_000_000L;
        try (FakeSlack slack = new FakeSlack(0, 0, postDelayMillis)) {
            System.out.printf(
                    "%d slack users due now; fake Slack Web API at %s answering chat.postMessage after %d ms;"
                            + " child: java -jar %s (Slack HTTP mode); child log %s%n",
                    users, slack.apiUrl(), postDelayMillis, jar, log);
            Map<Integer, Integer> exitCodes = new TreeMap<>();
            int killed = 0;
            int duringDelivery = 0;
            int fromLaunch = 0;
            long childrenStillAlive = 0;
            while (killed < kills && System.nanoTime() < deadline) {
                Map<String, Long> before = DueDigests.outboxStates(file);
                if (before.getOrDefault("SENT", 0L) == users) {
                    System.out.printf("all %d digests were sent after %d kills; no more to interrupt%n", users, killed);
                    break;
                }
                long postsBefore = slack.requests("chat.postMessage");
                Process child = launch(slack, file, backups, log);
                boolean early = random.nextInt(4) == 0;
                if (early) {
                    fromLaunch++;
                    sleepWhileAlive(child, 200 + random.nextInt(2_800));
                } else {
                    long waitUntil = System.nanoTime() + 30_000_000_000L;
                    while (child.isAlive()
                            && slack.requests("chat.postMessage") == postsBefore
                            && System.nanoTime() < waitUntil) {
                        Thread.sleep(5);
                    }
                    sleepWhileAlive(child, random.nextInt(1_000));
                }
                if (!child.isAlive()) {
                    throw new IllegalStateException("the child exited by itself with " + child.exitValue() + "; see "
                            + log + ":\n" + tail(log));
                }
                long pid = child.pid();
                child.destroyForcibly(); // SIGKILL on Linux: the JVM gets no chance to run shutdown hooks
                if (!child.waitFor(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("child " + pid + " survived SIGKILL for 30 s");
                }
                killed++;
                exitCodes.merge(child.exitValue(), 1, Integer::sum);
                if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    childrenStillAlive++;
                }
                if (slack.requests("chat.postMessage") > postsBefore) {
                    duringDelivery++;
                }
            }
            long killPhaseDeliveries = slack.posts.get();
            double killPhase = (System.nanoTime() - start) / 1e9;

            // The last run: until no outbox row is left CLAIMED, then a normal stop (SIGTERM).
            Process child = launch(slack, file, backups, log);
            // Its own five minutes, even when the kill phase ran into -Dlimit: a last run cut short would count the
            // digests it had no time to send as lost.
            long finalDeadline = System.nanoTime() + 300_000_000_000L;
            Map<String, Long> states = DueDigests.outboxStates(file);
            while (System.nanoTime() < finalDeadline && child.isAlive()) {
                states = DueDigests.outboxStates(file);
                long closed = states.entrySet().stream()
                        .filter(e -> !e.getKey().equals("CLAIMED"))
                        .mapToLong(Map.Entry::getValue)
                        .sum();
                if (closed == users) {
                    break;
                }
                Thread.sleep(250);
            }
            child.destroy();
            if (!child.waitFor(30, TimeUnit.SECONDS)) {
                child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            states = DueDigests.outboxStates(file);
            double wall = (System.nanoTime() - start) / 1e9;

            DueDigests.Check check = DueDigests.Check.of(users, slack.deliveries);
            long notSent = users - states.getOrDefault("SENT", 0L);
            long arrivedLines = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .filter(line -> line.contains("had already arrived"))
                    .count();
            long launches = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .filter(line -> line.contains("Rapport is running"))
                    .count();
            System.out.printf(
                    "kills %d with SIGKILL (%d at 0.2-3 s after launch, %d after deliveries began; %d with"
                            + " chat.postMessage calls during that run); child exit codes %s (137 = 128 + SIGKILL);"
                            + " processes left alive %d%n",
                    killed, fromLaunch, killed - fromLaunch, duringDelivery, exitCodes, childrenStillAlive);
            System.out.printf(
                    "kill phase %.1f s with %d deliveries; then one last run; total %.1f s, %d launches reached"
                            + " 'Rapport is running'%n",
                    killPhase, killPhaseDeliveries, wall, launches);
            System.out.printf(
                    "deliveries %d (chat.postMessage calls %d), users delivered %d of %d%n",
                    slack.posts.get(), slack.requests("chat.postMessage"), check.delivered(), users);
            System.out.printf(
                    "lost %d (outbox rows not SENT %d, users never recorded %d), duplicates %d (targets: 0, 0)%n",
                    Math.max(notSent, check.lost()), notSent, check.lost(), check.duplicates());
            System.out.printf(
                    "history lookups %d (conversations.history), %d found the digest already there and prevented"
                            + " a resend; the bot logged 'had already arrived' %d times%n",
                    slack.historyLookups.get(), slack.historyHits.get(), arrivedLines);
            System.out.printf("outbox states %s; attempts per row %s%n", states, DueDigests.attempts(file));
            System.out.printf("API calls by method %s%n", new TreeMap<>(slack.requests));
        }
    }

    private Process launch(FakeSlack slack, Path file, Path backups, Path log) throws IOException {
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
        env.put("SLACK_SIGNING_SECRET", "bench-signing-secret-0000000000");
        env.put("PORT", "0");
        env.put("SLACK_API_URL", slack.apiUrl());
        env.put("RAPPORT_DB", file.toString());
        env.put("RAPPORT_BACKUP_DIR", backups.toString());
        return builder.start();
    }

    private static void sleepWhileAlive(Process child, long millis) throws InterruptedException {
        child.waitFor(millis, TimeUnit.MILLISECONDS);
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }
}
