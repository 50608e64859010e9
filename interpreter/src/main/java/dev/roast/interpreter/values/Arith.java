package dev.roast.interpreter.values;

import dev.roast.heap.HandleScope;
import dev.roast.heap.Heap;
import dev.roast.heap.ListObj;
import dev.roast.heap.Str;
import dev.roast.interpreter.PyError;
import dev.roast.interpreter.arith.FloatArith;
import dev.roast.interpreter.arith.IntArith;
import dev.roast.mir.ArithOp;
import dev.roast.mir.UnaryKind;
import dev.roast.values.PackedValue;

/** The arithmetic operators on `any` values (ARITH_ANY, UNARY_ANY), and sequence concatenation and repetition. */
public final class Arith {
    private Arith() {}

    public static String symbol(ArithOp op) {
        return switch (op.source) {
            case ADD -> "+";
            case SUB -> "-";
            case MUL -> "*";
            case DIV -> "/";
            case FLOOR_DIV -> "//";
            case MOD -> "%";
            case POW -> "** or pow()";
            case BIT_AND -> "&";
            case BIT_OR -> "|";
            case BIT_XOR -> "^";
            case LSHIFT -> "<<";
            case RSHIFT -> ">>";
            default -> op.source.toString();
        };
    }

    public static long binary(Context c, ArithOp op, long a, long b) {
        Heap heap = c.heap();
        if (Kinds.isNumber(a) && Kinds.isNumber(b)) {
            if (Kinds.isInt(a) && Kinds.isInt(b)) {
                long x = Kinds.intValue(a), y = Kinds.intValue(b);
                return switch (op.source) {
                    case ADD -> Kinds.intWord(heap, IntArith.add(x, y));
                    case SUB -> Kinds.intWord(heap, IntArith.sub(x, y));
                    case MUL -> Kinds.intWord(heap, IntArith.mul(x, y));
                    case DIV -> PackedValue.ofDouble(IntArith.trueDiv(x, y));
                    case FLOOR_DIV -> Kinds.intWord(heap, IntArith.floorDiv(x, y));
                    case MOD -> Kinds.intWord(heap, IntArith.mod(x, y));
                    case POW -> Kinds.intWord(heap, IntArith.pow(x, y));
                    case BIT_AND -> Kinds.intWord(heap, x & y);
                    case BIT_OR -> Kinds.intWord(heap, x | y);
                    case BIT_XOR -> Kinds.intWord(heap, x ^ y);
                    case LSHIFT -> Kinds.intWord(heap, IntArith.shiftLeft(x, y));
                    case RSHIFT -> Kinds.intWord(heap, IntArith.shiftRight(x, y));
                    default -> throw unsupported(c, op, a, b);
                };
            }
            double x = Kinds.toDouble(a), y = Kinds.toDouble(b);
            return switch (op.source) {
                case ADD -> PackedValue.ofDouble(x + y);
                case SUB -> PackedValue.ofDouble(x - y);
                case MUL -> PackedValue.ofDouble(x * y);
                case DIV -> PackedValue.ofDouble(FloatArith.div(x, y));
                case FLOOR_DIV -> PackedValue.ofDouble(FloatArith.floorDiv(x, y));
                case MOD -> PackedValue.ofDouble(FloatArith.mod(x, y));
                case POW -> PackedValue.ofDouble(FloatArith.pow(x, y));
                default -> throw unsupported(c, op, a, b);
            };
        }
        if (PackedValue.isBool(a) && PackedValue.isBool(b)) {
            switch (op.source) {
                case BIT_AND -> { return PackedValue.ofBool((a & b & 1) != 0); }
                case BIT_OR -> { return PackedValue.ofBool(((a | b) & 1) != 0); }
                case BIT_XOR -> { return PackedValue.ofBool(((a ^ b) & 1) != 0); }
                default -> { }
            }
        }
        switch (op.source) {
            case ADD -> {
                if (Kinds.isStr(a)) {
                    if (!Kinds.isStr(b)) throw new PyError("TypeError", "can only concatenate str (not \"" + Kinds.typeName(c, b) + "\") to str");
                    return PackedValue.ofPointer(Str.concat(heap, Kinds.addr(a), Kinds.addr(b)));
                }
                if (Kinds.isList(a)) {
                    if (!Kinds.isList(b)) throw new PyError("TypeError", "can only concatenate list (not \"" + Kinds.typeName(c, b) + "\") to list");
                    return concatLists(heap, Kinds.addr(a), Kinds.addr(b));
                }
            }
            case MUL -> {
                if ((Kinds.isStr(a) || Kinds.isList(a)) && !Kinds.isInt(b) || (Kinds.isStr(b) || Kinds.isList(b)) && !Kinds.isInt(a)) {
                    long other = Kinds.isStr(a) || Kinds.isList(a) ? b : a;
                    throw new PyError("TypeError", "can't multiply sequence by non-int of type '" + Kinds.typeName(c, other) + "'");
                }
                if (Kinds.isStr(a) && Kinds.isInt(b)) return repeatStr(heap, Kinds.addr(a), Kinds.intValue(b));
                if (Kinds.isStr(b) && Kinds.isInt(a)) return repeatStr(heap, Kinds.addr(b), Kinds.intValue(a));
                if (Kinds.isList(a) && Kinds.isInt(b)) return repeatList(heap, Kinds.addr(a), Kinds.intValue(b));
                if (Kinds.isList(b) && Kinds.isInt(a)) return repeatList(heap, Kinds.addr(b), Kinds.intValue(a));
            }
            default -> { }
        }
        throw unsupported(c, op, a, b);
    }

    public static PyError unsupported(Context c, ArithOp op, long a, long b) {
        return new PyError("TypeError", "unsupported operand type(s) for " + symbol(op) + ": '"
                + Kinds.typeName(c, a) + "' and '" + Kinds.typeName(c, b) + "'");
    }

    public static long unary(Context c, UnaryKind op, long a) {
        if (Kinds.isInt(a)) {
            long x = Kinds.intValue(a);
            return switch (op) {
                case ANY_NEG, INT_NEG -> Kinds.intWord(c.heap(), IntArith.neg(x));
                case ANY_INVERT, INT_INVERT -> Kinds.intWord(c.heap(), ~x);
                default -> a;
            };
        }
        if (Kinds.isFloat(a) && op != UnaryKind.ANY_INVERT) {
            return op == UnaryKind.ANY_POS ? a : PackedValue.ofDouble(-PackedValue.asDouble(a));
        }
        String sym = op == UnaryKind.ANY_NEG ? "-" : op == UnaryKind.ANY_POS ? "+" : "~";
        throw new PyError("TypeError", "bad operand type for unary " + sym + ": '" + Kinds.typeName(c, a) + "'");
    }

    public static long repeatStr(Heap heap, long s, long n) {
        if (n <= 0) return PackedValue.ofPointer(heap.emptyStr());
        if ((long) Str.length(s) * n > Integer.MAX_VALUE) throw new PyError("OverflowError", "repeated string is too long");
        return PackedValue.ofPointer(Str.repeat(heap, s, n));
    }

    public static long concatLists(Heap heap, long a, long b) {
        HandleScope hs = heap.handles();
        int m = hs.mark();
        try {
            long r = ListObj.alloc(heap, ListObj.length(a) + ListObj.length(b));
            hs.pushAddress(r);
            ListObj.extend(heap, r, a);
            ListObj.extend(heap, r, b);
            return PackedValue.ofPointer(r);
        } finally {
            hs.reset(m);
        }
    }

    public static long repeatList(Heap heap, long a, long n) {
        long len = ListObj.length(a);
        if (n <= 0 || len == 0) return PackedValue.ofPointer(ListObj.alloc(heap, 0));
        if (len * n > ListObj.MAX_CAPACITY || len * n / n != len) throw new PyError("MemoryError", "");
        HandleScope hs = heap.handles();
        int m = hs.mark();
        try {
            long r = ListObj.alloc(heap, len * n);
            hs.pushAddress(r);
            for (long k = 0; k < n; k++) ListObj.extend(heap, r, a);
            return PackedValue.ofPointer(r);
        } finally {
            hs.reset(m);
        }
    }

    /** `list *= n` in place. */
    public static void repeatInPlace(Heap heap, long list, long n) {
        long len = ListObj.length(list);
        if (n <= 0) { ListObj.clear(list); return; }
        if (len * n > ListObj.MAX_CAPACITY || len * n / n != len) throw new PyError("MemoryError", "");
        ListObj.ensureCapacity(heap, list, len * n);
        for (long k = 1; k < n; k++) {
            for (long i = 0; i < len; i++) ListObj.append(heap, list, ListObj.get(list, i));
        }
    }
}
