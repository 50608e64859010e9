package dev.roast.interpreter.builtins;

import dev.roast.frontend.hir.Builtin;
import dev.roast.interpreter.PyError;
import dev.roast.interpreter.arith.FloatArith;
import dev.roast.interpreter.values.Context;
import dev.roast.interpreter.values.Kinds;
import dev.roast.runtime.format.Rounding;
import dev.roast.values.PackedValue;

/** The functions of `math` (spec §11), with CPython's domain and range errors. */
public final class MathFunctions {
    private MathFunctions() {}

    public static long call(Context c, Builtin b, Args a) {
        String name = b.displayName();
        int arity = b == Builtin.MATH_ATAN2 || b == Builtin.MATH_POW ? 2 : 1;
        if (b == Builtin.MATH_LOG) a.count(name, 1, 2);
        else a.count(name, arity, arity);
        long v = a.get(0);
        if (b == Builtin.MATH_FLOOR || b == Builtin.MATH_CEIL) {
            if (Kinds.isInt(v)) return v;
            double x = num(c, v);
            return Kinds.intWord(c.heap(), b == Builtin.MATH_FLOOR ? Rounding.floor(x) : Rounding.ceil(x));
        }
        double x = num(c, v);
        if (b == Builtin.MATH_ISNAN) return PackedValue.ofBool(Double.isNaN(x));
        if (b == Builtin.MATH_ISINF) return PackedValue.ofBool(Double.isInfinite(x));
        double r = switch (b) {
            case MATH_SQRT -> {
                if (x < 0) throw domain();
                yield Math.sqrt(x);
            }
            case MATH_SIN, MATH_COS, MATH_TAN -> {
                if (Double.isInfinite(x)) throw domain();
                yield b == Builtin.MATH_SIN ? Math.sin(x) : b == Builtin.MATH_COS ? Math.cos(x) : Math.tan(x);
            }
            case MATH_ATAN2 -> Math.atan2(x, num(c, a.get(1)));
            case MATH_EXP -> {
                double e = Math.exp(x);
                if (Double.isInfinite(e) && Double.isFinite(x)) throw new PyError("OverflowError", "math range error");
                yield e;
            }
            case MATH_LOG -> {
                double l = log(x);
                if (a.count() == 2) l = FloatArith.div(l, log(num(c, a.get(1))));
                yield l;
            }
            case MATH_POW -> pow(x, num(c, a.get(1)));
            case MATH_FABS -> Math.abs(x);
            default -> throw new IllegalArgumentException(name);
        };
        return PackedValue.ofDouble(r);
    }

    private static double log(double x) {
        if (Double.isNaN(x)) return x;
        if (x <= 0) throw domain();
        return Math.log(x);
    }

    private static double pow(double x, double y) {
        if (Double.isNaN(x) || Double.isNaN(y)) return (x == 1.0 || y == 0.0) ? 1.0 : Double.NaN;
        if (Double.isInfinite(x) || Double.isInfinite(y)) {
            return Math.pow(x, y);
        }
        if (x == 0.0 && y < 0) throw domain();
        if (x < 0 && y != Math.rint(y)) throw domain();
        double r = Math.pow(x, y);
        if (Double.isInfinite(r)) throw new PyError("OverflowError", "math range error");
        return r;
    }

    private static double num(Context c, long v) {
        if (Kinds.isNumber(v)) return Kinds.toDouble(v);
        throw new PyError("TypeError", "must be real number, not " + Kinds.typeName(c, v));
    }

    private static PyError domain() {
        return new PyError("ValueError", "math domain error");
    }
}
