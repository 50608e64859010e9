package dev.roast.heap;

import dev.roast.values.PackedValue;

/**
 * BOXED_INT objects: a 64-bit int outside the 48-bit inline range ({@link PackedValue} never boxes an int
 * that fits inline, so each int value has one representation).
 *
 * <pre>
 *  +0  header (kind BOXED_INT, size 16)
 *  +8  the value (int64)
 * </pre>
 */
public final class BoxedInt {
    private BoxedInt() {}

    public static final int VALUE = 8, SIZE = 16;

    /** A new box; {@code value} must not fit inline (use {@link #valueOf} to get the right form). */
    public static long alloc(Heap heap, long value) {
        if (PackedValue.fitsInline(value)) throw new IllegalArgumentException(value + " fits inline: never boxed");
        long a = heap.allocate(ObjectKind.BOXED_INT, SIZE);
        Mem.putLong(a + VALUE, value);
        return a;
    }

    /** The boxed value. */
    public static long value(long box) { return Mem.getLong(box + VALUE); }

    /** The value word for an int: inline when it fits, else a pointer to a new box. */
    public static long valueOf(Heap heap, long value) {
        return PackedValue.fitsInline(value) ? PackedValue.ofInt(value) : PackedValue.ofPointer(alloc(heap, value));
    }

    /** The int an int word holds, inline or boxed. */
    public static long toLong(long word) {
        return PackedValue.isInt(word) ? PackedValue.asInt(word) : value(word & PackedValue.PAYLOAD_MASK);
    }

    /** Whether a word is an int, inline or boxed. */
    public static boolean isInt(long word) {
        return PackedValue.isInt(word)
                || PackedValue.isPointer(word) && Header.kind(word & PackedValue.PAYLOAD_MASK) == ObjectKind.BOXED_INT;
    }
}
