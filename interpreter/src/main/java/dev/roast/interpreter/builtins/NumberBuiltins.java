package dev.roast.interpreter.builtins;

import dev.roast.interpreter.PyError;
import dev.roast.interpreter.arith.IntArith;
import dev.roast.interpreter.values.Context;
import dev.roast.interpreter.values.Kinds;
import dev.roast.interpreter.values.Strings;
import dev.roast.runtime.format.IntRepr;
import dev.roast.runtime.format.NumberParse;
import dev.roast.runtime.format.Rounding;
import dev.roast.values.PackedValue;

/** `int`, `float`, `bool`, `abs`, `round`, `hex` and `bin`. */
public final class NumberBuiltins {
    private NumberBuiltins() {}

    public static long intOf(Context c, Args a) {
        a.onlyKeywords("int", "base").count("int", 0, 2);
        long baseWord = a.count() == 2 ? a.get(1) : a.keyword("base");
        if (a.count() == 0) {
            if (baseWord != PackedValue.UNBOUND) throw new PyError("TypeError", "int() missing string argument");
            return PackedValue.ofInt(0);
        }
        long v = a.get(0);
        if (baseWord != PackedValue.UNBOUND) {
            if (!Kinds.isStr(v)) throw new PyError("TypeError", "int() can't convert non-string with explicit base");
            return Kinds.intWord(c.heap(), NumberParse.parseInt(Strings.text(v), Args.intArg(c, baseWord, "base")));
        }
        if (Kinds.isInt(v)) return v;
        if (Kinds.isFloat(v)) return Kinds.intWord(c.heap(), Rounding.truncate(PackedValue.asDouble(v)));
        if (PackedValue.isBool(v)) return PackedValue.ofInt(v & 1);
        if (Kinds.isStr(v)) return Kinds.intWord(c.heap(), NumberParse.parseInt(Strings.text(v)));
        throw new PyError("TypeError", "int() argument must be a string, a bytes-like object or a real number, not '"
                + Kinds.typeName(c, v) + "'");
    }

    public static long floatOf(Context c, Args a) {
        a.count("float", 0, 1);
        if (a.count() == 0) return PackedValue.ofDouble(0.0);
        long v = a.get(0);
        if (Kinds.isFloat(v)) return v;
        if (Kinds.isInt(v)) return PackedValue.ofDouble((double) Kinds.intValue(v));
        if (PackedValue.isBool(v)) return PackedValue.ofDouble(v & 1);
        if (Kinds.isStr(v)) return PackedValue.ofDouble(NumberParse.parseFloat(Strings.text(v)));
        throw new PyError("TypeError", "float() argument must be a string or a real number, not '" + Kinds.typeName(c, v) + "'");
    }

    public static long boolOf(Context c, Args a) {
        a.count("bool", 0, 1);
        return PackedValue.ofBool(a.count() == 1 && Kinds.truth(a.get(0)));
    }

    public static long abs(Context c, Args a) {
        a.count("abs", 1, 1);
        long v = a.get(0);
        if (Kinds.isInt(v)) return Kinds.intWord(c.heap(), IntArith.abs(Kinds.intValue(v)));
        if (Kinds.isFloat(v)) return PackedValue.ofDouble(Math.abs(PackedValue.asDouble(v)));
        throw new PyError("TypeError", "bad operand type for abs(): '" + Kinds.typeName(c, v) + "'");
    }

    public static long round(Context c, Args a) {
        a.onlyKeywords("round", "ndigits").count("round", 1, 2);
        long v = a.get(0);
        long nd = a.count() == 2 ? a.get(1) : a.keyword("ndigits");
        boolean hasDigits = nd != PackedValue.UNBOUND && nd != PackedValue.NONE;
        if (Kinds.isFloat(v)) {
            double x = PackedValue.asDouble(v);
            if (!hasDigits) return Kinds.intWord(c.heap(), Rounding.round(x));
            return PackedValue.ofDouble(Rounding.round(x, Args.intArg(c, nd, "ndigits")));
        }
        if (Kinds.isInt(v)) {
            if (!hasDigits) return v;
            return Kinds.intWord(c.heap(), Rounding.round(Kinds.intValue(v), Args.intArg(c, nd, "ndigits")));
        }
        throw new PyError("TypeError", "type " + Kinds.typeName(c, v) + " doesn't define __round__ method");
    }

    public static long hex(Context c, Args a) {
        a.count("hex", 1, 1);
        return Strings.word(c.heap(), IntRepr.hex(Args.intArg(c, a.get(0), "hex")));
    }

    public static long bin(Context c, Args a) {
        a.count("bin", 1, 1);
        return Strings.word(c.heap(), IntRepr.bin(Args.intArg(c, a.get(0), "bin")));
    }
}
