package dev.roast.heap;

import dev.roast.values.PackedValue;
import java.util.Objects;

/**
 * FUNCTION objects: a function value (closure). The code is the interpreter's, named by its function id.
 *
 * <pre>
 *  +0       header (kind FUNCTION, size 24 + 8n)
 *  +8       function id (int64)
 *  +16      number of captured cells n (int64)
 *  +24 + 8i captured cell i (a POINTER word to a CELL)
 * </pre>
 */
public final class FunctionObj {
    private FunctionObj() {}

    public static final int FUNCTION_ID = 8, CELL_COUNT = 16, CELLS = 24;

    /** A new function value capturing {@code cells} (POINTER words to CELL objects). */
    public static long alloc(Heap heap, long functionId, long... cells) {
        HandleScope hs = heap.handles();
        int m = hs.mark();
        try {
            for (long c : cells) hs.push(c);
            long f = heap.allocate(ObjectKind.FUNCTION, CELLS + 8L * cells.length);
            Mem.putLong(f + FUNCTION_ID, functionId);
            Mem.putLong(f + CELL_COUNT, cells.length);
            for (int i = 0; i < cells.length; i++) Mem.putLong(f + CELLS + 8L * i, cells[i]);
            return f;
        } finally {
            hs.reset(m);
        }
    }

    /** A new function value with room for {@code n} cells, all None until {@link #setCell} fills them. */
    public static long alloc(Heap heap, long functionId, int n) {
        long f = heap.allocate(ObjectKind.FUNCTION, CELLS + 8L * n);
        Mem.putLong(f + FUNCTION_ID, functionId);
        Mem.putLong(f + CELL_COUNT, n);
        for (int i = 0; i < n; i++) Mem.putLong(f + CELLS + 8L * i, PackedValue.NONE);
        return f;
    }

    public static long functionId(long f) { return Mem.getLong(f + FUNCTION_ID); }

    public static int cellCount(long f) { return (int) Mem.getLong(f + CELL_COUNT); }

    /** Captured cell {@code i} as a POINTER word. */
    public static long cell(long f, int i) {
        Objects.checkIndex(i, cellCount(f));
        return Mem.getLong(f + CELLS + 8L * i);
    }

    public static void setCell(long f, int i, long cellWord) {
        Objects.checkIndex(i, cellCount(f));
        Mem.putLong(f + CELLS + 8L * i, cellWord);
    }
}
