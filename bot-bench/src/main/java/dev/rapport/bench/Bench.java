package dev.rapport.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Runs the named benchmarks and prints their figures with the machine they ran on. */
public final class Bench {
    private Bench() {}

    public static void main(String[] args) throws Exception {
        List<String> which = args.length == 0 ? List.of("commands") : List.of(args);
        Path folder = Path.of(System.getProperty("bench.dir", "bench-data"));
        Files.createDirectories(folder);
        Runtime runtime = Runtime.getRuntime();
        System.out.printf(
                "machine: %d cores, max heap %d MB, %s %s, %s%n",
                runtime.availableProcessors(),
                runtime.maxMemory() / (1024 * 1024),
                System.getProperty("java.vm.name"),
                System.getProperty("java.version"),
                ManagementFactory.getOperatingSystemMXBean().getName());
        for (String name : which) {
            System.out.println("== " + name);
            switch (name) {
                case "commands" -> new CommandLatencyBench(folder).run();
                case "startup" ->
                    new StartupBench(folder, Path.of(System.getProperty("rapport.jar", "bot-app/target/rapport.jar")))
                            .run();
                case "delivery" -> new DeliveryBench(folder).run();
                case "discord-delivery" -> new DiscordDeliveryBench(folder).run();
                case "import" -> new ImportBench(folder).run();
                case "calendar" -> new CalendarTimingBench(folder).run();
                case "cluster" ->
                    new ClusterBench(folder, Path.of(System.getProperty("rapport.jar", "bot-app/target/rapport.jar")))
                            .run();
                case "sweep" -> new DigestSweepBenchmark(folder).run();
                case "crash" -> {
                    Path jar = Path.of(System.getProperty("rapport.jar", "bot-app/target/rapport.jar"));
                    String part = System.getProperty("crash", "all");
                    if (!part.equals("commands")) {
                        new CrashBench(folder, jar).run();
                    }
                    if (!part.equals("digests")) {
                        System.out.println("== crash: commands");
                        new CommandCrashBench(folder, jar).run();
                    }
                }
                default ->
                    throw new IllegalArgumentException("unknown benchmark " + name
                            + "; try: commands, startup, delivery, crash, import, calendar, cluster, sweep");
            }
        }
    }
}
