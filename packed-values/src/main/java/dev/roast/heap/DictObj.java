package dev.roast.heap;

import static dev.roast.heap.Mem.getInt;
import static dev.roast.heap.Mem.getLong;
import static dev.roast.heap.Mem.putInt;
import static dev.roast.heap.Mem.putLong;

import dev.roast.values.PackedValue;

/**
 * DICT objects: insertion-ordered hash tables, CPython 3.6+'s compact design. A sparse index of int32
 * slots (open addressing, CPython's perturbed probing) points into a dense entries array kept in
 * insertion order; deleting leaves a tombstone in the entries and a "deleted" mark in the index; a table
 * whose entries are all used is replaced by one sized for the live entries (dropping tombstones).
 *
 * <pre>
 *  DICT (32 bytes)                     DICT_TABLE (24 + 4n + 24c bytes)
 *  +0   header (kind DICT)             +0        header (kind DICT_TABLE)
 *  +8   size: live entries (int64)     +8        n: index slots (int64, a power of 2, at least 8)
 *  +16  fill: entries used, live and   +16       c: entry capacity (int64) = 2n/3
 *       tombstones (int64)             +24 + 4i  index slot i (int32): 0 empty, −1 deleted,
 *  +24  address of the DICT_TABLE           k &gt; 0 entry k − 1
 *       (raw; 0 while empty)           +24 + 4n + 24j  entry j: +0 hash (int64), +8 key, +16 value
 *                                                (packed); a tombstone has key UNBOUND, hash and
 *                                                value 0; entries at and past fill are all zero
 * </pre>
 *
 * Keys follow {@link Hashing}: numbers by value across int and float, True and 1 apart, str by content,
 * other objects by identity; lists and dicts are unhashable. Missing keys are reported as
 * {@link PackedValue#UNBOUND}, which is never a value. Methods that allocate root their arguments.
 */
public final class DictObj {
    private DictObj() {}

    public static final int SIZE_FIELD = 8, FILL = 16, TABLE = 24, SIZE = 32;
    /** DICT_TABLE fields. */
    public static final int T_SLOTS = 8, T_CAPACITY = 16, T_INDEX = 24;
    /** Entry layout. */
    public static final int ENTRY_BYTES = 24, E_HASH = 0, E_KEY = 8, E_VALUE = 16;
    /** Index slot values. */
    public static final int IX_EMPTY = 0, IX_DELETED = -1;
    private static final int MIN_SLOTS = 8;
    private static final long MAX_SLOTS = 1L << 30;

    /** A new empty dict (its table is allocated on the first insertion). */
    public static long alloc(Heap heap) { return heap.allocate(ObjectKind.DICT, SIZE); }

    /** The number of keys. */
    public static long size(long d) { return getLong(d + SIZE_FIELD); }

    /** The value for {@code key}, or {@link PackedValue#UNBOUND} if absent. */
    public static long get(long d, long key) {
        long table = getLong(d + TABLE);
        if (table == 0) {
            Hashing.hash(key);  // still reject an unhashable key, as Python does
            return PackedValue.UNBOUND;
        }
        long slot = findSlot(table, key, Hashing.hash(key));
        return slot < 0 ? PackedValue.UNBOUND : getLong(entryAddressOfSlot(table, slot) + E_VALUE);
    }

    public static boolean containsKey(long d, long key) { return get(d, key) != PackedValue.UNBOUND; }

    /** Sets {@code d[key] = value}; an existing equal key keeps its place (and its original key object). */
    public static void put(Heap heap, long d, long key, long value) {
        long h = Hashing.hash(key);  // before any change: an unhashable key leaves the dict as it was
        long table = getLong(d + TABLE);
        if (table != 0) {
            long slot = findSlot(table, key, h);
            if (slot >= 0) {
                putLong(entryAddressOfSlot(table, slot) + E_VALUE, value);
                return;
            }
        }
        long fill = getLong(d + FILL);
        if (table == 0 || fill == capacityOf(table)) {
            resize(heap, d, key, value);
            table = getLong(d + TABLE);
            fill = getLong(d + FILL);
        }
        long slot = findFreeSlot(table, h);
        putInt(table + T_INDEX + 4 * slot, (int) (fill + 1));
        long e = entriesOf(table) + ENTRY_BYTES * fill;
        putLong(e + E_HASH, h);
        putLong(e + E_KEY, key);
        putLong(e + E_VALUE, value);
        putLong(d + FILL, fill + 1);
        putLong(d + SIZE_FIELD, size(d) + 1);
    }

    /** Removes {@code key}; returns its value, or {@link PackedValue#UNBOUND} if it was absent. */
    public static long remove(long d, long key) {
        long h = Hashing.hash(key);
        long table = getLong(d + TABLE);
        if (table == 0) return PackedValue.UNBOUND;
        long slot = findSlot(table, key, h);
        if (slot < 0) return PackedValue.UNBOUND;
        long e = entryAddressOfSlot(table, slot);
        long v = getLong(e + E_VALUE);
        putInt(table + T_INDEX + 4 * slot, IX_DELETED);
        putLong(e + E_HASH, 0);
        putLong(e + E_KEY, PackedValue.UNBOUND);
        putLong(e + E_VALUE, 0);
        putLong(d + SIZE_FIELD, size(d) - 1);
        return v;
    }

    /** Removes every key (and drops the table). */
    public static void clear(long d) {
        putLong(d + SIZE_FIELD, 0);
        putLong(d + FILL, 0);
        putLong(d + TABLE, 0);
    }

    /** A new dict with the same entries in the same order. */
    public static long copy(Heap heap, long d) {
        HandleScope hs = heap.handles();
        int m = hs.mark();
        try {
            hs.pushAddress(d);
            long r = alloc(heap);
            long table = getLong(d + TABLE);
            if (table == 0) return r;
            hs.pushAddress(r);
            long size = Header.size(table);
            long copy = heap.allocate(ObjectKind.DICT_TABLE, size);
            Mem.copy(table + 8, copy + 8, size - 8);  // same slots and positions: the index stays valid
            putLong(r + SIZE_FIELD, size(d));
            putLong(r + FILL, getLong(d + FILL));
            putLong(r + TABLE, copy);
            return r;
        } finally {
            hs.reset(m);
        }
    }

    // ---- Iteration in insertion order: positions 0 … entryLimit − 1, skipping tombstones. ----

    /** One past the last entry position in use (live or tombstone). */
    public static long entryLimit(long d) { return getLong(d + FILL); }

    /** The first live entry position at or after {@code pos}, or −1 if none. */
    public static long nextLive(long d, long pos) {
        long fill = getLong(d + FILL);
        if (pos >= fill) return -1;
        long e = entriesOf(getLong(d + TABLE)) + ENTRY_BYTES * pos;
        for (; pos < fill; pos++, e += ENTRY_BYTES) {
            if (getLong(e + E_KEY) != PackedValue.UNBOUND) return pos;
        }
        return -1;
    }

    /** The key at an entry position (UNBOUND for a tombstone). */
    public static long keyAt(long d, long pos) { return getLong(entryAddress(d, pos) + E_KEY); }

    /** The value at an entry position (0 for a tombstone). */
    public static long valueAt(long d, long pos) { return getLong(entryAddress(d, pos) + E_VALUE); }

    /** Replaces the value at a live entry position. */
    public static void setValueAt(long d, long pos, long value) { putLong(entryAddress(d, pos) + E_VALUE, value); }

    private static long entryAddress(long d, long pos) {
        java.util.Objects.checkIndex(pos, getLong(d + FILL));
        return entriesOf(getLong(d + TABLE)) + ENTRY_BYTES * pos;
    }

    /** Receives entries from {@link #forEach}. */
    @FunctionalInterface
    public interface EntryVisitor {
        void visit(long key, long value);
    }

    /** Visits the live entries in insertion order (the visitor must not add or remove keys). */
    public static void forEach(long d, EntryVisitor visitor) {
        for (long p = nextLive(d, 0); p >= 0; p = nextLive(d, p + 1)) {
            long e = entriesOf(getLong(d + TABLE)) + ENTRY_BYTES * p;
            visitor.visit(getLong(e + E_KEY), getLong(e + E_VALUE));
        }
    }

    // ---- The table. ----

    static long entriesOf(long table) { return table + T_INDEX + 4 * getLong(table + T_SLOTS); }

    static long capacityOf(long table) { return getLong(table + T_CAPACITY); }

    private static long entryAddressOfSlot(long table, long slot) {
        return entriesOf(table) + ENTRY_BYTES * (getInt(table + T_INDEX + 4 * slot) - 1L);
    }

    /** The index slot that refers to {@code key}'s entry, or −1. */
    private static long findSlot(long table, long key, long h) {
        long n = getLong(table + T_SLOTS);
        long mask = n - 1;
        long index = table + T_INDEX;
        long entries = index + 4 * n;
        long i = h & mask;
        long perturb = h;
        while (true) {
            int ix = getInt(index + 4 * i);
            if (ix == IX_EMPTY) return -1;
            if (ix > 0) {
                long e = entries + ENTRY_BYTES * (ix - 1L);
                long k = getLong(e + E_KEY);
                if (k == key || getLong(e + E_HASH) == h && Hashing.equal(k, key)) return i;
            }
            perturb >>>= 5;
            i = (i * 5 + perturb + 1) & mask;
        }
    }

    /** The first empty or deleted slot on {@code h}'s probe sequence (the key is known to be absent). */
    private static long findFreeSlot(long table, long h) {
        long mask = getLong(table + T_SLOTS) - 1;
        long index = table + T_INDEX;
        long i = h & mask;
        long perturb = h;
        while (getInt(index + 4 * i) > 0) {
            perturb >>>= 5;
            i = (i * 5 + perturb + 1) & mask;
        }
        return i;
    }

    /**
     * Replaces the table by one with room for at least size + 1 entries (slots ≥ 3 × size, as CPython's
     * growth rate), copying the live entries in order. The pending key and value are rooted meanwhile.
     */
    private static void resize(Heap heap, long d, long pendingKey, long pendingValue) {
        long size = size(d);
        long n = MIN_SLOTS;
        while (n < 3 * size && n < MAX_SLOTS) n <<= 1;
        long c = n * 2 / 3;
        if (c <= size) throw new HeapExhausted("dict too large: " + size + " keys", 0, heap.maxBytes());
        HandleScope hs = heap.handles();
        int m = hs.mark();
        long table;
        try {
            hs.pushAddress(d);
            hs.push(pendingKey);
            hs.push(pendingValue);
            table = heap.allocate(ObjectKind.DICT_TABLE, T_INDEX + 4 * n + ENTRY_BYTES * c);
        } finally {
            hs.reset(m);
        }
        putLong(table + T_SLOTS, n);
        putLong(table + T_CAPACITY, c);
        long old = getLong(d + TABLE);
        long j = 0;
        if (old != 0) {
            long from = entriesOf(old), end = from + ENTRY_BYTES * getLong(d + FILL);
            long to = entriesOf(table);
            for (long e = from; e < end; e += ENTRY_BYTES) {
                long k = getLong(e + E_KEY);
                if (k == PackedValue.UNBOUND) continue;
                long h = getLong(e + E_HASH);
                long t = to + ENTRY_BYTES * j;
                putLong(t + E_HASH, h);
                putLong(t + E_KEY, k);
                putLong(t + E_VALUE, getLong(e + E_VALUE));
                putInt(table + T_INDEX + 4 * findFreeSlot(table, h), (int) (j + 1));
                j++;
            }
        }
        putLong(d + TABLE, table);
        putLong(d + FILL, j);
    }
}
