package dev.roast.codegen.memory;

import java.util.Map;
import java.util.TreeMap;

/**
 * The free address ranges of a code cache: first fit, lowest address first, and a freed range merges with
 * free neighbours so that space freed piecemeal can hold a larger block again.
 */
final class FreeRanges {
    /** Start → end (exclusive) of each free range; no two touch, because give() merges them. */
    private final TreeMap<Long, Long> ranges = new TreeMap<>();

    FreeRanges(long start, long length) {
        ranges.put(start, start + length);
    }

    /** Takes {@code length} bytes from the lowest free range that holds them; returns the start, or -1. */
    long take(long length) {
        for (Map.Entry<Long, Long> r : ranges.entrySet()) {
            long start = r.getKey(), end = r.getValue();
            if (end - start < length) continue;
            ranges.remove(start);
            if (start + length < end) ranges.put(start + length, end);
            return start;
        }
        return -1;
    }

    /** Returns a range that take() handed out. */
    void give(long start, long length) {
        long end = start + length;
        Map.Entry<Long, Long> below = ranges.floorEntry(start);
        Map.Entry<Long, Long> above = ranges.ceilingEntry(start);
        if ((below != null && below.getValue() > start) || (above != null && above.getKey() < end)) {
            throw new IllegalStateException("range [0x" + Long.toHexString(start) + ", 0x" + Long.toHexString(end)
                    + ") is already free in part");
        }
        if (below != null && below.getValue() == start) {
            ranges.remove(below.getKey());
            start = below.getKey();
        }
        if (above != null && above.getKey() == end) {
            ranges.remove(end);
            end = above.getValue();
        }
        ranges.put(start, end);
    }

    /** How many separate free ranges there are (a measure of fragmentation). */
    int count() { return ranges.size(); }

    /** The longest block that take() could hand out now. */
    long largest() {
        long largest = 0;
        for (Map.Entry<Long, Long> r : ranges.entrySet()) largest = Math.max(largest, r.getValue() - r.getKey());
        return largest;
    }
}
