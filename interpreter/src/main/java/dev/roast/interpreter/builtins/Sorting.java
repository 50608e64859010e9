package dev.roast.interpreter.builtins;

import dev.roast.heap.HandleScope;
import dev.roast.heap.Heap;
import dev.roast.heap.ListObj;
import dev.roast.interpreter.values.Compare;
import dev.roast.interpreter.values.Context;
import dev.roast.interpreter.values.Iteration;
import dev.roast.interpreter.values.Kinds;
import dev.roast.values.PackedValue;
import java.util.Arrays;

/** `sorted(xs, key=None, reverse=False)` and `list.sort(key=None, reverse=False)`: stable, using `<` only. */
public final class Sorting {
    private Sorting() {}

    public static long sorted(Context c, Args a) {
        a.onlyKeywords("sorted", "key", "reverse").count("sorted", 1, 1);
        Heap heap = c.heap();
        HandleScope hs = heap.handles();
        int m = hs.mark();
        try {
            long list = Iteration.newList(c, a.get(0));
            hs.pushAddress(list);
            sortInPlace(c, list, a.keyword("key"), a.keyword("reverse"));
            return PackedValue.ofPointer(list);
        } finally {
            hs.reset(m);
        }
    }

    /** Sorts the list at {@code list}; key and reverse are words (UNBOUND or None when not given). */
    public static void sortInPlace(Context c, long list, long key, long reverse) {
        boolean rev = reverse != PackedValue.UNBOUND && Kinds.truth(reverse);
        Heap heap = c.heap();
        HandleScope hs = heap.handles();
        int m = hs.mark();
        try {
            hs.pushAddress(list);
            int n = (int) ListObj.length(list);
            long keys = list;
            if (key != PackedValue.UNBOUND && key != PackedValue.NONE) {
                keys = ListObj.alloc(heap, n);
                hs.pushAddress(keys);
                for (int i = 0; i < n; i++) ListObj.append(heap, keys, c.call(key, ListObj.get(list, i)));
            }
            long[] items = new long[n];
            long[] keyWords = new long[n];
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                items[i] = ListObj.get(list, i);
                keyWords[i] = ListObj.get(keys, i);
                order[i] = i;
            }
            Arrays.sort(order, (x, y) -> {
                long p = keyWords[x], q = keyWords[y];
                if (rev) { long t = p; p = q; q = t; }
                if (Compare.lessThan(c, p, q)) return -1;
                if (Compare.lessThan(c, q, p)) return 1;
                return 0;
            });
            for (int i = 0; i < n && i < ListObj.length(list); i++) ListObj.set(list, i, items[order[i]]);
        } finally {
            hs.reset(m);
        }
    }
}
