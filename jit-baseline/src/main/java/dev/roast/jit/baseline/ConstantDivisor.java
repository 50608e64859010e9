package dev.roast.jit.baseline;

import dev.roast.values.PackedValue;
import java.math.BigInteger;

/**
 * How baseline code divides an inline int (48 bits signed) by a constant {@code d > 0} with Python's floor
 * semantics, without a divide instruction: a power of two by shifts, any other divisor by a multiply with its
 * reciprocal (Granlund and Montgomery 1994; Hacker's Delight, chapter 10). A quotient and remainder by a
 * positive divisor always fit inline, so neither ever needs the slow path.
 */
sealed interface ConstantDivisor {
    /**
     * {@code d = 2^log2}. Floor division is the arithmetic shift right; floor modulo is the low {@code log2} bits
     * of the two's complement, which are non-negative as a floor remainder by a positive divisor must be.
     */
    record PowerOfTwo(int log2) implements ConstantDivisor {}

    /**
     * Any other positive {@code divisor}. Adding {@code offset}, a multiple of the divisor of at least
     * {@code 2^47}, makes every dividend {@code n} non-negative without changing its remainder, and shifts its
     * quotient by {@code offset / divisor}: so the unsigned division that follows, for which truncating is
     * flooring, needs no sign correction. That division is {@code x / d = (x * multiplier) >> (64 + shift)}:
     * the high word of the 128-bit unsigned product, shifted right.
     */
    record Reciprocal(long divisor, long offset, long multiplier, int shift) implements ConstantDivisor {
        /** What the quotient of the biased dividend is more than the quotient of the dividend. */
        public long offsetQuotient() {
            return offset / divisor;
        }
    }

    /**
     * The division by {@code d}, a positive inline int.
     *
     * <p>With {@code l = ceil(log2 d)} (so {@code 2^(l-1) < d < 2^l}) and {@code s = 63 + l}, the multiplier
     * {@code m = ceil(2^s / d)} is below {@code 2^64}, and {@code floor(x m / 2^s) = floor(x / d)} for every
     * {@code x < 2^63}: with {@code e = m d - 2^s < d}, {@code x m / 2^s = x / d + x e / (d 2^s)}, where the
     * second term is below {@code 1/d} (as {@code x e < 2^63 2^l = 2^s}) and {@code x / d} is at least {@code 1/d}
     * below the next integer. Biased dividends are below {@code 2^47 + offset < 2^49}, with room to spare.
     */
    static ConstantDivisor of(long d) {
        if (d < 1 || d > PackedValue.INLINE_MAX) throw new IllegalArgumentException("not a positive inline int: " + d);
        if (Long.bitCount(d) == 1) return new PowerOfTwo(Long.numberOfTrailingZeros(d));
        int l = 64 - Long.numberOfLeadingZeros(d);  // d is not a power of two: 2^(l-1) < d < 2^l
        long offset = Math.ceilDiv(-PackedValue.INLINE_MIN, d) * d;
        BigInteger divisor = BigInteger.valueOf(d);
        long multiplier = BigInteger.ONE.shiftLeft(63 + l).add(divisor).subtract(BigInteger.ONE).divide(divisor).longValue();
        return new Reciprocal(d, offset, multiplier, l - 1);
    }
}
