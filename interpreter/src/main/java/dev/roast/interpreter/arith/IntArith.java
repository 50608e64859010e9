package dev.roast.interpreter.arith;

import dev.roast.interpreter.PyError;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Python's int operators on Roast's 64-bit ints (spec §4, §13): floor
 * division and modulo round toward negative infinity, `/` is correctly
 * rounded true division, and any exact result that does not fit in 64 bits
 * raises OverflowError("integer overflow"). Messages are CPython 3.12's.
 */
public final class IntArith {
    private IntArith() {}

    public static long add(long a, long b) {
        long r = a + b;
        if (((a ^ r) & (b ^ r)) < 0) throw PyError.overflow();
        return r;
    }

    public static long sub(long a, long b) {
        long r = a - b;
        if (((a ^ b) & (a ^ r)) < 0) throw PyError.overflow();
        return r;
    }

    public static long mul(long a, long b) {
        long hi = Math.multiplyHigh(a, b), lo = a * b;
        if ((hi != 0 || lo < 0) && (hi != -1 || lo >= 0)) throw PyError.overflow();
        return lo;
    }

    public static long neg(long a) {
        if (a == Long.MIN_VALUE) throw PyError.overflow();
        return -a;
    }

    public static long floorDiv(long a, long b) {
        if (b == 0) throw new PyError("ZeroDivisionError", "integer division or modulo by zero");
        if (a == Long.MIN_VALUE && b == -1) throw PyError.overflow();
        return Math.floorDiv(a, b);
    }

    public static long mod(long a, long b) {
        if (b == 0) throw new PyError("ZeroDivisionError", "integer modulo by zero");
        return Math.floorMod(a, b);
    }

    /** `a / b`: the double nearest the exact quotient, as CPython computes it. */
    public static double trueDiv(long a, long b) {
        if (b == 0) throw new PyError("ZeroDivisionError", "division by zero");
        final long exact = 1L << 53;
        if (Math.abs(a) <= exact && Math.abs(b) <= exact && a != Long.MIN_VALUE && b != Long.MIN_VALUE) {
            return (double) a / (double) b; // both exact as doubles: one correctly rounded division
        }
        return new BigDecimal(a).divide(new BigDecimal(b), new MathContext(60)).doubleValue();
    }

    /** `a ** b` for b >= 0 (a negative exponent known only at run time is a ValueError in Roast, spec §13 item 7). */
    public static long pow(long a, long b) {
        if (b < 0) {
            throw new PyError("ValueError", "negative exponent " + b + " for an int power (Roast keeps int ** int an int; use a float base)");
        }
        long result = 1, base = a;
        long e = b;
        while (e > 0) {
            if ((e & 1) != 0) result = mul(result, base);
            e >>= 1;
            if (e > 0) base = mul(base, base);
        }
        return result;
    }

    public static long shiftLeft(long a, long count) {
        if (count < 0) throw new PyError("ValueError", "negative shift count");
        if (a == 0) return 0;
        if (count >= 63) throw PyError.overflow();
        long r = a << count;
        if ((r >> count) != a) throw PyError.overflow();
        return r;
    }

    public static long shiftRight(long a, long count) {
        if (count < 0) throw new PyError("ValueError", "negative shift count");
        return count >= 64 ? (a < 0 ? -1 : 0) : a >> count;
    }

    public static long abs(long a) {
        if (a == Long.MIN_VALUE) throw PyError.overflow();
        return Math.abs(a);
    }
}
