package dev.roast.heap;

import dev.roast.values.PackedValue;

/**
 * ITERATOR objects: the state of a {@code for} loop over a list, str, dict (keys or values) or range.
 *
 * <pre>
 *  +0   header (kind ITERATOR, size 40)
 *  +8   the iterated object (POINTER word; None once exhausted, so it is not kept alive)
 *  +16  position (int64): the next index (list, str, range) or entry position (dict)
 *  +24  what is iterated (int64): LIST 0, STR 1, DICT_KEYS 2, DICT_VALUES 3, RANGE 4
 *  +32  limit (int64): a range's length; a dict's size when the iterator was made; else 0
 * </pre>
 *
 * A list iterator sees items appended during the loop (as Python's); a dict iterator throws
 * {@link DictChangedSize} if the dict's size changed. {@link #next} returns {@link PackedValue#UNBOUND}
 * when exhausted, and keeps doing so.
 */
public final class IteratorObj {
    private IteratorObj() {}

    public static final int ITERABLE = 8, POSITION = 16, WHAT = 24, LIMIT = 32, SIZE = 40;
    public static final int LIST = 0, STR = 1, DICT_KEYS = 2, DICT_VALUES = 3, RANGE = 4;

    /** Python's RuntimeError "dictionary changed size during iteration". */
    public static final class DictChangedSize extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public DictChangedSize() { super("dictionary changed size during iteration"); }
    }

    /** An iterator over the object at {@code address}; {@code what} says how (one of the constants above). */
    public static long alloc(Heap heap, long address, int what) {
        long limit = switch (what) {
            case LIST, STR -> 0;
            case DICT_KEYS, DICT_VALUES -> DictObj.size(address);
            case RANGE -> RangeObj.length(address);
            default -> throw new IllegalArgumentException("iterator kind " + what);
        };
        HandleScope hs = heap.handles();
        int m = hs.mark();
        try {
            hs.pushAddress(address);
            long it = heap.allocate(ObjectKind.ITERATOR, SIZE);
            Mem.putLong(it + ITERABLE, PackedValue.ofPointer(address));
            Mem.putLong(it + WHAT, what);
            Mem.putLong(it + LIMIT, limit);
            return it;
        } finally {
            hs.reset(m);
        }
    }

    /** An iterator over a list, str, dict (its keys) or range, chosen by the object's kind. */
    public static long of(Heap heap, long address) {
        int what = switch (Header.kind(address)) {
            case ObjectKind.LIST -> LIST;
            case ObjectKind.STR -> STR;
            case ObjectKind.DICT -> DICT_KEYS;
            case ObjectKind.RANGE -> RANGE;
            default -> throw new IllegalArgumentException("not iterable: " + ObjectKind.name(Header.kind(address)));
        };
        return alloc(heap, address, what);
    }

    public static long iterable(long it) { return Mem.getLong(it + ITERABLE); }

    public static long position(long it) { return Mem.getLong(it + POSITION); }

    public static int what(long it) { return (int) Mem.getLong(it + WHAT); }

    /**
     * The next value, or {@link PackedValue#UNBOUND} when exhausted. Allocates only for a str (a
     * one-code-point string, shared below U+0100) and for a range past the inline int range (a boxed int).
     */
    public static long next(Heap heap, long it) {
        long w = Mem.getLong(it + ITERABLE);
        if (w == PackedValue.NONE) return PackedValue.UNBOUND;
        long obj = w & PackedValue.PAYLOAD_MASK;
        long pos = Mem.getLong(it + POSITION);
        long result;
        switch (what(it)) {
            case LIST -> {
                if (pos >= ListObj.length(obj)) return exhaust(it);
                result = ListObj.get(obj, pos);
            }
            case STR -> {
                if (pos >= Str.length(obj)) return exhaust(it);
                int cp = Str.codePointAt(obj, (int) pos);
                if (cp < 0x100) {
                    result = PackedValue.ofPointer(heap.latin1Char(cp));
                } else {
                    result = PackedValue.ofPointer(allocRooted(heap, it, cp));
                }
            }
            case DICT_KEYS, DICT_VALUES -> {
                if (DictObj.size(obj) != Mem.getLong(it + LIMIT)) {
                    exhaust(it);
                    throw new DictChangedSize();
                }
                long p = DictObj.nextLive(obj, pos);
                if (p < 0) return exhaust(it);
                result = what(it) == DICT_KEYS ? DictObj.keyAt(obj, p) : DictObj.valueAt(obj, p);
                pos = p;
            }
            case RANGE -> {
                if (pos >= Mem.getLong(it + LIMIT)) return exhaust(it);
                long v = RangeObj.get(obj, pos);
                result = PackedValue.fitsInline(v) ? PackedValue.ofInt(v) : boxRooted(heap, it, v);
            }
            default -> throw new IllegalStateException("iterator kind " + what(it));
        }
        Mem.putLong(it + POSITION, pos + 1);
        return result;
    }

    private static long exhaust(long it) {
        Mem.putLong(it + ITERABLE, PackedValue.NONE);
        return PackedValue.UNBOUND;
    }

    private static long allocRooted(Heap heap, long it, int cp) {
        HandleScope hs = heap.handles();
        int m = hs.mark();
        try {
            hs.pushAddress(it);
            return Str.ofCodePoint(heap, cp);
        } finally {
            hs.reset(m);
        }
    }

    private static long boxRooted(Heap heap, long it, long v) {
        HandleScope hs = heap.handles();
        int m = hs.mark();
        try {
            hs.pushAddress(it);
            return BoxedInt.valueOf(heap, v);
        } finally {
            hs.reset(m);
        }
    }
}
