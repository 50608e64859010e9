package dev.roast.values;

import static dev.roast.values.PackedValue.*;
import static org.junit.jupiter.api.Assertions.*;

import java.math.BigInteger;
import java.util.SplittableRandom;
import java.util.function.BinaryOperator;
import java.util.function.LongBinaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** add/sub/mulExact48: the exact result when it fits inline, else NOT_INLINE, for any 64-bit operands. */
class IntArithmeticTest {
    static final long MAX = INLINE_MAX, MIN = INLINE_MIN;
    static final BigInteger BIG_MIN = BigInteger.valueOf(MIN), BIG_MAX = BigInteger.valueOf(MAX);

    /** The specification, computed independently with unbounded integers. */
    static long expected(BigInteger exact) {
        return exact.compareTo(BIG_MIN) >= 0 && exact.compareTo(BIG_MAX) <= 0 ? exact.longValueExact() : NOT_INLINE;
    }

    static void check(LongBinaryOperator op, BinaryOperator<BigInteger> exact, long a, long b) {
        long want = expected(exact.apply(BigInteger.valueOf(a), BigInteger.valueOf(b)));
        assertEquals(want, op.applyAsLong(a, b), () -> a + ", " + b);
    }

    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource({
        "0, 0, 0",
        "140737488355327, 0, 140737488355327",       // MAX + 0
        "140737488355326, 1, 140737488355327",       // reaches MAX exactly
        "140737488355327, 1, NOT_INLINE",            // MAX + 1
        "-140737488355328, 0, -140737488355328",     // MIN + 0
        "-140737488355327, -1, -140737488355328",    // reaches MIN exactly
        "-140737488355328, -1, NOT_INLINE",          // MIN - 1
        "-140737488355328, 140737488355327, -1",     // MIN + MAX
        "140737488355327, 140737488355327, NOT_INLINE",
        "-140737488355328, -140737488355328, NOT_INLINE",
        "1125899906842624, -1125899906842623, 1",    // two boxed ints whose sum is inline: 2^50 + (1 - 2^50)
        "140737488355328, -1, 140737488355327",      // boxed 2^47 - 1 comes back inline
        "9223372036854775807, 9223372036854775807, NOT_INLINE",   // wraps to -2 in 64 bits: must not look inline
        "-9223372036854775808, -9223372036854775808, NOT_INLINE", // wraps to 0
        "9223372036854775807, -9223372036854775808, -1",          // no overflow, fits
        "9223372036854775807, 1, NOT_INLINE",
    })
    void addBoundaries(long a, long b, String result) {
        assertEquals(parse(result), addExact48(a, b));
        assertEquals(parse(result), addExact48(b, a));
        check(PackedValue::addExact48, BigInteger::add, a, b);
    }

    @ParameterizedTest(name = "{0} - {1} = {2}")
    @CsvSource({
        "0, 0, 0",
        "140737488355327, 0, 140737488355327",
        "140737488355327, -1, NOT_INLINE",           // MAX + 1
        "-140737488355328, 1, NOT_INLINE",           // MIN - 1
        "-140737488355327, 1, -140737488355328",
        "0, -140737488355328, NOT_INLINE",           // -MIN = 2^47
        "0, 140737488355327, -140737488355327",      // -MAX fits
        "-1, 140737488355327, -140737488355328",
        "-140737488355328, -140737488355328, 0",
        "140737488355327, -140737488355328, NOT_INLINE",
        "-9223372036854775808, 9223372036854775807, NOT_INLINE",  // wraps to 1 in 64 bits
        "9223372036854775807, -9223372036854775808, NOT_INLINE",  // wraps to -1
        "-9223372036854775808, -9223372036854775808, 0",
        "9223372036854775807, 9223372036854775806, 1",
    })
    void subBoundaries(long a, long b, String result) {
        assertEquals(parse(result), subExact48(a, b));
        check(PackedValue::subExact48, BigInteger::subtract, a, b);
    }

    @ParameterizedTest(name = "{0} * {1} = {2}")
    @CsvSource({
        "0, 0, 0",
        "0, -9223372036854775808, 0",
        "1, 140737488355327, 140737488355327",
        "1, -140737488355328, -140737488355328",
        "-1, 140737488355327, -140737488355327",
        "-1, -140737488355328, NOT_INLINE",          // -MIN = 2^47
        "16777216, 8388608, NOT_INLINE",             // 2^24 * 2^23 = 2^47
        "16777216, -8388608, -140737488355328",      // -2^47 = MIN exactly
        "11863283, 11863283, 140737483538089",       // near sqrt(2^47), fits
        "11863284, 11863284, NOT_INLINE",            // just beyond
        "4294967296, 4294967296, NOT_INLINE",        // 2^64: wraps to 0 in 64 bits
        "-9223372036854775808, -1, NOT_INLINE",      // wraps to itself
        "4294967297, 4294967295, NOT_INLINE",        // 2^64 - 1: wraps to -1
        "140737488355327, 140737488355327, NOT_INLINE",
        "-140737488355328, -140737488355328, NOT_INLINE",
        "3, -46912496118442, -140737488355326",      // 3 * floor(-2^47 / 3) fits
        "3, -46912496118443, NOT_INLINE",            // one step further is MIN - 1
        "3, 46912496118443, NOT_INLINE",             // MAX + 2
    })
    void mulBoundaries(long a, long b, String result) {
        check(PackedValue::mulExact48, BigInteger::multiply, a, b);
        check(PackedValue::mulExact48, BigInteger::multiply, b, a);
        assertEquals(parse(result), mulExact48(a, b));
        assertEquals(parse(result), mulExact48(b, a));
    }

    static long parse(String s) { return s.equals("NOT_INLINE") ? NOT_INLINE : Long.parseLong(s); }

    /** Random operands of every size, against the BigInteger specification. */
    @Test
    void randomOperandsAgreeWithUnboundedArithmetic() {
        SplittableRandom rnd = new SplittableRandom(20_250_101);
        for (int n = 0; n < 300_000; n++) {
            long a = operand(rnd), b = operand(rnd);
            check(PackedValue::addExact48, BigInteger::add, a, b);
            check(PackedValue::subExact48, BigInteger::subtract, a, b);
            check(PackedValue::mulExact48, BigInteger::multiply, a, b);
        }
    }

    static long operand(SplittableRandom rnd) {
        return switch (rnd.nextInt(6)) {
            case 0 -> rnd.nextLong();                                  // any 64-bit (a boxed int)
            case 1 -> rnd.nextLong(MIN, MAX + 1);                      // any inline int
            case 2 -> (rnd.nextBoolean() ? MAX : MIN) + rnd.nextLong(-3, 4);  // at the inline edges
            case 3 -> rnd.nextLong(-100, 101);                         // small
            case 4 -> rnd.nextLong(-(1L << 24), 1L << 24);             // products land near the edges
            default -> (rnd.nextBoolean() ? Long.MAX_VALUE : Long.MIN_VALUE) - rnd.nextLong(-3, 4);  // 64-bit edges
        };
    }

    /**
     * The machine-code recipe of the README, modelled in Java: shift both encoded words left 16 (the
     * tag falls out), add with the overflow flag (jo), shift the result right 16 and OR the tag.
     */
    @Test
    void documentedMachineCodeRecipesAgree() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int n = 0; n < 200_000; n++) {
            long a = rnd.nextInt(3) == 0 ? rnd.nextLong(-(1L << 24), 1L << 24) : rnd.nextLong(MIN, MAX + 1);
            long b = rnd.nextInt(3) == 0 ? rnd.nextLong(-(1L << 24), 1L << 24) : rnd.nextLong(MIN, MAX + 1);
            long va = ofInt(a), vb = ofInt(b);
            long x = va << 16, y = vb << 16;

            long sum = x + y;
            boolean addOverflow = ((x ^ sum) & (y ^ sum)) < 0;            // x86 OF after add
            assertEquals(addOverflow, addExact48(a, b) == NOT_INLINE);
            if (!addOverflow) assertEquals(ofInt(a + b), (sum >>> 16) | INT_TAG_BITS);

            long diff = x - y;
            boolean subOverflow = ((x ^ y) & (x ^ diff)) < 0;             // x86 OF after sub
            assertEquals(subOverflow, subExact48(a, b) == NOT_INLINE);
            if (!subOverflow) assertEquals(ofInt(a - b), (diff >>> 16) | INT_TAG_BITS);

            long pb = (vb << 16) >> 16;                                   // one operand decoded
            long prod = x * pb;
            boolean mulOverflow = Math.multiplyHigh(x, pb) != (prod >> 63);  // x86 OF after imul
            assertEquals(mulOverflow, mulExact48(a, b) == NOT_INLINE);
            if (!mulOverflow) assertEquals(ofInt(a * b), (prod >>> 16) | INT_TAG_BITS);
        }
    }
}
