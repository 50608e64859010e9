package dev.roast.heap;

import dev.roast.values.PackedValue;

/**
 * CELL objects: the box of a variable captured by a closure.
 *
 * <pre>
 *  +0  header (kind CELL, size 16)
 *  +8  the value (packed; {@link PackedValue#UNBOUND} while the variable is unassigned)
 * </pre>
 */
public final class Cell {
    private Cell() {}

    public static final int VALUE = 8, SIZE = 16;

    /** A new empty cell (holding UNBOUND). */
    public static long alloc(Heap heap) { return alloc(heap, PackedValue.UNBOUND); }

    /** A new cell holding {@code value}. */
    public static long alloc(Heap heap, long value) {
        HandleScope hs = heap.handles();
        int m = hs.mark();
        try {
            hs.push(value);
            long c = heap.allocate(ObjectKind.CELL, SIZE);
            Mem.putLong(c + VALUE, value);
            return c;
        } finally {
            hs.reset(m);
        }
    }

    public static long get(long cell) { return Mem.getLong(cell + VALUE); }

    public static void set(long cell, long value) { Mem.putLong(cell + VALUE, value); }
}
