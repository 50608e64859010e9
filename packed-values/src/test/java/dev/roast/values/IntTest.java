package dev.roast.values;

import static dev.roast.values.PackedValue.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.roast.values.PackedValue.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Inline ints: 48-bit two's complement, −2^47 … 2^47−1; anything else must be boxed by the caller. */
class IntTest {
    static final long P47 = 1L << 47;

    @ParameterizedTest
    @ValueSource(longs = {0, 1, -1, 2, -2, 42, -42, 255, 65_535, -65_536, Integer.MAX_VALUE, Integer.MIN_VALUE,
            1L << 32, -(1L << 32), (1L << 46), -(1L << 46), (1L << 47) - 1, -(1L << 47), (1L << 47) - 2, -(1L << 47) + 1,
            0x7FFF_0000_0000L, 0x0000_FFFF_FFFFL})
    void inlineIntsRoundTrip(long i) {
        assertTrue(fitsInline(i));
        long v = ofInt(i);
        assertEquals(Kind.INT, kind(v));
        assertTrue(isInt(v));
        assertFalse(isDouble(v) || isPointer(v) || isBool(v) || isNone(v));
        assertTrue(isCanonical(v));
        assertEquals(i, asInt(v));
        assertEquals(INT_TAG, v >>> 48);
        assertEquals(i & PAYLOAD_MASK, v & PAYLOAD_MASK);
    }

    @ParameterizedTest
    @ValueSource(longs = {1L << 47, -(1L << 47) - 1, (1L << 47) + 1, -(1L << 47) - 2, 1L << 48, -(1L << 48),
            (1L << 48) - 1, 1L << 62, Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE - 1, Long.MIN_VALUE + 1,
            0x0001_0000_0000_0000L, 0xFFFC_0000_0000_0000L, 0x7FFF_8000_0000_0000L})
    void outOfRangeIntsDoNotFitAndAreRejected(long i) {
        assertFalse(fitsInline(i));
        var e = assertThrows(IllegalArgumentException.class, () -> ofInt(i));
        assertTrue(e.getMessage().contains(Long.toString(i)), e.getMessage());
    }

    @Test
    void rangeEdgesExactly() {
        assertTrue(fitsInline(P47 - 1));
        assertFalse(fitsInline(P47));
        assertTrue(fitsInline(-P47));
        assertFalse(fitsInline(-P47 - 1));
        assertEquals(INLINE_MAX, asInt(ofInt(INLINE_MAX)));
        assertEquals(INLINE_MIN, asInt(ofInt(INLINE_MIN)));
    }

    @Test
    void payloadIsSignExtended() {
        // The largest payload pattern is -1, not 2^48-1; the top payload bit is the sign.
        assertEquals(-1, asInt(0xFFFC_FFFF_FFFF_FFFFL));
        assertEquals(INLINE_MIN, asInt(0xFFFC_8000_0000_0000L));
        assertEquals(INLINE_MAX, asInt(0xFFFC_7FFF_FFFF_FFFFL));
        assertEquals(0, asInt(0xFFFC_0000_0000_0000L));
    }

    @Test
    void intsAreDistinctFromEqualDoublesAndOtherKinds() {
        assertNotEquals(ofInt(0), ofDouble(0.0));
        assertNotEquals(ofInt(1), ofDouble(1.0));
        assertNotEquals(ofInt(0), FALSE);
        assertNotEquals(ofInt(1), TRUE);
        assertNotEquals(ofInt(-1), NONE);
        assertNotEquals(ofInt(1), ofPointer(1));
        assertNotEquals(ofInt(0), ofInt(-1));
    }

    @Test
    void everyIntWordIsCanonical() {
        // Every one of the 2^48 payloads is a valid int, so any INT word decodes and re-encodes to itself.
        for (long p = 0; p <= PAYLOAD_MASK; p += 0x0000_0001_0001_0001L) {
            long v = INT_TAG_BITS | p;
            assertTrue(isCanonical(v));
            assertEquals(v, ofInt(asInt(v)));
        }
    }
}
