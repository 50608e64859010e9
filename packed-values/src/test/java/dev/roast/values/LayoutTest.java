package dev.roast.values;

import static dev.roast.values.PackedValue.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.roast.values.PackedValue.Kind;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Pins the documented bit layout (machine code depends on these exact bits) and the tag partition. */
class LayoutTest {

    @Test
    void constantsAreTheDocumentedBits() {
        assertEquals(48, TAG_SHIFT);
        assertEquals(0x0000_FFFF_FFFF_FFFFL, PAYLOAD_MASK);
        assertEquals(0xFFFC, INT_TAG);
        assertEquals(0xFFFD, POINTER_TAG);
        assertEquals(0xFFFE, BOOL_TAG);
        assertEquals(0xFFFF, NONE_TAG);
        assertEquals(0xFFFC_0000_0000_0000L, DOUBLE_LIMIT);
        assertEquals((long) INT_TAG << TAG_SHIFT, INT_TAG_BITS);
        assertEquals((long) POINTER_TAG << TAG_SHIFT, POINTER_TAG_BITS);
        assertEquals(0x7FF8_0000_0000_0000L, CANONICAL_NAN);
        assertEquals(0xFFFE_0000_0000_0000L, FALSE);
        assertEquals(0xFFFE_0000_0000_0001L, TRUE);
        assertEquals(-1L, NONE);
        assertEquals(-140_737_488_355_328L, INLINE_MIN);
        assertEquals(140_737_488_355_327L, INLINE_MAX);
        assertEquals(Long.MIN_VALUE, NOT_INLINE);
    }

    @Test
    void encodedWordsAreTheDocumentedBits() {
        assertEquals(0xFFFC_0000_0000_0000L, ofInt(0));
        assertEquals(0xFFFC_0000_0000_0001L, ofInt(1));
        assertEquals(0xFFFC_FFFF_FFFF_FFFFL, ofInt(-1));
        assertEquals(0xFFFC_7FFF_FFFF_FFFFL, ofInt(INLINE_MAX));
        assertEquals(0xFFFC_8000_0000_0000L, ofInt(INLINE_MIN));
        assertEquals(0xFFFD_0000_0000_0001L, ofPointer(1));
        assertEquals(0xFFFD_7F12_3456_7890L, ofPointer(0x7F12_3456_7890L));
        assertEquals(0xFFFD_FFFF_FFFF_FFFFL, ofPointer(PAYLOAD_MASK));
        assertEquals(0x3FF0_0000_0000_0000L, ofDouble(1.0));
        assertEquals(0x0000_0000_0000_0000L, ofDouble(0.0));
        assertEquals(0x8000_0000_0000_0000L, ofDouble(-0.0));
        assertEquals(0x7FF0_0000_0000_0000L, ofDouble(Double.POSITIVE_INFINITY));
        assertEquals(0xFFF0_0000_0000_0000L, ofDouble(Double.NEGATIVE_INFINITY));
        assertEquals(0x7FF8_0000_0000_0000L, ofDouble(Double.NaN));
        assertEquals(FALSE, ofBool(false));
        assertEquals(TRUE, ofBool(true));
    }

    /** Every one of the 65,536 tags, with payloads at both ends and in between, has the documented kind. */
    @Test
    void everyTagHasTheDocumentedKind() {
        long[] payloads = {0, 1, 2, 0x7FFF_FFFF_FFFFL, 0x8000_0000_0000L, PAYLOAD_MASK - 1, PAYLOAD_MASK, 0x1234_5678_9ABCL};
        Kind[] tagged = {Kind.INT, Kind.POINTER, Kind.BOOL, Kind.NONE};
        for (int tag = 0; tag <= 0xFFFF; tag++) {
            Kind expected = tag < 0xFFFC ? Kind.DOUBLE : tagged[tag - 0xFFFC];
            for (long p : payloads) {
                long v = ((long) tag << 48) | p;
                assertEquals(expected, kind(v), () -> Long.toHexString(v));
                assertEquals(expected == Kind.DOUBLE, isDouble(v));
                assertEquals(expected == Kind.INT, isInt(v));
                assertEquals(expected == Kind.POINTER, isPointer(v));
                assertEquals(expected == Kind.BOOL, isBool(v));
                assertEquals(expected == Kind.NONE, isNone(v));
            }
        }
    }

    @Test
    void boundaryWordsBetweenKinds() {
        assertEquals(Kind.DOUBLE, kind(DOUBLE_LIMIT - 1));  // a negative NaN, the last double word
        assertFalse(isCanonical(DOUBLE_LIMIT - 1));
        assertEquals(Kind.INT, kind(DOUBLE_LIMIT));
        assertEquals(Kind.INT, kind(POINTER_TAG_BITS - 1));
        assertEquals(Kind.POINTER, kind(POINTER_TAG_BITS));
        assertEquals(Kind.POINTER, kind(FALSE - 1));
        assertEquals(Kind.BOOL, kind(FALSE));
        assertEquals(Kind.BOOL, kind(0xFFFE_FFFF_FFFF_FFFFL));
        assertEquals(Kind.NONE, kind(0xFFFF_0000_0000_0000L));
        assertEquals(Kind.NONE, kind(NONE));
        assertEquals(Kind.DOUBLE, kind(Long.MAX_VALUE));  // a positive NaN
        assertEquals(Kind.DOUBLE, kind(Long.MIN_VALUE));  // -0.0
    }

    /** x86's default NaN (SSE results, a negated canonical NaN) is still a double: the safety margin. */
    @Test
    void x86DefaultNanIsADoubleNotATag() {
        long x86Nan = 0xFFF8_0000_0000_0000L;
        assertEquals(x86Nan, Double.doubleToRawLongBits(-Double.longBitsToDouble(CANONICAL_NAN)));
        assertTrue(isDouble(x86Nan));
        assertTrue(Double.isNaN(asDouble(x86Nan)));
        assertFalse(isCanonical(x86Nan));
        assertEquals(CANONICAL_NAN, ofDouble(asDouble(x86Nan)));
    }

    /** The alternative machine-code forms given in the docs agree with the Java checks. */
    @Test
    void documentedAlternativeChecksAgree() {
        SplittableRandom rnd = new SplittableRandom(48);
        for (int n = 0; n < 200_000; n++) {
            long v = n % 2 == 0 ? rnd.nextLong() : ((0xFFF0L + rnd.nextInt(16)) << 48) | (rnd.nextLong() & PAYLOAD_MASK);
            assertEquals(isDouble(v), v >>> 48 < 0xFFFC);
            assertEquals(isInt(v), v >> 48 == -4);
            assertEquals(isInt(v) || isDouble(v), Long.compareUnsigned(v, 0xFFFD_0000_0000_0000L) < 0);
            if (isPointer(v)) assertEquals(asPointer(v), v - POINTER_TAG_BITS);
        }
        assertTrue(isNone(NONE) && NONE == -1);
        assertEquals(1, TRUE & 1);
        assertEquals(0, FALSE & 1);
    }
}
