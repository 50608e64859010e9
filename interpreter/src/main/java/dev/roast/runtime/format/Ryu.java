package dev.roast.runtime.format;

import java.math.BigInteger;

/**
 * Shortest round-tripping decimal digits of a double: Ulf Adams' Ryū algorithm (PLDI 2018),
 * with its 128-bit tables of powers of five computed once at class initialisation.
 *
 * <p>Among the shortest digit strings that read back as the same double, Ryū picks the one
 * nearest the exact binary value and breaks an exact tie towards an even last digit; that is
 * what David Gay's {@code dtoa} mode 0 (CPython's {@code repr}) produces.
 */
final class Ryu {
    private static final int MANTISSA_BITS = 52;
    private static final int EXPONENT_BIAS = 1023;
    private static final int POW5_INV_BITCOUNT = 125;
    private static final int POW5_BITCOUNT = 125;
    private static final int POW5_INV_TABLE_SIZE = 342;
    private static final int POW5_TABLE_SIZE = 326;

    /** 5^i scaled to exactly 125 bits (truncated), as high and low words. */
    private static final long[] POW5_HI = new long[POW5_TABLE_SIZE];
    private static final long[] POW5_LO = new long[POW5_TABLE_SIZE];
    /** floor(2^(bitlength(5^i) - 1 + 125) / 5^i) + 1, as high and low words. */
    private static final long[] POW5_INV_HI = new long[POW5_INV_TABLE_SIZE];
    private static final long[] POW5_INV_LO = new long[POW5_INV_TABLE_SIZE];

    static {
        BigInteger pow = BigInteger.ONE;
        BigInteger five = BigInteger.valueOf(5);
        for (int i = 0; i < POW5_INV_TABLE_SIZE; i++) {
            int bits = pow.bitLength();
            if (i < POW5_TABLE_SIZE) {
                BigInteger scaled = pow.shiftRight(bits - POW5_BITCOUNT);
                POW5_HI[i] = scaled.shiftRight(64).longValue();
                POW5_LO[i] = scaled.longValue();
            }
            BigInteger inverse = BigInteger.ONE.shiftLeft(bits - 1 + POW5_INV_BITCOUNT).divide(pow).add(BigInteger.ONE);
            POW5_INV_HI[i] = inverse.shiftRight(64).longValue();
            POW5_INV_LO[i] = inverse.longValue();
            pow = pow.multiply(five);
        }
    }

    private Ryu() {}

    /** The shortest digits of a finite, strictly positive double. */
    static DecimalDigits shortest(double value) {
        long bits = Double.doubleToRawLongBits(value);
        long ieeeMantissa = bits & ((1L << MANTISSA_BITS) - 1);
        int ieeeExponent = (int) (bits >>> MANTISSA_BITS) & 0x7ff;
        int e2;
        long m2;
        if (ieeeExponent == 0) {
            e2 = 1 - EXPONENT_BIAS - MANTISSA_BITS - 2;
            m2 = ieeeMantissa;
        } else {
            e2 = ieeeExponent - EXPONENT_BIAS - MANTISSA_BITS - 2;
            m2 = (1L << MANTISSA_BITS) | ieeeMantissa;
        }
        boolean acceptBounds = (m2 & 1) == 0;

        // The interval of decimal values that read back as this double is [mm, mp] around mv,
        // all scaled by 4 so that the half-way points are integers.
        long mv = 4 * m2;
        int mmShift = ieeeMantissa != 0 || ieeeExponent <= 1 ? 1 : 0;

        long vr;
        long vp;
        long vm;
        int e10;
        boolean vmIsTrailingZeros = false;
        boolean vrIsTrailingZeros = false;
        if (e2 >= 0) {
            int q = log10Pow2(e2) - (e2 > 3 ? 1 : 0);
            e10 = q;
            int k = POW5_INV_BITCOUNT + pow5bits(q) - 1;
            int j = -e2 + q + k;
            vr = mulShift(mv, POW5_INV_HI[q], POW5_INV_LO[q], j);
            vp = mulShift(mv + 2, POW5_INV_HI[q], POW5_INV_LO[q], j);
            vm = mulShift(mv - 1 - mmShift, POW5_INV_HI[q], POW5_INV_LO[q], j);
            if (q <= 21) {
                // Only one of mp, mv and mm can be a multiple of 5, if any.
                if (mv % 5 == 0) {
                    vrIsTrailingZeros = multipleOfPowerOf5(mv, q);
                } else if (acceptBounds) {
                    vmIsTrailingZeros = multipleOfPowerOf5(mv - 1 - mmShift, q);
                } else if (multipleOfPowerOf5(mv + 2, q)) {
                    vp--;
                }
            }
        } else {
            int q = log10Pow5(-e2) - (-e2 > 1 ? 1 : 0);
            e10 = q + e2;
            int i = -e2 - q;
            int k = pow5bits(i) - POW5_BITCOUNT;
            int j = q - k;
            vr = mulShift(mv, POW5_HI[i], POW5_LO[i], j);
            vp = mulShift(mv + 2, POW5_HI[i], POW5_LO[i], j);
            vm = mulShift(mv - 1 - mmShift, POW5_HI[i], POW5_LO[i], j);
            if (q <= 1) {
                // mv has at least q trailing zero bits: {vr, vp, vm} are all exact.
                vrIsTrailingZeros = true;
                if (acceptBounds) {
                    vmIsTrailingZeros = mmShift == 1;
                } else {
                    vp--;
                }
            } else if (q < 63) {
                vrIsTrailingZeros = multipleOfPowerOf2(mv, q);
            }
        }

        int removed = 0;
        int lastRemovedDigit = 0;
        long output;
        if (vmIsTrailingZeros || vrIsTrailingZeros) {
            // The general case: the exact bounds matter.
            while (true) {
                long vpDiv10 = div10(vp);
                long vmDiv10 = div10(vm);
                if (Long.compareUnsigned(vpDiv10, vmDiv10) <= 0) {
                    break;
                }
                int vmMod10 = (int) (vm - 10 * vmDiv10);
                long vrDiv10 = div10(vr);
                int vrMod10 = (int) (vr - 10 * vrDiv10);
                vmIsTrailingZeros &= vmMod10 == 0;
                vrIsTrailingZeros &= lastRemovedDigit == 0;
                lastRemovedDigit = vrMod10;
                vr = vrDiv10;
                vp = vpDiv10;
                vm = vmDiv10;
                removed++;
            }
            if (vmIsTrailingZeros) {
                while (true) {
                    long vmDiv10 = vm / 10;
                    int vmMod10 = (int) (vm - 10 * vmDiv10);
                    if (vmMod10 != 0) {
                        break;
                    }
                    long vpDiv10 = vp / 10;
                    long vrDiv10 = vr / 10;
                    int vrMod10 = (int) (vr - 10 * vrDiv10);
                    vrIsTrailingZeros &= lastRemovedDigit == 0;
                    lastRemovedDigit = vrMod10;
                    vr = vrDiv10;
                    vp = vpDiv10;
                    vm = vmDiv10;
                    removed++;
                }
            }
            if (vrIsTrailingZeros && lastRemovedDigit == 5 && vr % 2 == 0) {
                // The exact value ends in ...50..0: round half to even.
                lastRemovedDigit = 4;
            }
            boolean roundUp = (vr == vm && (!acceptBounds || !vmIsTrailingZeros)) || lastRemovedDigit >= 5;
            output = vr + (roundUp ? 1 : 0);
        } else {
            // The common case: the bounds are not exact, so they are never included.
            boolean roundUp = false;
            while (true) {
                long vpDiv10 = div10(vp);
                long vmDiv10 = div10(vm);
                if (Long.compareUnsigned(vpDiv10, vmDiv10) <= 0) {
                    break;
                }
                long vrDiv10 = div10(vr);
                int vrMod10 = (int) (vr - 10 * vrDiv10);
                roundUp = vrMod10 >= 5;
                vr = vrDiv10;
                vp = vpDiv10;
                vm = vmDiv10;
                removed++;
            }
            output = vr + (vr == vm || roundUp ? 1 : 0);
        }
        return DecimalDigits.of(output, e10 + removed);
    }

    /** Unsigned division by 10; the operands only reach 2^63 before the first digit is removed. */
    private static long div10(long x) {
        return x >= 0 ? x / 10 : Long.divideUnsigned(x, 10);
    }

    /** (m × (hi·2^64 + lo)) >> j, for 64 < j < 128 and m < 2^58. */
    private static long mulShift(long m, long hi, long lo, int j) {
        long high1 = Math.unsignedMultiplyHigh(m, hi);
        long low1 = m * hi;
        long high0 = Math.unsignedMultiplyHigh(m, lo);
        long sum = high0 + low1;
        if (Long.compareUnsigned(sum, high0) < 0) {
            high1++;
        }
        int dist = j - 64;
        return (high1 << (64 - dist)) | (sum >>> dist);
    }

    /** The bit length of 5^e, for 0 <= e <= 3528. */
    private static int pow5bits(int e) {
        return (int) ((e * 1217359L) >>> 19) + 1;
    }

    /** floor(log10(2^e)), for 0 <= e <= 1650. */
    private static int log10Pow2(int e) {
        return (int) ((e * 78913L) >>> 18);
    }

    /** floor(log10(5^e)), for 0 <= e <= 2620. */
    private static int log10Pow5(int e) {
        return (int) ((e * 732923L) >>> 20);
    }

    private static boolean multipleOfPowerOf5(long value, int p) {
        int count = 0;
        while (value > 0 && value % 5 == 0) {
            value /= 5;
            count++;
        }
        return count >= p;
    }

    private static boolean multipleOfPowerOf2(long value, int p) {
        return (value & ((1L << p) - 1)) == 0;
    }
}
