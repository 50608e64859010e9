package dev.roast.heap;

/**
 * BOUND_METHOD objects: a method with its receiver ({@code obj.method} used as a value).
 *
 * <pre>
 *  +0   header (kind BOUND_METHOD, size 24)
 *  +8   receiver (packed word)
 *  +16  function id (int64)
 * </pre>
 */
public final class BoundMethod {
    private BoundMethod() {}

    public static final int RECEIVER = 8, FUNCTION_ID = 16, SIZE = 24;

    public static long alloc(Heap heap, long receiver, long functionId) {
        HandleScope hs = heap.handles();
        int m = hs.mark();
        try {
            hs.push(receiver);
            long b = heap.allocate(ObjectKind.BOUND_METHOD, SIZE);
            Mem.putLong(b + RECEIVER, receiver);
            Mem.putLong(b + FUNCTION_ID, functionId);
            return b;
        } finally {
            hs.reset(m);
        }
    }

    public static long receiver(long b) { return Mem.getLong(b + RECEIVER); }

    public static long functionId(long b) { return Mem.getLong(b + FUNCTION_ID); }
}
