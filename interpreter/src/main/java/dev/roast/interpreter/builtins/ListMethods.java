package dev.roast.interpreter.builtins;

import dev.roast.frontend.hir.BuiltinMethod;
import dev.roast.heap.HandleScope;
import dev.roast.heap.Heap;
import dev.roast.heap.ListObj;
import dev.roast.interpreter.PyError;
import dev.roast.interpreter.values.Arith;
import dev.roast.interpreter.values.Compare;
import dev.roast.interpreter.values.Context;
import dev.roast.interpreter.values.Iteration;
import dev.roast.interpreter.values.Kinds;
import dev.roast.interpreter.values.Text;
import dev.roast.values.PackedValue;

/** The methods of list (spec §9) with Python's behaviour and messages. */
public final class ListMethods {
    private ListMethods() {}

    public static long call(Context c, BuiltinMethod m, long self, Args a) {
        Heap heap = c.heap();
        long l = Kinds.addr(self);
        String name = m.pyName;
        if (m != BuiltinMethod.LIST_SORT) a.onlyKeywords(name);
        switch (m) {
            case LIST_APPEND -> {
                a.count(name, 1, 1);
                ListObj.append(heap, l, a.get(0));
            }
            case LIST_POP -> {
                a.count(name, 0, 1);
                long n = ListObj.length(l);
                if (n == 0) throw new PyError("IndexError", "pop from empty list");
                long i = a.count() == 0 ? n - 1 : Args.intArg(c, a.get(0), name);
                if (i < 0) i += n;
                if (i < 0 || i >= n) throw new PyError("IndexError", "pop index out of range");
                return ListObj.pop(l, i);
            }
            case LIST_INSERT -> {
                a.count(name, 2, 2);
                long n = ListObj.length(l);
                long i = Args.intArg(c, a.get(0), name);
                if (i < 0) i = Math.max(0, i + n);
                ListObj.insert(heap, l, Math.min(i, n), a.get(1));
            }
            case LIST_EXTEND -> {
                a.count(name, 1, 1);
                HandleScope hs = heap.handles();
                int mark = hs.mark();
                try {
                    long items = Iteration.toList(c, a.get(0));
                    hs.pushAddress(items);
                    ListObj.extend(heap, l, items);
                } finally {
                    hs.reset(mark);
                }
            }
            case LIST_INDEX -> {
                a.count(name, 1, 3);
                long n = ListObj.length(l);
                long start = a.count() > 1 ? clamp(Args.intArg(c, a.get(1), name), n) : 0;
                long end = a.count() > 2 ? clamp(Args.intArg(c, a.get(2), name), n) : n;
                long x = a.get(0);
                for (long i = start; i < end && i < ListObj.length(l); i++) {
                    long y = ListObj.get(l, i);
                    if (y == x || Compare.eq(c, y, x)) return PackedValue.ofInt(i);
                }
                throw new PyError("ValueError", Text.repr(c, x) + " is not in list");
            }
            case LIST_REMOVE -> {
                a.count(name, 1, 1);
                long x = a.get(0);
                for (long i = 0; i < ListObj.length(l); i++) {
                    long y = ListObj.get(l, i);
                    if (y == x || Compare.eq(c, y, x)) {
                        ListObj.pop(l, i);
                        return PackedValue.NONE;
                    }
                }
                throw new PyError("ValueError", "list.remove(x): x not in list");
            }
            case LIST_REVERSE -> {
                a.count(name, 0, 0);
                ListObj.reverse(l);
            }
            case LIST_SORT -> {
                a.onlyKeywords(name, "key", "reverse").count(name, 0, 0);
                Sorting.sortInPlace(c, l, a.keyword("key"), a.keyword("reverse"));
            }
            case LIST_COPY -> {
                a.count(name, 0, 0);
                return PackedValue.ofPointer(ListObj.copy(heap, l));
            }
            case LIST_CLEAR -> {
                a.count(name, 0, 0);
                ListObj.clear(l);
            }
            case LIST_COUNT -> {
                a.count(name, 1, 1);
                long x = a.get(0), n = 0;
                for (long i = 0; i < ListObj.length(l); i++) {
                    long y = ListObj.get(l, i);
                    if (y == x || Compare.eq(c, y, x)) n++;
                }
                return PackedValue.ofInt(n);
            }
            default -> throw new PyError("NotImplementedError", "list." + name + " is not supported yet");
        }
        return PackedValue.NONE;
    }

    private static long clamp(long i, long n) {
        if (i < 0) i = Math.max(0, i + n);
        return Math.min(i, n);
    }

    /** `list += other` (extend) or `list *= n` (repeat), in place. */
    public static void inPlace(Context c, long list, long other, boolean repeat) {
        if (repeat) {
            if (!Kinds.isInt(other)) {
                throw new PyError("TypeError", "can't multiply sequence by non-int of type '" + Kinds.typeName(c, other) + "'");
            }
            Arith.repeatInPlace(c.heap(), list, Kinds.intValue(other));
            return;
        }
        HandleScope hs = c.heap().handles();
        int mark = hs.mark();
        try {
            long items = Iteration.toList(c, other);
            hs.pushAddress(items);
            ListObj.extend(c.heap(), list, items);
        } finally {
            hs.reset(mark);
        }
    }
}
