package dev.roast.interpreter.values;

import dev.roast.heap.DictObj;
import dev.roast.heap.HandleScope;
import dev.roast.heap.Heap;
import dev.roast.heap.IteratorObj;
import dev.roast.heap.ListObj;
import dev.roast.heap.ObjectKind;
import dev.roast.heap.RangeObj;
import dev.roast.heap.Str;
import dev.roast.interpreter.PyError;
import dev.roast.values.PackedValue;

/** `for` loops over any iterable, `in`, and turning an iterable into a list. */
public final class Iteration {
    private Iteration() {}

    /** A fresh ITERATOR (address) over lists, strs, dicts (keys), dict views and ranges; TypeError otherwise. */
    public static long start(Context c, long v) {
        Heap heap = c.heap();
        return switch (Kinds.kind(v)) {
            case ObjectKind.LIST, ObjectKind.STR, ObjectKind.DICT, ObjectKind.RANGE -> IteratorObj.of(heap, Kinds.addr(v));
            case ObjectKind.ITERATOR -> IteratorObj.alloc(heap, Views.dict(Kinds.addr(v)), IteratorObj.what(Kinds.addr(v)));
            default -> throw notIterable(c, v);
        };
    }

    public static PyError notIterable(Context c, long v) {
        return new PyError("TypeError", "'" + Kinds.typeName(c, v) + "' object is not iterable");
    }

    /** The next value or UNBOUND; RuntimeError if a dict changed size. */
    public static long next(Context c, long it) {
        try {
            return IteratorObj.next(c.heap(), it);
        } catch (IteratorObj.DictChangedSize e) {
            throw new PyError("RuntimeError", "dictionary changed size during iteration");
        }
    }

    /**
     * The elements of an iterable as a list (address): the list itself when {@code v} is a list (do not
     * modify it), else a new one.
     */
    public static long toList(Context c, long v) {
        if (Kinds.isList(v)) return Kinds.addr(v);
        return newList(c, v);
    }

    /** A new list of the iterable's elements. */
    public static long newList(Context c, long v) {
        Heap heap = c.heap();
        if (Kinds.isList(v)) return ListObj.copy(heap, Kinds.addr(v));
        HandleScope hs = heap.handles();
        int m = hs.mark();
        try {
            long it = start(c, v);
            hs.pushAddress(it);
            long list = ListObj.alloc(heap, 0);
            hs.pushAddress(list);
            for (long x = next(c, it); x != PackedValue.UNBOUND; x = next(c, it)) ListObj.append(heap, list, x);
            return list;
        } finally {
            hs.reset(m);
        }
    }

    /** `item in container`. */
    public static boolean contains(Context c, long container, long item) {
        switch (Kinds.kind(container)) {
            case ObjectKind.LIST -> {
                long l = Kinds.addr(container);
                for (long i = 0; i < ListObj.length(l); i++) {
                    long x = ListObj.get(l, i);
                    if (x == item || Compare.eq(c, x, item)) return true;
                }
                return false;
            }
            case ObjectKind.DICT -> {
                return Dicts.get(c, Kinds.addr(container), item) != PackedValue.UNBOUND;
            }
            case ObjectKind.STR -> {
                if (!Kinds.isStr(item)) {
                    throw new PyError("TypeError", "'in <string>' requires string as left operand, not " + Kinds.typeName(c, item));
                }
                return Strings.find(Kinds.addr(container), Kinds.addr(item), 0, Str.length(Kinds.addr(container))) >= 0;
            }
            case ObjectKind.RANGE -> {
                long r = Kinds.addr(container);
                if (Kinds.isFloat(item)) {
                    double d = PackedValue.asDouble(item);
                    if (d != Math.rint(d) || Double.isInfinite(d)) return false;
                    return rangeHas(r, (long) d);
                }
                if (!Kinds.isInt(item)) return false;
                return rangeHas(r, Kinds.intValue(item));
            }
            case ObjectKind.ITERATOR -> {
                long v = Kinds.addr(container);
                long d = Views.dict(v);
                if (!Views.isValues(v)) return Dicts.get(c, d, item) != PackedValue.UNBOUND;
                for (long p = DictObj.nextLive(d, 0); p >= 0; p = DictObj.nextLive(d, p + 1)) {
                    long x = DictObj.valueAt(d, p);
                    if (x == item || Compare.eq(c, x, item)) return true;
                }
                return false;
            }
            default -> throw new PyError("TypeError", "argument of type '" + Kinds.typeName(c, container) + "' is not iterable");
        }
    }

    private static boolean rangeHas(long r, long x) {
        long start = RangeObj.start(r), stop = RangeObj.stop(r), step = RangeObj.step(r);
        if (step > 0 ? x < start || x >= stop : x > start || x <= stop) return false;
        return Math.floorMod(x - start, step) == 0;
    }
}
