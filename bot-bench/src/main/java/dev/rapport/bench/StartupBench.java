package dev.rapport.bench;

import dev.rapport.core.api.CommandRequest;
import dev.rapport.core.api.Rapport;
import dev.rapport.core.api.Requester;
import dev.rapport.core.assembly.CoreAssembly;
import dev.rapport.store.sqlite.Database;
import dev.rapport.store.sqlite.SqliteStorage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneId;

/**
 * Start to ready: a fresh Rapport process (the runnable jar, console mode) on a database of 10,000 users, timed
 * from launch to its first line. Idle heap: every one of the 10,000 users has run a command, caches are warm, then
 * the heap in use after a full GC.
 */
final class StartupBench {
    private final Path folder;
    private final Path jar;
    private final Dataset dataset;

    StartupBench(Path folder, Path jar) {
        this.folder = folder;
        this.jar = jar;
        this.dataset = new Dataset(folder.resolve("commands-10k.db"), 10_000, 10, 10);
    }

    void run() throws Exception {
        try (Database db = dataset.open()) {
            idleHeap(db);
        }
        startToReady();
    }

    private void startToReady() throws Exception {
        if (!Files.exists(jar)) {
            System.out.println(
                    "start-to-ready skipped: no " + jar + " (run ./mvnw -q -pl bot-app -am package -DskipTests)");
            return;
        }
        Path copy = folder.resolve("startup.db");
        Files.copy(dataset.file, copy, StandardCopyOption.REPLACE_EXISTING);
        for (String suffix : new String[] {"-wal", "-shm"}) {
            Files.deleteIfExists(folder.resolve("startup.db" + suffix));
        }
        int runs = 5;
        double best = Double.MAX_VALUE;
        double total = 0;
        double floorBest = Double.MAX_VALUE;
        double floorTotal = 0;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int i = 0; i < runs; i++) {
            // The floor, interleaved so that the machine's load weighs on both alike: the JVM starting and stopping.
            long floorStart = System.nanoTime();
            Process jvm = new ProcessBuilder(java, "-version")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            jvm.waitFor();
            double floor = (System.nanoTime() - floorStart) / 1e9;
            floorBest = Math.min(floorBest, floor);
            floorTotal += floor;

            ProcessBuilder builder =
                    new ProcessBuilder(java, "-jar", jar.toString()).redirectError(ProcessBuilder.Redirect.DISCARD);
            builder.environment().put("RAPPORT_DB", copy.toString());
            builder.environment().put("RAPPORT_USER", "u1");
            builder.environment().keySet().removeIf(k -> k.startsWith("SLACK_") || k.startsWith("DISCORD_"));
            long start = System.nanoTime();
            Process process = builder.start();
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String banner = out.readLine();
                double seconds = (System.nanoTime() - start) / 1e9;
                if (banner == null || !banner.startsWith("Rapport console")) {
                    throw new IllegalStateException("unexpected first line: " + banner);
                }
                best = Math.min(best, seconds);
                total += seconds;
                process.getOutputStream().close();
                process.waitFor();
            }
        }
        System.out.printf(
                "start-to-ready (java -jar, console, 10,000-user database of %d MB, the start's checks included;"
                        + " the full integrity check runs after ready): best %.2f s, mean %.2f s over %d runs%n",
                Files.size(copy) / (1024 * 1024), best, total / runs, runs);
        System.out.printf(
                "floor: java -version (the JVM starting and stopping), interleaved: best %.2f s, mean %.2f s;"
                        + " ready minus floor, best %.2f s%n",
                floorBest, floorTotal / runs, best - floorBest);
    }

    private static void idleHeap(Database db) {
        Rapport rapport =
                CoreAssembly.over(Clock.systemUTC(), SqliteStorage.over(db)).rapport();
        for (int user = 0; user < 10_000; user++) {
            Requester requester = Requester.of(
                            Dataset.PLATFORM, Dataset.WORKSPACE, Dataset.userId(user), "User " + user)
                    .withZone(ZoneId.of("UTC"));
            rapport.handle(CommandRequest.of(requester, "today", ""));
        }
        System.gc();
        System.gc();
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.printf(
                "idle heap after all 10,000 users ran /today (caches warm, after full GC): %.1f MB%n",
                used / (1024.0 * 1024.0));
    }
}
