package dev.footwork.benchmarks;

import java.util.Arrays;

/** Recorded durations in nanoseconds, and their percentiles in milliseconds. */
final class Latencies {

    private long[] values = new long[1024];
    private int size;

    synchronized void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    /** Adds every duration {@code other} recorded. */
    void addAll(Latencies other) {
        long[] theirs;
        int n;
        synchronized (other) {
            theirs = other.values;
            n = other.size;
        }
        synchronized (this) {
            if (size + n > values.length) {
                values = Arrays.copyOf(values, Math.max(size + n, values.length * 2));
            }
            System.arraycopy(theirs, 0, values, size, n);
            size += n;
        }
    }

    synchronized int count() {
        return size;
    }

    /** The {@code p}-th percentile (0-100) in milliseconds; NaN when nothing was recorded. */
    synchronized double percentileMs(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * size) - 1;
        return sorted[Math.max(0, Math.min(size - 1, index))] / 1e6;
    }

    double maxMs() {
        return percentileMs(100);
    }

    /** {@code p50/p95/p99/max} in milliseconds. */
    String summary() {
        return String.format(
                "p50 %s p95 %s p99 %s max %s ms",
                Figures.number(percentileMs(50)),
                Figures.number(percentileMs(95)),
                Figures.number(percentileMs(99)),
                Figures.number(maxMs()));
    }
}
