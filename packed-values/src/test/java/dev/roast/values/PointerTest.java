package dev.roast.values;

import static dev.roast.values.PackedValue.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.roast.values.PackedValue.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Pointers: off-heap addresses 1 … 2^48−1. */
class PointerTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 7, 8, 16, 4096, 0x7F12_3456_7890L, 0x7FFF_FFFF_FFFFL, 0x8000_0000_0000L,
            (1L << 48) - 2, (1L << 48) - 1})
    void addressesRoundTrip(long address) {
        long v = ofPointer(address);
        assertEquals(Kind.POINTER, kind(v));
        assertTrue(isPointer(v));
        assertFalse(isDouble(v) || isInt(v) || isBool(v) || isNone(v));
        assertTrue(isCanonical(v));
        assertEquals(address, asPointer(v));
        assertEquals(POINTER_TAG, v >>> 48);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1L << 48, (1L << 48) + 1, -1, -8, 1L << 62, Long.MAX_VALUE, Long.MIN_VALUE,
            0xFFFD_0000_0000_1000L})
    void zeroAndAddressesBeyond48BitsAreRejected(long address) {
        var e = assertThrows(IllegalArgumentException.class, () -> ofPointer(address));
        assertTrue(e.getMessage().contains(Long.toHexString(address)), e.getMessage());
    }

    @Test
    void theNullPointerWordIsNonCanonical() {
        assertEquals(Kind.POINTER, kind(POINTER_TAG_BITS));
        assertFalse(isCanonical(POINTER_TAG_BITS));
    }

    @Test
    void pointersAreDistinctFromIntsWithTheSamePayload() {
        assertNotEquals(ofPointer(8), ofInt(8));
        assertNotEquals(ofPointer(1), TRUE);
        assertNotEquals(ofPointer((1L << 48) - 1), NONE);
        assertFalse(isInt(ofPointer(8)));
    }
}
