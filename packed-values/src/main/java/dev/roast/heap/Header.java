package dev.roast.heap;

/**
 * The header word at offset 0 of every object and free block: bits 0–7 the kind, bit 8 the GC mark,
 * bits 32–63 the block's total size in bytes (a multiple of 8, at least 8; unsigned, so up to 4 GiB − 8).
 * Bits 9–31 are zero.
 */
public final class Header {
    private Header() {}

    public static final long KIND_MASK = 0xFF;
    public static final long MARK_BIT = 1L << 8;
    public static final int SIZE_SHIFT = 32;
    /** The largest block a header can describe. */
    public static final long MAX_SIZE = 0xFFFF_FFF8L;

    /** The header word for an unmarked block. */
    public static long make(int kind, long size) {
        assert size >= 8 && (size & 7) == 0 && size <= MAX_SIZE : size;
        return size << SIZE_SHIFT | kind;
    }

    public static int kind(long address) { return (int) (Mem.getLong(address) & KIND_MASK); }

    public static long size(long address) { return Mem.getLong(address) >>> SIZE_SHIFT; }

    /** The kind of a header word already loaded. */
    public static int kindOf(long header) { return (int) (header & KIND_MASK); }

    /** The size of a header word already loaded. */
    public static long sizeOf(long header) { return header >>> SIZE_SHIFT; }

    /** Whether the object at {@code address} has the given kind (for checks and asserts). */
    public static boolean is(long address, int kind) { return kind(address) == kind; }
}
