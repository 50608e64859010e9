package dev.roast.interpreter.values;

import dev.roast.heap.DictObj;
import dev.roast.heap.Heap;
import dev.roast.heap.IteratorObj;
import dev.roast.values.PackedValue;

/**
 * `d.keys()` and `d.values()`: an ITERATOR object over the dict that is never advanced itself
 * (ITER_START on it makes a fresh iterator), so it stays a live view: len, `in` and iteration
 * see the dict as it is now.
 */
public final class Views {
    private Views() {}

    public static long keys(Heap heap, long dict) {
        return PackedValue.ofPointer(IteratorObj.alloc(heap, dict, IteratorObj.DICT_KEYS));
    }

    public static long values(Heap heap, long dict) {
        return PackedValue.ofPointer(IteratorObj.alloc(heap, dict, IteratorObj.DICT_VALUES));
    }

    /** The dict a view shows (address). */
    public static long dict(long view) { return IteratorObj.iterable(view) & PackedValue.PAYLOAD_MASK; }

    public static boolean isValues(long view) { return IteratorObj.what(view) == IteratorObj.DICT_VALUES; }

    public static long length(long view) { return DictObj.size(dict(view)); }
}
