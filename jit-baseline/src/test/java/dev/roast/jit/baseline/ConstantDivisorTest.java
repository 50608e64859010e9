package dev.roast.jit.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roast.values.PackedValue;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Runs, in Java, the instruction sequences BaselineCompiler.divideByConstant emits for each kind of
 * {@link ConstantDivisor} (on the words, as the machine code does), against Math.floorDiv and Math.floorMod.
 */
class ConstantDivisorTest {
    private static final long MIN = PackedValue.INLINE_MIN, MAX = PackedValue.INLINE_MAX;
    private static final SplittableRandom RANDOM = new SplittableRandom(20260301);

    @Test
    void floorDivisionAndModuloByManyDivisors() {
        for (long d : divisors()) {
            ConstantDivisor c = ConstantDivisor.of(d);
            for (long n : dividends(d)) {
                long word = PackedValue.ofInt(n);
                long q = Math.floorDiv(n, d), r = Math.floorMod(n, d);
                assertEquals(PackedValue.ofInt(q), floorDiv(c, word), () -> n + " // " + d + " by " + c);
                assertEquals(PackedValue.ofInt(r), floorMod(c, word), () -> n + " % " + d + " by " + c);
            }
        }
    }

    @Test
    void powersOfTwoAreShifts() {
        assertEquals(new ConstantDivisor.PowerOfTwo(0), ConstantDivisor.of(1));
        assertEquals(new ConstantDivisor.PowerOfTwo(1), ConstantDivisor.of(2));
        assertEquals(new ConstantDivisor.PowerOfTwo(31), ConstantDivisor.of(1L << 31));
        assertEquals(new ConstantDivisor.PowerOfTwo(46), ConstantDivisor.of(1L << 46));
        assertInstanceOf(ConstantDivisor.Reciprocal.class, ConstantDivisor.of(3));
    }

    /** The bound the proof in {@link ConstantDivisor#of} rests on, checked exactly, with the biased dividends' range. */
    @Test
    void reciprocalErrorIsTooSmallToChangeAQuotient() {
        for (long d : divisors()) {
            if (!(ConstantDivisor.of(d) instanceof ConstantDivisor.Reciprocal c)) continue;
            BigInteger m = new BigInteger(Long.toUnsignedString(c.multiplier()));
            BigInteger twoS = BigInteger.ONE.shiftLeft(64 + c.shift());
            BigInteger e = m.multiply(BigInteger.valueOf(d)).subtract(twoS);
            assertTrue(e.signum() >= 0 && e.compareTo(BigInteger.valueOf(d)) < 0, "m = ceil(2^s / d) for " + d);
            long maxBiased = MAX + c.offset();
            assertTrue(MIN + c.offset() >= 0 && maxBiased < 1L << 49, "biased range for " + d);
            assertTrue(BigInteger.valueOf(maxBiased).multiply(e).compareTo(twoS) < 0, "x e < 2^s for " + d);
            assertEquals(0, c.offset() % d, "offset is a multiple of " + d);
        }
    }

    @Test
    void onlyPositiveInlineDivisors() {
        for (long d : new long[] {0, -1, -7, MIN, MAX + 1, Long.MAX_VALUE}) {
            assertThrows(IllegalArgumentException.class, () -> ConstantDivisor.of(d));
        }
    }

    // ---- the emitted instruction sequences, instruction by instruction ----

    private static long floorDiv(ConstantDivisor c, long word) {
        return switch (c) {
            case ConstantDivisor.PowerOfTwo(int k) -> {
                long rax = word << 16;  // shl rax, 16
                rax >>= 16 + k;         // sar rax, 16 + k
                yield tag(rax);
            }
            case ConstantDivisor.Reciprocal r -> {
                long rdx = quotientOfBiased(r, word);
                rdx -= r.offsetQuotient();  // sub rdx, offset / d
                yield tag(rdx);
            }
        };
    }

    private static long floorMod(ConstantDivisor c, long word) {
        return switch (c) {
            case ConstantDivisor.PowerOfTwo(int k) when k == 0 -> PackedValue.ofInt(0);  // mov rax, word of 0
            case ConstantDivisor.PowerOfTwo(int k) -> {
                long rax = word << (64 - k);  // shl rax, 64 - k
                rax >>>= 64 - k;              // shr rax, 64 - k
                yield rax | PackedValue.INT_TAG_BITS;  // or rax, r14
            }
            case ConstantDivisor.Reciprocal r -> {
                long rcx = biased(r, word);
                long rdx = quotientOfBiased(r, word);
                rdx *= r.divisor();  // imul rdx, d
                rcx -= rdx;          // sub rcx, rdx
                yield rcx | PackedValue.INT_TAG_BITS;  // or rcx, r14
            }
        };
    }

    /** untag rax; mov rcx, offset; add rcx, rax. */
    private static long biased(ConstantDivisor.Reciprocal r, long word) {
        long rax = word << 16 >> 16;
        return r.offset() + rax;
    }

    /** … then mov rax, multiplier; mul rcx; shr rdx, shift. */
    private static long quotientOfBiased(ConstantDivisor.Reciprocal r, long word) {
        long rdx = Math.unsignedMultiplyHigh(r.multiplier(), biased(r, word));
        return rdx >>> r.shift();
    }

    /** shl r, 16; shr r, 16; or r, r14. */
    private static long tag(long r) {
        return r << 16 >>> 16 | PackedValue.INT_TAG_BITS;
    }

    // ---- operands ----

    private static List<Long> divisors() {
        var out = new ArrayList<Long>(List.of(1L, 2L, 3L, 5L, 6L, 7L, 9L, 10L, 11L, 12L, 13L, 25L, 60L, 100L, 127L, 255L,
                641L, 1000L, 1024L, 3600L, 65535L, 65537L, 86400L, 1_000_003L, 1_000_000_007L, (1L << 31) - 1, 1L << 31,
                (1L << 31) + 1, (1L << 32) - 1, (1L << 32) + 1, 6_700_417L, 10_000_000_000L, (1L << 40) + 7, (1L << 46) - 1,
                (1L << 46) + 1, (1L << 47) - 3, MAX - 1, MAX));
        for (int k = 0; k <= 46; k++) out.add(1L << k);
        for (int i = 0; i < 200; i++) out.add(1 + RANDOM.nextLong(1000));
        for (int i = 0; i < 200; i++) out.add(1 + RANDOM.nextLong(MAX));
        for (int i = 0; i < 100; i++) out.add(Math.max(1, (RANDOM.nextLong(MAX) >>> RANDOM.nextInt(47))));
        return out;
    }

    private static List<Long> dividends(long d) {
        var out = new ArrayList<Long>();
        for (long base : new long[] {0, d, 2 * d, 3 * d, MAX / d * d, MIN / d * d, MAX, MIN}) {
            for (long delta = -2; delta <= 2; delta++) {
                for (long n : new long[] {base + delta, -base + delta}) {
                    if (n >= MIN && n <= MAX) out.add(n);
                }
            }
        }
        LongStream.generate(() -> RANDOM.nextLong(MIN, MAX + 1)).limit(300).forEach(out::add);
        LongStream.generate(() -> RANDOM.nextLong(-10 * d, 10 * d + 1)).filter(n -> n >= MIN && n <= MAX).limit(100).forEach(out::add);
        return out;
    }
}
