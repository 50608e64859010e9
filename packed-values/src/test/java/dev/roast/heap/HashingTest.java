package dev.roast.heap;

import static dev.roast.values.PackedValue.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** CPython's numeric hash, reproduced exactly (values from CPython 3.11), and key equality. */
class HashingTest {

    @Test
    void intHashesAreCPythons() {
        long[][] cases = {
            {0, 0}, {1, 1}, {-1, -2}, {-2, -2}, {2305843009213693950L, 2305843009213693950L},
            {2305843009213693951L, 0}, {2305843009213693952L, 1}, {-2305843009213693952L, -2},
            {Long.MAX_VALUE, 3}, {Long.MIN_VALUE, -4}, {140737488355328L, 140737488355328L},
            {-140737488355329L, -140737488355329L}, {123456789012345678L, 123456789012345678L},
        };
        for (long[] c : cases) assertEquals(c[1], Hashing.hashInt(c[0]), "hash(" + c[0] + ")");
    }

    @Test
    void floatHashesAreCPythons() {
        Object[][] cases = {
            {1.5, 1152921504606846977L}, {0.1, 230584300921369408L}, {-0.1, -230584300921369408L},
            {1e100, 1822893315824342674L}, {-1e-300, -482449582752280463L}, {5e-324, 16777216L},
            {0x1p60, 1152921504606846976L}, {1e18, 1000000000000000000L}, {3.141592653589793, 326490430436040707L},
            {-2.5, -1152921504606846978L}, {1e308, 156575653125701L}, {123456789.123, 283618680910892309L},
            {2.305843009213694e18, 1L}, {9.223372036854776e18, 4L}, {-1.0, -2L}, {0.0, 0L}, {-0.0, 0L},
            {Double.POSITIVE_INFINITY, 314159L}, {Double.NEGATIVE_INFINITY, -314159L},
        };
        for (Object[] c : cases) assertEquals((long) c[1], Hashing.hashDouble((double) c[0]), "hash(" + c[0] + ")");
    }

    @Test
    void equalNumbersHashAlike() {
        SplittableRandom rnd = new SplittableRandom(1);
        for (int i = 0; i < 100_000; i++) {
            long n = switch (i % 3) {
                case 0 -> rnd.nextLong(-1_000_000, 1_000_000);
                case 1 -> rnd.nextLong() >> rnd.nextInt(64);
                default -> (long) (double) (rnd.nextLong() >> rnd.nextInt(64));  // exactly representable
            };
            double d = n;
            if ((long) d == n && d != 0x1p63) {
                assertEquals(Hashing.hashInt(n), Hashing.hashDouble(d), "hash(" + n + ") vs hash(" + d + ")");
            }
        }
    }

    @Test
    void keyEquality() {
        assertTrue(Hashing.equal(ofInt(1), ofDouble(1.0)));
        assertTrue(Hashing.equal(ofDouble(0.0), ofDouble(-0.0)));
        assertFalse(Hashing.equal(TRUE, ofInt(1)));
        assertFalse(Hashing.equal(FALSE, ofInt(0)));
        assertFalse(Hashing.equal(ofInt(1), TRUE));
        assertFalse(Hashing.equal(FALSE, ofDouble(0.0)));
        assertFalse(Hashing.equal(NONE, FALSE));
        assertTrue(Hashing.equal(CANONICAL_NAN, CANONICAL_NAN));
        assertTrue(Hashing.intEqualsDouble(Long.MIN_VALUE, -0x1p63));
        assertFalse(Hashing.intEqualsDouble(Long.MAX_VALUE, 0x1p63));
        assertFalse(Hashing.intEqualsDouble((1L << 53) + 1, 0x1p53));
        assertFalse(Hashing.intEqualsDouble(1, 1.5));
        assertEquals(1, Hashing.hash(TRUE));
        assertEquals(0, Hashing.hash(FALSE));
        assertEquals(Hashing.NONE_HASH, Hashing.hash(NONE));
        assertThrows(IllegalArgumentException.class, () -> Hashing.hash(UNBOUND));
    }
}
