package dev.roast.interpreter.builtins;

import dev.roast.heap.DictObj;
import dev.roast.heap.ListObj;
import dev.roast.heap.ObjectKind;
import dev.roast.heap.RangeObj;
import dev.roast.heap.Str;
import dev.roast.interpreter.PyError;
import dev.roast.interpreter.values.Context;
import dev.roast.interpreter.values.Iteration;
import dev.roast.interpreter.values.Kinds;
import dev.roast.interpreter.values.Views;
import dev.roast.values.PackedValue;

/** `len`, `range`, `list` and `dict`. */
public final class ContainerBuiltins {
    private ContainerBuiltins() {}

    public static long len(Context c, Args a) {
        a.count("len", 1, 1);
        long v = a.get(0);
        long n = switch (Kinds.kind(v)) {
            case ObjectKind.STR -> Str.length(Kinds.addr(v));
            case ObjectKind.LIST -> ListObj.length(Kinds.addr(v));
            case ObjectKind.DICT -> DictObj.size(Kinds.addr(v));
            case ObjectKind.RANGE -> RangeObj.length(Kinds.addr(v));
            case ObjectKind.ITERATOR -> Views.length(Kinds.addr(v));
            default -> throw new PyError("TypeError", "object of type '" + Kinds.typeName(c, v) + "' has no len()");
        };
        return PackedValue.ofInt(n);
    }

    public static long range(Context c, Args a) {
        if (a.count() == 0) throw new PyError("TypeError", "range expected at least 1 argument, got 0");
        if (a.count() > 3) throw new PyError("TypeError", "range expected at most 3 arguments, got " + a.count());
        long start = 0, stop, step = 1;
        if (a.count() == 1) {
            stop = Args.intArg(c, a.get(0), "range");
        } else {
            start = Args.intArg(c, a.get(0), "range");
            stop = Args.intArg(c, a.get(1), "range");
            if (a.count() == 3) step = Args.intArg(c, a.get(2), "range");
        }
        if (step == 0) throw new PyError("ValueError", "range() arg 3 must not be zero");
        return PackedValue.ofPointer(RangeObj.alloc(c.heap(), start, stop, step));
    }

    public static long list(Context c, Args a) {
        a.count("list", 0, 1);
        if (a.count() == 0) return PackedValue.ofPointer(ListObj.alloc(c.heap(), 0));
        return PackedValue.ofPointer(Iteration.newList(c, a.get(0)));
    }

    public static long dict(Context c, Args a) {
        a.count("dict", 0, 1);
        long d;
        if (a.count() == 0) {
            d = DictObj.alloc(c.heap());
        } else if (Kinds.isDict(a.get(0))) {
            d = DictObj.copy(c.heap(), Kinds.addr(a.get(0)));
        } else {
            throw new PyError("TypeError", "'" + Kinds.typeName(c, a.get(0)) + "' object is not iterable");
        }
        if (a.keywordNames().length > 0) {
            var hs = c.heap().handles();
            int m = hs.mark();
            try {
                hs.pushAddress(d);
                for (int k = 0; k < a.keywordNames().length; k++) {
                    long key = PackedValue.ofPointer(Str.of(c.heap(), a.keywordNames()[k]));
                    DictObj.put(c.heap(), d, key, a.keywords()[k]);
                }
            } finally {
                hs.reset(m);
            }
        }
        return PackedValue.ofPointer(d);
    }
}
