package dev.roast.interpreter.values;

import dev.roast.heap.DictObj;
import dev.roast.heap.Hashing;
import dev.roast.heap.ListObj;
import dev.roast.heap.ObjectKind;
import dev.roast.heap.Str;
import dev.roast.interpreter.PyError;
import dev.roast.values.PackedValue;
import java.math.BigDecimal;

/** Python's `==` and ordering on any values (bools are not ints: True != 1, spec §13 item 8). */
public final class Compare {
    private Compare() {}

    /** The ordering operators; the index is the operator's position in LT, LE, GT, GE. */
    public static final String[] SYMBOLS = {"<", "<=", ">", ">="};
    public static final int LT = 0, LE = 1, GT = 2, GE = 3;

    public static boolean eq(Context c, long a, long b) {
        boolean an = Kinds.isNumber(a), bn = Kinds.isNumber(b);
        if (an || bn) return an && bn && numCompare(a, b) == 0;
        if (a == b) return true;
        int ka = Kinds.kind(a), kb = Kinds.kind(b);
        if (ka == ObjectKind.INSTANCE || ka == ObjectKind.EXCEPTION || kb == ObjectKind.INSTANCE || kb == ObjectKind.EXCEPTION) {
            return c.instanceEquals(a, b);
        }
        if (ka != kb || ka < 0) return false;
        long x = Kinds.addr(a), y = Kinds.addr(b);
        return switch (ka) {
            case ObjectKind.STR -> Str.equals(x, y);
            case ObjectKind.LIST -> {
                long n = ListObj.length(x);
                if (n != ListObj.length(y)) yield false;
                for (long i = 0; i < n && i < ListObj.length(x) && i < ListObj.length(y); i++) {
                    long p = ListObj.get(x, i), q = ListObj.get(y, i);
                    if (p != q && !eq(c, p, q)) yield false;
                }
                yield ListObj.length(x) == ListObj.length(y);
            }
            case ObjectKind.DICT -> {
                if (DictObj.size(x) != DictObj.size(y)) yield false;
                for (long p = DictObj.nextLive(x, 0); p >= 0; p = DictObj.nextLive(x, p + 1)) {
                    long other = DictObj.get(y, DictObj.keyAt(x, p));
                    if (other == PackedValue.UNBOUND) yield false;
                    long mine = DictObj.valueAt(x, p);
                    if (mine != other && !eq(c, mine, other)) yield false;
                }
                yield true;
            }
            case ObjectKind.RANGE -> {
                long la = dev.roast.heap.RangeObj.length(x), lb = dev.roast.heap.RangeObj.length(y);
                if (la != lb) yield false;
                if (la == 0) yield true;
                if (dev.roast.heap.RangeObj.start(x) != dev.roast.heap.RangeObj.start(y)) yield false;
                yield la == 1 || dev.roast.heap.RangeObj.step(x) == dev.roast.heap.RangeObj.step(y);
            }
            default -> Hashing.equal(a, b);
        };
    }

    /** `a op b` for op LT, LE, GT, GE; TypeError between unorderable values. */
    public static boolean order(Context c, int op, long a, long b) {
        if (Kinds.isNumber(a) && Kinds.isNumber(b) || PackedValue.isBool(a) && PackedValue.isBool(b)) {
            if (PackedValue.isBool(a)) return test(op, Long.compare(a & 1, b & 1));
            if (isNaN(a) || isNaN(b)) return false;
            return test(op, numCompare(a, b));
        }
        int ka = Kinds.kind(a), kb = Kinds.kind(b);
        if (ka == ObjectKind.STR && kb == ObjectKind.STR) return test(op, Str.compare(Kinds.addr(a), Kinds.addr(b)));
        if (ka == ObjectKind.LIST && kb == ObjectKind.LIST) {
            long x = Kinds.addr(a), y = Kinds.addr(b);
            long i = 0;
            for (; i < ListObj.length(x) && i < ListObj.length(y); i++) {
                long p = ListObj.get(x, i), q = ListObj.get(y, i);
                if (p == q || eq(c, p, q)) continue;
                return order(c, op, p, q);
            }
            return test(op, Long.compare(ListObj.length(x), ListObj.length(y)));
        }
        throw new PyError("TypeError", "'" + SYMBOLS[op] + "' not supported between instances of '"
                + Kinds.typeName(c, a) + "' and '" + Kinds.typeName(c, b) + "'");
    }

    /** `a < b`, as sorting, min and max use it. */
    public static boolean lessThan(Context c, long a, long b) { return order(c, LT, a, b); }

    private static boolean test(int op, int cmp) {
        return switch (op) {
            case LT -> cmp < 0;
            case LE -> cmp <= 0;
            case GT -> cmp > 0;
            default -> cmp >= 0;
        };
    }

    private static boolean isNaN(long v) { return PackedValue.isDouble(v) && Double.isNaN(PackedValue.asDouble(v)); }

    /** Exact comparison of two numbers (ints and floats); NaN compares unequal to everything (returns 2). */
    public static int numCompare(long a, long b) {
        boolean af = Kinds.isFloat(a), bf = Kinds.isFloat(b);
        if (!af && !bf) return Long.compare(Kinds.intValue(a), Kinds.intValue(b));
        if (af && bf) {
            double x = PackedValue.asDouble(a), y = PackedValue.asDouble(b);
            if (x != x || y != y) return 2;
            return x < y ? -1 : x > y ? 1 : 0;
        }
        if (af) {
            int r = intVsDouble(Kinds.intValue(b), PackedValue.asDouble(a));
            return r == 2 ? 2 : -r;
        }
        return intVsDouble(Kinds.intValue(a), PackedValue.asDouble(b));
    }

    /** Compares an int with a double exactly: -1, 0, 1, or 2 for NaN. */
    private static int intVsDouble(long i, double d) {
        if (d != d) return 2;
        if (d == Double.POSITIVE_INFINITY) return -1;
        if (d == Double.NEGATIVE_INFINITY) return 1;
        if (Math.abs(i) < (1L << 53)) {
            double x = (double) i;
            return x < d ? -1 : x > d ? 1 : 0;
        }
        return BigDecimal.valueOf(i).compareTo(new BigDecimal(d));
    }
}
