package dev.roast.heap;

/**
 * RANGE objects: {@code range(start, stop, step)}, immutable.
 *
 * <pre>
 *  +0   header (kind RANGE, size 32)
 *  +8   start (int64)
 *  +16  stop (int64)
 *  +24  step (int64, never 0)
 * </pre>
 */
public final class RangeObj {
    private RangeObj() {}

    public static final int START = 8, STOP = 16, STEP = 24, SIZE = 32;

    /** A new range; {@code step} must not be 0 (the interpreter raises ValueError first). */
    public static long alloc(Heap heap, long start, long stop, long step) {
        if (step == 0) throw new IllegalArgumentException("range() arg 3 must not be zero");
        long r = heap.allocate(ObjectKind.RANGE, SIZE);
        Mem.putLong(r + START, start);
        Mem.putLong(r + STOP, stop);
        Mem.putLong(r + STEP, step);
        return r;
    }

    public static long start(long r) { return Mem.getLong(r + START); }

    public static long stop(long r) { return Mem.getLong(r + STOP); }

    public static long step(long r) { return Mem.getLong(r + STEP); }

    /** The number of values, as Python's {@code len(range(...))} (exact for all 64-bit bounds, capped at Long.MAX_VALUE). */
    public static long length(long r) { return length(start(r), stop(r), step(r)); }

    public static long length(long start, long stop, long step) {
        // (stop - start) may overflow 64 bits; compute the span unsigned, which always fits.
        if (step > 0) {
            if (start >= stop) return 0;
            long span = stop - start - 1;  // unsigned, < 2^64
            return clamp(Long.divideUnsigned(span, step) + 1);
        } else {
            if (start <= stop) return 0;
            long span = start - stop - 1;
            long div = step == Long.MIN_VALUE ? span >>> 63 : Long.divideUnsigned(span, -step);
            return clamp(div + 1);
        }
    }

    private static long clamp(long unsignedCount) { return unsignedCount < 0 ? Long.MAX_VALUE : unsignedCount; }

    /** Value number {@code i} (0 ≤ i &lt; length, unchecked): start + i × step. */
    public static long get(long r, long i) { return start(r) + i * step(r); }
}
