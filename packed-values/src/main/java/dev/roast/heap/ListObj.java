package dev.roast.heap;

import static dev.roast.heap.Mem.getLong;
import static dev.roast.heap.Mem.putLong;

import dev.roast.values.PackedValue;
import java.lang.foreign.MemorySegment;
import java.util.Objects;

/**
 * LIST objects: a growable array of packed words in a separate ITEMS block.
 *
 * <pre>
 *  LIST (32 bytes)                         ITEMS (8 + 8 × capacity bytes)
 *  +0   header (kind LIST)                 +0      header (kind ITEMS)
 *  +8   length (int64)                     +8 + 8i item i (packed word), i &lt; capacity
 *  +16  capacity (int64)
 *  +24  address of the ITEMS block (raw, 0 when capacity is 0)
 * </pre>
 *
 * Item {@code i} is at {@code [[list + 24] + 8 + 8i]}. Slots at and past the length are always zero (not
 * pointers), so the GC scans a whole ITEMS block without knowing its list. Growth is ×1.5 (plus 4), so
 * appends are amortised O(1). Indices here are already normalised (0 ≤ i &lt; length) and checked; the
 * interpreter maps negative indices and raises IndexError. Methods that allocate root their arguments.
 */
public final class ListObj {
    private ListObj() {}

    public static final int LENGTH = 8, CAPACITY = 16, ITEMS = 24, SIZE = 32;
    /** Offset of item 0 in the ITEMS block. */
    public static final int ITEM0 = 8;
    /** The most items an ITEMS block can hold (its size must fit the header). */
    public static final long MAX_CAPACITY = (Header.MAX_SIZE - ITEM0) / 8;

    /** A new empty list with room for {@code capacity} items. */
    public static long alloc(Heap heap, long capacity) {
        long list = heap.allocate(ObjectKind.LIST, SIZE);
        if (capacity > 0) {
            HandleScope hs = heap.handles();
            int m = hs.mark();
            try {
                hs.pushAddress(list);
                setItems(list, heap.allocate(ObjectKind.ITEMS, ITEM0 + 8 * Math.min(capacity, MAX_CAPACITY + 1)), capacity);
            } finally {
                hs.reset(m);
            }
        }
        return list;
    }

    /** A new list holding {@code values} (packed words). */
    public static long of(Heap heap, long... values) {
        HandleScope hs = heap.handles();
        int m = hs.mark();
        try {
            for (long v : values) hs.push(v);  // the values live only in a Java array until stored
            long list = alloc(heap, values.length);
            if (values.length > 0) {
                MemorySegment.copy(values, 0, Mem.ALL, Mem.LONG, getLong(list + ITEMS) + ITEM0, values.length);
            }
            putLong(list + LENGTH, values.length);
            return list;
        } finally {
            hs.reset(m);
        }
    }

    public static long length(long list) { return getLong(list + LENGTH); }

    public static long capacity(long list) { return getLong(list + CAPACITY); }

    /** The ITEMS block's address (0 when capacity is 0). */
    public static long items(long list) { return getLong(list + ITEMS); }

    /** The address of item {@code i}'s word (unchecked; for bulk loops). */
    public static long itemAddress(long list, long i) { return getLong(list + ITEMS) + ITEM0 + 8 * i; }

    /** Item {@code i} (0 ≤ i &lt; length, checked). */
    public static long get(long list, long i) {
        Objects.checkIndex(i, length(list));
        return getLong(getLong(list + ITEMS) + ITEM0 + 8 * i);
    }

    /** Replaces item {@code i} (0 ≤ i &lt; length, checked). */
    public static void set(long list, long i, long value) {
        Objects.checkIndex(i, length(list));
        putLong(getLong(list + ITEMS) + ITEM0 + 8 * i, value);
    }

    /** Appends a value. */
    public static void append(Heap heap, long list, long value) {
        long len = length(list);
        if (len == capacity(list)) grow(heap, list, len + 1, value);
        putLong(getLong(list + ITEMS) + ITEM0 + 8 * len, value);
        putLong(list + LENGTH, len + 1);
    }

    /** Inserts {@code value} before index {@code i} (0 ≤ i ≤ length, checked), shifting the rest up. */
    public static void insert(Heap heap, long list, long i, long value) {
        long len = length(list);
        Objects.checkIndex(i, len + 1);
        if (len == capacity(list)) grow(heap, list, len + 1, value);
        long at = getLong(list + ITEMS) + ITEM0 + 8 * i;
        Mem.copy(at, at + 8, 8 * (len - i));
        putLong(at, value);
        putLong(list + LENGTH, len + 1);
    }

    /** Removes and returns item {@code i} (0 ≤ i &lt; length, checked), shifting the rest down. */
    public static long pop(long list, long i) {
        long len = length(list);
        Objects.checkIndex(i, len);
        long items = getLong(list + ITEMS);
        long at = items + ITEM0 + 8 * i;
        long v = getLong(at);
        Mem.copy(at + 8, at, 8 * (len - 1 - i));
        putLong(items + ITEM0 + 8 * (len - 1), 0);  // keep vacated slots zero: no stale pointer keeps garbage alive
        putLong(list + LENGTH, len - 1);
        return v;
    }

    /** Removes and returns the last item (the list must not be empty). */
    public static long pop(long list) { return pop(list, length(list) - 1); }

    /** Empties the list and drops its ITEMS block (as CPython does). */
    public static void clear(long list) {
        putLong(list + LENGTH, 0);
        setItems(list, 0, 0);
    }

    /** Reverses the items in place. */
    public static void reverse(long list) {
        long items = getLong(list + ITEMS) + ITEM0;
        for (long i = 0, j = length(list) - 1; i < j; i++, j--) {
            long t = getLong(items + 8 * i);
            putLong(items + 8 * i, getLong(items + 8 * j));
            putLong(items + 8 * j, t);
        }
    }

    /** Appends every item of {@code other} ({@code other} may be {@code list} itself). */
    public static void extend(Heap heap, long list, long other) {
        long len = length(list), n = length(other);
        if (n == 0) return;
        if (len + n > capacity(list)) {
            HandleScope hs = heap.handles();
            int m = hs.mark();
            try {
                hs.pushAddress(other);
                grow(heap, list, len + n, PackedValue.NONE);
            } finally {
                hs.reset(m);
            }
        }
        Mem.copy(getLong(other + ITEMS) + ITEM0, getLong(list + ITEMS) + ITEM0 + 8 * len, 8 * n);
        putLong(list + LENGTH, len + n);
    }

    /** A new list with the same items. */
    public static long copy(Heap heap, long list) {
        HandleScope hs = heap.handles();
        int m = hs.mark();
        try {
            hs.pushAddress(list);
            long n = length(list);
            long r = alloc(heap, n);
            if (n > 0) Mem.copy(getLong(list + ITEMS) + ITEM0, getLong(r + ITEMS) + ITEM0, 8 * n);
            putLong(r + LENGTH, n);
            return r;
        } finally {
            hs.reset(m);
        }
    }

    /** Makes room for at least {@code capacity} items. */
    public static void ensureCapacity(Heap heap, long list, long capacity) {
        if (capacity > capacity(list)) grow(heap, list, capacity, PackedValue.NONE);
    }

    /** Moves the items to a bigger block; {@code pending} (a value about to be stored) is kept alive too. */
    private static void grow(Heap heap, long list, long minCapacity, long pending) {
        long cap = capacity(list);
        long newCap = Math.max(minCapacity, cap + (cap >> 1) + 4);
        if (newCap > MAX_CAPACITY && minCapacity <= MAX_CAPACITY) newCap = MAX_CAPACITY;
        HandleScope hs = heap.handles();
        int m = hs.mark();
        long items;
        try {
            hs.pushAddress(list);
            hs.push(pending);
            items = heap.allocate(ObjectKind.ITEMS, ITEM0 + 8 * Math.min(newCap, MAX_CAPACITY + 1));
        } finally {
            hs.reset(m);
        }
        long len = length(list);
        if (len > 0) Mem.copy(getLong(list + ITEMS) + ITEM0, items + ITEM0, 8 * len);
        setItems(list, items, newCap);
    }

    private static void setItems(long list, long items, long capacity) {
        putLong(list + ITEMS, items);
        putLong(list + CAPACITY, capacity);
    }
}
