package dev.roast.interpreter.arith;

import dev.roast.interpreter.PyError;

/** Python's float operators where they differ from Java's: `//`, `%`, `**` and division by zero (CPython's floatobject.c). */
public final class FloatArith {
    private FloatArith() {}

    public static double div(double a, double b) {
        if (b == 0.0) throw new PyError("ZeroDivisionError", "float division by zero");
        return a / b;
    }

    /** `a % b`: the result has the sign of b (CPython's float_divmod). */
    public static double mod(double a, double b) {
        if (b == 0.0) throw new PyError("ZeroDivisionError", "float modulo");
        double m = a % b; // C fmod
        if (m != 0.0) {
            if ((b < 0) != (m < 0)) m += b;
        } else {
            m = Math.copySign(0.0, b);
        }
        return m;
    }

    /** `a // b`, computed from the same fmod as `%` so that `a == (a // b) * b + a % b` holds as in CPython. */
    public static double floorDiv(double a, double b) {
        if (b == 0.0) throw new PyError("ZeroDivisionError", "float floor division by zero");
        double m = a % b;
        double div = (a - m) / b;
        if (m != 0.0 && (b < 0) != (m < 0)) div -= 1.0;
        if (div != 0.0) {
            double floor = Math.floor(div);
            if (div - floor > 0.5) floor += 1.0;
            return floor;
        }
        return Math.copySign(0.0, a / b);
    }

    /** `a ** b` with CPython's special cases and errors. */
    public static double pow(double a, double b) {
        if (b == 0.0) return 1.0;
        if (a == 1.0) return 1.0;
        if (Double.isNaN(a) || Double.isNaN(b)) return Double.NaN;
        if (a == 0.0 && b < 0.0) throw new PyError("ZeroDivisionError", "0.0 cannot be raised to a negative power");
        if (a < 0.0 && Double.isFinite(a) && Double.isFinite(b) && b != Math.rint(b)) {
            // CPython would return a complex number; Roast has none.
            throw new PyError("ValueError", "negative number cannot be raised to a fractional power");
        }
        double r = Math.pow(a, b);
        if (Double.isInfinite(r) && Double.isFinite(a) && Double.isFinite(b)) {
            throw new PyError("OverflowError", "(34, 'Numerical result out of range')");
        }
        return r;
    }
}
