package dev.roast.values;

import static dev.roast.values.PackedValue.*;
import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** toDebugString names the kind and the value, and flags words the VM should never hold. */
class DebugStringTest {

    @Test
    void canonicalWords() {
        assertEquals("int 42", toDebugString(ofInt(42)));
        assertEquals("int -140737488355328", toDebugString(ofInt(INLINE_MIN)));
        assertEquals("float 1.5", toDebugString(ofDouble(1.5)));
        assertEquals("float -0.0", toDebugString(ofDouble(-0.0)));
        assertEquals("float 1.0", toDebugString(ofDouble(1.0)));
        assertEquals("float NaN", toDebugString(ofDouble(Double.NaN)));
        assertEquals("float -Infinity", toDebugString(ofDouble(Double.NEGATIVE_INFINITY)));
        assertEquals("ptr 0x7f0012345678", toDebugString(ofPointer(0x7F00_1234_5678L)));
        assertEquals("True", toDebugString(TRUE));
        assertEquals("False", toDebugString(FALSE));
        assertEquals("None", toDebugString(NONE));
    }

    @Test
    void nonCanonicalWords() {
        assertEquals("<non-canonical DOUBLE word 0xfff8000000000000>", toDebugString(0xFFF8_0000_0000_0000L));
        assertEquals("<non-canonical POINTER word 0xfffd000000000000>", toDebugString(POINTER_TAG_BITS));
        assertEquals("<non-canonical BOOL word 0xfffe000000000002>", toDebugString(FALSE | 2));
        assertEquals("<non-canonical NONE word 0xffff000000000000>", toDebugString(0xFFFF_0000_0000_0000L));
    }
}
