package dev.rapport.bench;

import java.util.Arrays;

/** Latency samples in nanoseconds, summarised as percentiles in milliseconds. */
final class Stats {
    private final long[] samples;
    private int count;

    Stats(int capacity) {
        samples = new long[capacity];
    }

    void add(long nanos) {
        samples[count++] = nanos;
    }

    double percentileMillis(double p) {
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * count) - 1;
        return sorted[Math.max(0, Math.min(count - 1, index))] / 1_000_000.0;
    }

    String summary() {
        return String.format(
                "n=%d p50=%.3f ms p99=%.3f ms max=%.3f ms",
                count, percentileMillis(50), percentileMillis(99), percentileMillis(100));
    }
}
