package dev.roast.codegen.x64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Operand validation and the small enum contracts the encoder relies on. */
class OperandTest {
    @Test
    void rspCannotBeAnIndex() {
        assertThrows(IllegalArgumentException.class, () -> Mem.of(Reg.RAX, Reg.RSP, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new Mem(Reg.RAX, Reg.RSP, 8, 16));
    }

    @Test
    void r12CanBeAnIndex() {
        var a = new Assembler();
        a.mov(Reg.RAX, Mem.of(Reg.RAX, Reg.R12, 2, 0));
        assertEquals("4a 8b 04 60", java.util.HexFormat.ofDelimiter(" ").formatHex(a.finish()));
    }

    @Test
    void scaleMustBeOneTwoFourOrEight() {
        for (int bad : new int[] {0, 3, 5, 16, -1}) {
            assertThrows(IllegalArgumentException.class, () -> Mem.of(Reg.RAX, Reg.RBX, bad, 0));
        }
        assertThrows(IllegalArgumentException.class, () -> new Mem(Reg.RAX, null, 4, 0));
    }

    @Test
    void baseIsRequired() {
        assertThrows(NullPointerException.class, () -> Mem.of(null, 8));
        assertThrows(NullPointerException.class, () -> Mem.of(Reg.RAX, null, 1, 8));
    }

    @Test
    void shiftCountsAreZeroTo63() {
        var a = new Assembler();
        assertThrows(IllegalArgumentException.class, () -> a.shl(Reg.RAX, 64));
        assertThrows(IllegalArgumentException.class, () -> a.sar(Reg.RAX, -1));
        assertEquals(0, a.position());
    }

    @Test
    void alignmentMustBeAPowerOfTwo() {
        var a = new Assembler();
        assertThrows(IllegalArgumentException.class, () -> a.align(0));
        assertThrows(IllegalArgumentException.class, () -> a.align(12));
    }

    @Test
    void longPaddingIsAllNops() {
        var a = new Assembler();
        a.int3();
        a.align(256);
        assertEquals(256, a.position());
    }

    @Test
    void negatePairsEachConditionWithItsOpposite() {
        assertEquals(Cond.NE, Cond.E.negate());
        assertEquals(Cond.GE, Cond.L.negate());
        assertEquals(Cond.LE, Cond.G.negate());
        assertEquals(Cond.AE, Cond.B.negate());
        assertEquals(Cond.BE, Cond.A.negate());
        assertEquals(Cond.NP, Cond.P.negate());
        for (Cond c : Cond.values()) assertEquals(c, c.negate().negate());
    }

    @Test
    void codesAreHardwareNumbers() {
        assertEquals(0, Reg.RAX.code());
        assertEquals(4, Reg.RSP.code());
        assertEquals(13, Reg.R13.code());
        assertEquals(15, Xmm.XMM15.code());
    }
}
