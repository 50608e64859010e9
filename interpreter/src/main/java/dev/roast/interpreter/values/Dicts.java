package dev.roast.interpreter.values;

import dev.roast.heap.DictObj;
import dev.roast.heap.UnhashableKey;
import dev.roast.interpreter.PyError;

/** Dict access with Python's TypeError for unhashable keys. */
public final class Dicts {
    private Dicts() {}

    public static long get(Context c, long d, long key) {
        try {
            return DictObj.get(d, key);
        } catch (UnhashableKey e) {
            throw unhashable(c, key);
        }
    }

    public static void put(Context c, long d, long key, long value) {
        try {
            DictObj.put(c.heap(), d, key, value);
        } catch (UnhashableKey e) {
            throw unhashable(c, key);
        }
    }

    public static long remove(Context c, long d, long key) {
        try {
            return DictObj.remove(d, key);
        } catch (UnhashableKey e) {
            throw unhashable(c, key);
        }
    }

    public static PyError unhashable(Context c, long key) {
        return new PyError("TypeError", "unhashable type: '" + Kinds.typeName(c, key) + "'");
    }
}
