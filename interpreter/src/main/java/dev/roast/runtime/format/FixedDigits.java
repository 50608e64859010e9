package dev.roast.runtime.format;

/**
 * The fast path of {@link Dtoa}'s rounding modes: exact round-half-even with 64- and 128-bit
 * integer arithmetic when the rounded result fits in a {@code long}. Each method returns
 * {@code null} when it cannot answer, and the caller falls back to {@code BigDecimal}.
 */
final class FixedDigits {
    private static final long[] POW10 = new long[19];
    private static final long NOT_FAST = -1;

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private FixedDigits() {}

    /** Mode 3 for a finite {@code value > 0}, or {@code null}. */
    static DecimalDigits fixed(double value, int decimals) {
        long scaled = roundScaled(value, decimals);
        return scaled == NOT_FAST ? null : DecimalDigits.of(scaled, -decimals);
    }

    /** Mode 2 for a finite {@code value > 0}, or {@code null}. */
    static DecimalDigits significant(double value, int digits) {
        if (digits > 17) {
            return null;
        }
        int decimalPoint = (int) Math.floor(Math.log10(value)) + 1;
        for (int attempt = 0; attempt < 3; attempt++) {
            long scaled = roundScaled(value, digits - decimalPoint);
            if (scaled == NOT_FAST) {
                return null;
            }
            if (scaled > POW10[digits]) {
                decimalPoint++;
            } else if (scaled < POW10[digits - 1]) {
                decimalPoint--;
            } else {
                return DecimalDigits.of(scaled, decimalPoint - digits);
            }
        }
        return null;
    }

    /** round-half-even(value × 10^decimals), or {@link #NOT_FAST}. */
    private static long roundScaled(double value, int decimals) {
        if (decimals < 0) {
            return decimals >= -18 && value < 0x1p63 ? roundDivided(value, POW10[-decimals]) : NOT_FAST;
        }
        if (decimals > 17) {
            return NOT_FAST;
        }
        long bits = Double.doubleToRawLongBits(value);
        int biased = (int) (bits >>> 52) & 0x7ff;
        long mantissa = bits & ((1L << 52) - 1);
        int exponent;
        if (biased == 0) {
            exponent = -1074;
        } else {
            mantissa |= 1L << 52;
            exponent = biased - 1075;
        }
        if (exponent >= 0) {
            if (value >= 0x1p62) {
                return NOT_FAST;
            }
            long integer = mantissa << exponent;
            long high = Math.multiplyHigh(integer, POW10[decimals]);
            long product = integer * POW10[decimals];
            return high == 0 && product >= 0 ? product : NOT_FAST;
        }
        return roundShifted(mantissa, POW10[decimals], -exponent);
    }

    /** round-half-even(value / divisor) for 0 < value < 2^63. */
    private static long roundDivided(double value, long divisor) {
        long integer = (long) value;
        double fraction = value - integer;
        long quotient = integer / divisor;
        long remainder = integer % divisor;
        long half = divisor / 2;
        boolean up = remainder > half
                || remainder == half && (fraction > 0 || (quotient & 1) == 1);
        return up ? quotient + 1 : quotient;
    }

    /** round-half-even(m × p / 2^shift) for m < 2^53, p <= 10^17, shift >= 1. */
    private static long roundShifted(long m, long p, int shift) {
        if (shift >= 128) {
            return 0; // m × p < 2^110, so the quotient is below one half
        }
        long hi = Math.multiplyHigh(m, p);
        long lo = m * p;
        long quotient;
        int vsHalf;
        if (shift < 64) {
            if ((hi >>> shift) != 0) {
                return NOT_FAST;
            }
            quotient = (lo >>> shift) | (shift == 0 ? 0 : hi << (64 - shift));
            long remainder = lo & ((1L << shift) - 1);
            vsHalf = Long.compareUnsigned(remainder, 1L << (shift - 1));
        } else if (shift == 64) {
            quotient = hi;
            vsHalf = Long.compareUnsigned(lo, Long.MIN_VALUE);
        } else {
            quotient = hi >>> (shift - 64);
            long remainderHi = hi & ((1L << (shift - 64)) - 1);
            long halfHi = 1L << (shift - 65);
            vsHalf = remainderHi != halfHi ? Long.compareUnsigned(remainderHi, halfHi) : (lo != 0 ? 1 : 0);
        }
        if (quotient < 0 || quotient == Long.MAX_VALUE) {
            return NOT_FAST;
        }
        boolean up = vsHalf > 0 || vsHalf == 0 && (quotient & 1) == 1;
        return up ? quotient + 1 : quotient;
    }
}
