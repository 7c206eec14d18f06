package dev.starpace.server.web;

import java.util.Arrays;

/**
 * Server-side latency from an audio frame's arrival to the event it causes, kept in a fixed ring of the most
 * recent samples so that a long-running server does not grow it.
 */
public final class LatencyRecorder {
    private final long[] nanos = new long[100_000];
    private int count;
    private long total;

    synchronized void record(long arrivedNanos) {
        nanos[count % nanos.length] = System.nanoTime() - arrivedNanos;
        count++;
        total++;
    }

    /** Median and 95th percentile in milliseconds over the recorded samples, and how many there were. */
    public synchronized double[] medianAndP95Millis() {
        int n = Math.min(count, nanos.length);
        if (n == 0) {
            return new double[] {0, 0, 0};
        }
        long[] sorted = Arrays.copyOf(nanos, n);
        Arrays.sort(sorted);
        return new double[] {sorted[n / 2] / 1e6, sorted[(int) Math.min(n - 1, Math.ceil(n * 0.95) - 1)] / 1e6, total};
    }

    public synchronized void reset() {
        count = 0;
        total = 0;
    }
}
