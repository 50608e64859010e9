package dev.roast.values;

import static dev.roast.values.PackedValue.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.roast.values.PackedValue.Kind;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Doubles are stored as their own bits; every NaN becomes the one canonical NaN. */
class DoubleTest {

    @ParameterizedTest
    @ValueSource(doubles = {
        0.0, -0.0, 1.0, -1.0, 0.5, 1.5, -2.75, Math.PI, 1e308, -1e308, 1e-300,
        Double.MIN_VALUE, -Double.MIN_VALUE,          // smallest subnormal
        Double.MIN_NORMAL, -Double.MIN_NORMAL,        // smallest normal
        0x0.8p-1022, 0x0.fffffffffffffp-1022,         // subnormals: the middle and the largest
        -0x0.fffffffffffffp-1022,
        Double.MAX_VALUE, -Double.MAX_VALUE,          // the largest finite
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        9007199254740992.0, 140737488355328.0})       // 2^53, 2^47: doubles that look like ints stay doubles
    void nonNanDoublesAreStoredAsTheirOwnBits(double d) {
        long v = ofDouble(d);
        assertEquals(Double.doubleToRawLongBits(d), v);
        assertEquals(Kind.DOUBLE, kind(v));
        assertTrue(isDouble(v));
        assertFalse(isInt(v) || isPointer(v) || isBool(v) || isNone(v));
        assertTrue(isCanonical(v));
        assertEquals(Double.doubleToRawLongBits(d), Double.doubleToRawLongBits(asDouble(v)));
    }

    @Test
    void negativeZeroStaysDistinctFromZero() {
        assertNotEquals(ofDouble(0.0), ofDouble(-0.0));
        assertEquals(0L, ofDouble(0.0));
        assertEquals(Long.MIN_VALUE, ofDouble(-0.0));
        assertEquals(1 / -0.0, 1 / asDouble(ofDouble(-0.0)));  // -Infinity: the sign survived
        assertEquals(1 / 0.0, 1 / asDouble(ofDouble(0.0)));
    }

    static LongStream nanBits() {
        return LongStream.of(
                0x7FF8_0000_0000_0000L, 0x7FF8_0000_0000_0001L, 0x7FF0_0000_0000_0001L,  // quiet, quiet+payload, signalling
                0x7FF4_0000_0000_0000L, 0x7FFF_FFFF_FFFF_FFFFL, 0x7FFA_BCDE_F012_3456L,
                0xFFF8_0000_0000_0000L, 0xFFF0_0000_0000_0001L, 0xFFF4_0000_0000_0000L,  // the same, negative
                0xFFFB_FFFF_FFFF_FFFFL,
                // NaNs whose raw bits are exactly tagged words: must never leak into the tag space
                0xFFFC_0000_0000_0000L, 0xFFFC_0000_0000_002AL, 0xFFFD_0000_0000_1000L,
                0xFFFE_0000_0000_0000L, 0xFFFE_0000_0000_0001L, 0xFFFF_FFFF_FFFF_FFFFL,
                0xFFFF_0000_0000_0000L, 0xFFFC_FFFF_FFFF_FFFFL);
    }

    @ParameterizedTest
    @MethodSource("nanBits")
    void everyNanCanonicalises(long bits) {
        double nan = Double.longBitsToDouble(bits);
        assertTrue(Double.isNaN(nan));
        long v = ofDouble(nan);
        assertEquals(CANONICAL_NAN, v);
        assertEquals(Kind.DOUBLE, kind(v));
        assertTrue(isCanonical(v));
        assertTrue(Double.isNaN(asDouble(v)));
    }

    @Test
    void everyNanPayloadOfEverySignCanonicalises() {
        // Walk the whole 52-bit payload range of both signs in large steps, plus each single-bit payload.
        for (long sign : new long[] {0, Long.MIN_VALUE}) {
            for (long payload = 1; payload <= 0x000F_FFFF_FFFF_FFFFL; payload += 0x0000_0123_4567_89ABL) {
                assertEquals(CANONICAL_NAN, ofDouble(Double.longBitsToDouble(sign | 0x7FF0_0000_0000_0000L | payload)));
            }
            for (int bit = 0; bit < 52; bit++) {
                assertEquals(CANONICAL_NAN, ofDouble(Double.longBitsToDouble(sign | 0x7FF0_0000_0000_0000L | 1L << bit)));
            }
        }
        assertEquals(CANONICAL_NAN, ofDouble(0.0 / 0.0));
        assertEquals(CANONICAL_NAN, ofDouble(Double.POSITIVE_INFINITY - Double.POSITIVE_INFINITY));
        assertEquals(CANONICAL_NAN, ofDouble(Math.sqrt(-1)));
        assertEquals(CANONICAL_NAN, ofDouble(-Double.NaN));
    }

    @Test
    void nonCanonicalNanWordsAreDoublesThatDecodeToNan() {
        for (long bits : nanBits().toArray()) {
            if (Long.compareUnsigned(bits, DOUBLE_LIMIT) >= 0 || bits == CANONICAL_NAN) continue;
            assertEquals(Kind.DOUBLE, kind(bits));
            assertFalse(isCanonical(bits), Long.toHexString(bits));
            assertTrue(Double.isNaN(asDouble(bits)));
        }
        assertTrue(isCanonical(CANONICAL_NAN));
    }

    @Test
    void infinitiesAreCanonicalNotNan() {
        assertTrue(isCanonical(ofDouble(Double.POSITIVE_INFINITY)));
        assertTrue(isCanonical(ofDouble(Double.NEGATIVE_INFINITY)));
        assertNotEquals(CANONICAL_NAN, ofDouble(Double.POSITIVE_INFINITY));
        assertEquals(Double.NEGATIVE_INFINITY, asDouble(ofDouble(Double.NEGATIVE_INFINITY)));
    }
}
