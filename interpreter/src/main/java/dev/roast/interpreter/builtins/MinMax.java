package dev.roast.interpreter.builtins;

import dev.roast.heap.HandleScope;
import dev.roast.heap.ListObj;
import dev.roast.interpreter.PyError;
import dev.roast.interpreter.values.Compare;
import dev.roast.interpreter.values.Context;
import dev.roast.interpreter.values.Iteration;
import dev.roast.values.PackedValue;

/** `min` and `max`: of two or more arguments or of one iterable, with optional `key=` and `default=`. */
public final class MinMax {
    private MinMax() {}

    public static long min(Context c, Args a) { return pick(c, a, "min", Compare.LT); }

    public static long max(Context c, Args a) { return pick(c, a, "max", Compare.GT); }

    private static long pick(Context c, Args a, String name, int op) {
        a.onlyKeywords(name, "key", "default");
        if (a.count() == 0) throw new PyError("TypeError", name + " expected at least 1 argument, got 0");
        long key = a.keyword("key");
        if (key == PackedValue.NONE) key = PackedValue.UNBOUND;
        long dflt = a.keyword("default");
        HandleScope hs = c.heap().handles();
        int m = hs.mark();
        try {
            long items;
            if (a.count() == 1) {
                items = Iteration.toList(c, a.get(0));
            } else {
                if (dflt != PackedValue.UNBOUND) {
                    throw new PyError("TypeError", "Cannot specify a default for " + name + "() with multiple positional arguments");
                }
                items = ListObj.of(c.heap(), a.positional());
            }
            hs.pushAddress(items);
            long n = ListObj.length(items);
            if (n == 0) {
                if (dflt != PackedValue.UNBOUND) return dflt;
                throw new PyError("ValueError", name + "() iterable argument is empty");
            }
            long best = ListObj.get(items, 0);
            int bestSlot = hs.push(best);
            long bestKey = key == PackedValue.UNBOUND ? best : c.call(key, best);
            int bestKeySlot = hs.push(bestKey);
            for (long i = 1; i < ListObj.length(items); i++) {
                long x = ListObj.get(items, i);
                int xs = hs.push(x);
                long k = key == PackedValue.UNBOUND ? x : c.call(key, x);
                if (Compare.order(c, op, k, hs.get(bestKeySlot))) {
                    hs.set(bestSlot, x);
                    hs.set(bestKeySlot, k);
                }
                hs.reset(xs);
            }
            return hs.get(bestSlot);
        } finally {
            hs.reset(m);
        }
    }
}
