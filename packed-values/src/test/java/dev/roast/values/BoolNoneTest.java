package dev.roast.values;

import static dev.roast.values.PackedValue.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.roast.values.PackedValue.Kind;
import org.junit.jupiter.api.Test;

/** Bool is two constants, None is one; all three are distinct from every other value. */
class BoolNoneTest {

    @Test
    void boolsRoundTrip() {
        assertEquals(TRUE, ofBool(true));
        assertEquals(FALSE, ofBool(false));
        assertTrue(asBool(TRUE));
        assertFalse(asBool(FALSE));
        assertNotEquals(TRUE, FALSE);
        for (long v : new long[] {TRUE, FALSE}) {
            assertEquals(Kind.BOOL, kind(v));
            assertTrue(isBool(v));
            assertFalse(isDouble(v) || isInt(v) || isPointer(v) || isNone(v));
            assertTrue(isCanonical(v));
        }
    }

    @Test
    void noneIsOneConstant() {
        assertEquals(Kind.NONE, kind(NONE));
        assertTrue(isNone(NONE));
        assertFalse(isDouble(NONE) || isInt(NONE) || isPointer(NONE) || isBool(NONE));
        assertTrue(isCanonical(NONE));
        assertFalse(isCanonical(0xFFFF_0000_0000_0000L));
        assertFalse(isCanonical(NONE - 1));
    }

    @Test
    void otherPayloadsUnderTheBoolTagAreNonCanonical() {
        for (long p : new long[] {2, 3, 0x8000_0000_0000L, PAYLOAD_MASK}) {
            long v = FALSE | p;
            assertEquals(Kind.BOOL, kind(v));
            assertFalse(isCanonical(v));
        }
    }

    @Test
    void constantsDifferFromEveryLookalike() {
        long[] lookalikes = {
                ofInt(0), ofInt(1), ofInt(-1), ofInt(INLINE_MIN), ofInt(INLINE_MAX),
                ofDouble(0.0), ofDouble(-0.0), ofDouble(1.0), ofDouble(Double.NaN),
                ofDouble(Double.POSITIVE_INFINITY), ofDouble(Double.NEGATIVE_INFINITY),
                ofDouble(Double.longBitsToDouble(NONE)), ofDouble(Double.longBitsToDouble(TRUE)),
                ofPointer(1), ofPointer(8), ofPointer(PAYLOAD_MASK), 0L, 1L};
        for (long c : new long[] {TRUE, FALSE, NONE}) {
            for (long other : lookalikes) assertNotEquals(other, c, () -> toDebugString(other));
        }
    }
}
