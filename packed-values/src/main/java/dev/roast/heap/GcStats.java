package dev.roast.heap;

/**
 * A snapshot of the heap's counters (for {@code --gc-stats}).
 *
 * @param collections         collections run so far
 * @param totalPauseNanos     time spent in all collections
 * @param maxPauseNanos       the longest collection
 * @param lastPauseNanos      the latest collection (0 before the first)
 * @param totalMarkNanos      of the total pause, the time spent marking
 * @param totalSweepNanos     of the total pause, the time spent sweeping
 * @param liveBytes           bytes of objects that survived the latest collection (0 before the first)
 * @param inUseBytes          bytes of objects now: live after the last collection plus allocated since
 * @param peakInUseBytes      the most bytes ever held by objects, live or not yet collected
 * @param footprintBytes      the heap's extent now: bytes from its start to the highest block ever carved and
 *                            not given back (what the process has touched, at most {@code maxBytes})
 * @param peakFootprintBytes  the largest extent so far
 * @param allocatedBytes      bytes allocated since the heap was created
 * @param maxBytes            the limit
 */
public record GcStats(long collections, long totalPauseNanos, long maxPauseNanos, long lastPauseNanos,
        long totalMarkNanos, long totalSweepNanos,
        long liveBytes, long inUseBytes, long peakInUseBytes, long footprintBytes, long peakFootprintBytes,
        long allocatedBytes, long maxBytes) {}
