package dev.roast.heap;

import dev.roast.values.PackedValue;
import java.util.Objects;

/**
 * INSTANCE and EXCEPTION objects: an instance of a user (or exception) class. The class descriptor lives
 * in the interpreter's class table, not on the heap; the object holds its index.
 *
 * <pre>
 *  +0       header (kind INSTANCE or EXCEPTION, size 16 + 8 × fields)
 *  +8       class id (int64: index into the interpreter's class table)
 *  +16 + 8i field slot i (packed; {@link PackedValue#UNBOUND} until assigned)
 * </pre>
 *
 * The field count is {@code (size − 16) / 8}, from the header. Slot accessors check the slot against it.
 */
public final class Instance {
    private Instance() {}

    public static final int CLASS_ID = 8, FIELDS = 16;

    /** A new instance with every field UNBOUND. */
    public static long alloc(Heap heap, long classId, int fieldCount) {
        return alloc(heap, ObjectKind.INSTANCE, classId, fieldCount);
    }

    /** A new exception instance (same layout, kind EXCEPTION) with every field UNBOUND. */
    public static long allocException(Heap heap, long classId, int fieldCount) {
        return alloc(heap, ObjectKind.EXCEPTION, classId, fieldCount);
    }

    private static long alloc(Heap heap, int kind, long classId, int fieldCount) {
        if (fieldCount < 0) throw new IllegalArgumentException("negative field count " + fieldCount);
        long a = heap.allocate(kind, FIELDS + 8L * fieldCount);
        Mem.putLong(a + CLASS_ID, classId);
        for (long p = a + FIELDS, end = p + 8L * fieldCount; p < end; p += 8) Mem.putLong(p, PackedValue.UNBOUND);
        return a;
    }

    public static long classId(long obj) { return Mem.getLong(obj + CLASS_ID); }

    public static int fieldCount(long obj) { return (int) ((Header.size(obj) - FIELDS) >>> 3); }

    /** Field slot {@code i} (UNBOUND if never assigned). */
    public static long get(long obj, int i) {
        Objects.checkIndex(i, fieldCount(obj));
        return Mem.getLong(obj + FIELDS + 8L * i);
    }

    public static void set(long obj, int i, long value) {
        Objects.checkIndex(i, fieldCount(obj));
        Mem.putLong(obj + FIELDS + 8L * i, value);
    }

    /** Whether the object is an exception instance. */
    public static boolean isException(long obj) { return Header.kind(obj) == ObjectKind.EXCEPTION; }
}
