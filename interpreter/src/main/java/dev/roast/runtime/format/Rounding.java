package dev.roast.runtime.format;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Python's {@code round()} for floats and ints, and the float-to-int conversions
 * ({@code int(x)}, {@code math.floor}, {@code math.ceil}), with CPython 3.12's results and
 * errors; an int result outside 64 bits is Roast's {@code OverflowError: integer overflow}.
 */
public final class Rounding {
    /** Above this many digits, round(x, n) is x itself (CPython's NDIGITS_MAX). */
    private static final int NDIGITS_MAX = 323;
    /** Below this many digits, round(x, n) is a signed zero (CPython's NDIGITS_MIN). */
    private static final int NDIGITS_MIN = -308;
    private static final long[] POW10 = new long[19];
    private static final double[] POWERS_OF_TEN = new double[23];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = Double.parseDouble("1e" + i);
        }
    }

    private Rounding() {}

    /** {@code round(x)}: the nearest int, ties to even. */
    public static long round(double x) {
        return toLong(Math.rint(x));
    }

    /** {@code round(x, ndigits)}: x correctly rounded (ties to even) to {@code ndigits} decimal places. */
    public static double round(double x, long ndigits) {
        if (!Double.isFinite(x) || ndigits > NDIGITS_MAX) {
            return x;
        }
        if (ndigits < NDIGITS_MIN || x == 0) {
            return Math.copySign(0.0, x);
        }
        DecimalDigits digits = Dtoa.fixed(Math.abs(x), (int) ndigits);
        double rounded = toDouble(digits);
        if (Double.isInfinite(rounded)) {
            throw FormatException.overflowError("rounded value too large to represent");
        }
        return Math.copySign(rounded, x);
    }

    /** {@code round(x, ndigits)} for an int: to the nearest multiple of 10^-ndigits, ties to even. */
    public static long round(long x, long ndigits) {
        if (ndigits >= 0) {
            return x;
        }
        if (ndigits < -18) {
            return roundToHugePower(x, ndigits);
        }
        long unit = POW10[(int) -ndigits];
        long quotient = Math.floorDiv(x, unit);
        long remainder = Math.floorMod(x, unit);
        if (2 * remainder > unit || 2 * remainder == unit && (quotient & 1) == 1) {
            remainder -= unit;
        }
        long result = x - remainder;
        if (((x ^ result) & (x ^ remainder)) < 0) {
            throw FormatException.integerOverflow();
        }
        return result;
    }

    /** {@code int(x)}: x truncated towards zero. */
    public static long truncate(double x) {
        return toLong(x < 0 ? Math.ceil(x) : Math.floor(x));
    }

    /** {@code math.floor(x)}. */
    public static long floor(double x) {
        return toLong(Math.floor(x));
    }

    /** {@code math.ceil(x)}. */
    public static long ceil(double x) {
        return toLong(Math.ceil(x));
    }

    /** An integral double as a long, with CPython's errors for nan and infinities. */
    private static long toLong(double integral) {
        if (Double.isNaN(integral)) {
            throw FormatException.valueError("cannot convert float NaN to integer");
        }
        if (Double.isInfinite(integral)) {
            throw FormatException.overflowError("cannot convert float infinity to integer");
        }
        if (integral < -0x1p63 || integral >= 0x1p63) {
            throw FormatException.integerOverflow();
        }
        return (long) integral;
    }

    private static double toDouble(DecimalDigits digits) {
        if (digits.isZero()) {
            return 0.0;
        }
        int exponent = digits.decimalPoint() - digits.digits().length();
        if (digits.digits().length() <= 15 && Math.abs(exponent) <= 22) {
            // Both operands are exact doubles, so one correctly rounded operation is exact rounding.
            double significand = Long.parseLong(digits.digits());
            return exponent < 0 ? significand / POWERS_OF_TEN[-exponent] : significand * POWERS_OF_TEN[exponent];
        }
        return new BigDecimal(new BigInteger(digits.digits()), -exponent).doubleValue();
    }

    /** round(x, ndigits) for 10^-ndigits beyond a long: 0, or an overflow when |x| rounds up to 10^19. */
    private static long roundToHugePower(long x, long ndigits) {
        boolean roundsUp = ndigits == -19 && (x > 5_000_000_000_000_000_000L || x < -5_000_000_000_000_000_000L);
        if (roundsUp) {
            throw FormatException.integerOverflow();
        }
        return 0;
    }
}
