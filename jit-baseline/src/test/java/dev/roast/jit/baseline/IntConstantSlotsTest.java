package dev.roast.jit.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roast.bytecode.BytecodeFunction;
import dev.roast.bytecode.Opcode;
import dev.roast.frontend.hir.FunctionInfo;
import dev.roast.frontend.source.Span;
import dev.roast.values.PackedValue;
import java.util.BitSet;
import org.junit.jupiter.api.Test;

class IntConstantSlotsTest {
    private static final long UNBOUND = PackedValue.UNBOUND;

    /**
     * Slots 2..5 are constant slots: 2 and 3 ints, 4 a float, 5 an int that an instruction writes (which the
     * bytecode compiler never emits, but if it did, the slot must not count as a constant).
     */
    @Test
    void intConstantSlotsThatNoInstructionWrites() {
        int[] code = {
            Opcode.ADD_INT.ordinal(), 0, 2, 3,
            Opcode.CALL_DIRECT.ordinal(), 1, 6, 2, 2, 3,  // REGS are read: 2 and 3 stay constants
            Opcode.MOVE.ordinal(), 5, 0,
            Opcode.RETURN.ordinal(), 0,
        };
        Object[] pool = {7L, -(1L << 47), 2.5, 9L, "callee"};
        var f = function(code, pool, 6, new int[] {2, 0, 3, 1, 4, 2, 5, 3});
        long[] template = {UNBOUND, UNBOUND, PackedValue.ofInt(7), PackedValue.ofInt(-(1L << 47)), PackedValue.ofDouble(2.5),
            PackedValue.ofInt(9)};
        var slots = IntConstantSlots.of(f, template);
        assertTrue(slots.has(2));
        assertEquals(7, slots.value(2));
        assertTrue(slots.has(3));
        assertEquals(-(1L << 47), slots.value(3));
        assertFalse(slots.has(4), "a float");
        assertFalse(slots.has(5), "written by MOVE");
        assertFalse(slots.has(0), "not a constant slot");
        assertFalse(slots.has(1));
    }

    @Test
    void writtenSlotsAreTheDstOperands() {
        int[] code = {
            Opcode.LOAD_INT.ordinal(), 4, 5,
            Opcode.MAKE_LIST.ordinal(), 1, 3, 2, 3, 6,
            Opcode.JUMP_UNLESS_LT_INT.ordinal(), 2, 3, 0,
            Opcode.STORE_GLOBAL.ordinal(), 7, 3,
        };
        var expected = new BitSet();
        expected.set(1);
        expected.set(4);
        assertEquals(expected, IntConstantSlots.writtenSlots(code));
    }

    private static BytecodeFunction function(int[] code, Object[] pool, int frameSize, int[] constantSlots) {
        var info = new FunctionInfo("f", FunctionInfo.Kind.FUNCTION, null, null, new Span(0, 0));
        int[] positions = new int[code.length];
        return new BytecodeFunction(info, code, positions, pool, frameSize, 0, constantSlots);
    }
}
