package dev.roast.vm.stats;

import java.util.Arrays;

/**
 * Durations in nanoseconds, kept raw while the program runs: turning them into
 * histograms waits for the end, so no histogram code loads or runs inside the
 * times being measured.
 */
final class Samples {
    private long[] values = new long[16];
    private int size;

    void add(long nanos) {
        if (size == values.length) values = Arrays.copyOf(values, size * 2);
        values[size++] = nanos;
    }

    int size() {
        return size;
    }

    long get(int i) {
        return values[i];
    }

    long sum() {
        long sum = 0;
        for (int i = 0; i < size; i++) sum += values[i];
        return sum;
    }
}
