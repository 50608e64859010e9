package dev.roast.interpreter.builtins;

import dev.roast.heap.HandleScope;
import dev.roast.heap.ListObj;
import dev.roast.interpreter.PyError;
import dev.roast.interpreter.values.Arith;
import dev.roast.interpreter.values.Context;
import dev.roast.interpreter.values.Iteration;
import dev.roast.interpreter.values.Kinds;
import dev.roast.mir.ArithOp;
import dev.roast.values.PackedValue;

/**
 * `sum(iterable, start=0)` as CPython 3.12's builtin_sum: exact int accumulation while every item is
 * an int, then floats with Neumaier's compensated summation (ints added to the running float as they
 * come), then generic `+` for anything else.
 */
public final class Sum {
    private Sum() {}

    public static long sum(Context c, Args a) {
        a.onlyKeywords("sum", "start").count("sum", 1, 2);
        long start = a.count() == 2 ? a.get(1) : a.keyword("start");
        if (start == PackedValue.UNBOUND) start = PackedValue.ofInt(0);
        if (Kinds.isStr(start)) throw new PyError("TypeError", "sum() can't sum strings [use ''.join(seq) instead]");
        HandleScope hs = c.heap().handles();
        int m = hs.mark();
        try {
            long items = Iteration.toList(c, a.get(0));
            hs.pushAddress(items);
            long n = ListObj.length(items);
            long i = 0;
            long result = start;
            if (Kinds.isInt(result)) {
                long acc = Kinds.intValue(result);
                for (; i < n; i++) {
                    long x = ListObj.get(items, i);
                    if (!Kinds.isInt(x)) break;
                    acc = Math.addExact(acc, Kinds.intValue(x));
                }
                result = Kinds.intWord(c.heap(), acc);
                if (i == n) return result;
                result = Arith.binary(c, ArithOp.ANY_ADD, result, ListObj.get(items, i));
                i++;
            }
            if (Kinds.isFloat(result)) {
                double f = PackedValue.asDouble(result), comp = 0.0;
                for (; i < n; i++) {
                    long x = ListObj.get(items, i);
                    if (Kinds.isFloat(x)) {
                        double v = PackedValue.asDouble(x);
                        double t = f + v;
                        if (Math.abs(f) >= Math.abs(v)) comp += (f - t) + v;
                        else comp += (v - t) + f;
                        f = t;
                    } else if (Kinds.isInt(x)) {
                        f += (double) Kinds.intValue(x);
                    } else {
                        break;
                    }
                }
                if (comp != 0.0 && Double.isFinite(comp)) f += comp;
                result = PackedValue.ofDouble(f);
                if (i == n) return result;
            }
            int slot = hs.push(result);
            for (; i < n; i++) {
                hs.set(slot, Arith.binary(c, ArithOp.ANY_ADD, hs.get(slot), ListObj.get(items, i)));
            }
            return hs.get(slot);
        } catch (ArithmeticException e) {
            throw PyError.overflow();
        } finally {
            hs.reset(m);
        }
    }
}
