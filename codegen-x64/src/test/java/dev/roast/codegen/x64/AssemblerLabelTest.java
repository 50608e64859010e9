package dev.roast.codegen.x64;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Labels and branches: rel8/rel32 choice, offsets, fixups, and the misuse that must fail loudly. */
class AssemblerLabelTest {
    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");

    private static String hex(byte[] code) {
        return HEX.formatHex(code);
    }

    @Test
    void backwardBranchesUseRel8WhileInReach() {
        var a = new Assembler();
        Label top = a.newLabel();
        a.bind(top);
        for (int i = 0; i < 126; i++) a.nop();
        a.jmp(top);          // 126 + 2 bytes back: -128 exactly
        a.jcc(Cond.NE, top); // now -130: rel32
        byte[] code = a.finish();
        assertEquals("eb 80", hex(slice(code, 126, 2)));
        assertEquals("0f 85 7a ff ff ff", hex(slice(code, 128, 6))); // -(128 + 6) = -134
    }

    @Test
    void forwardBranchesAreRel32PatchedByFinish() {
        var a = new Assembler();
        Label end = a.newLabel();
        a.jmp(end);
        a.jcc(Cond.L, end);
        a.nop();
        assertFalse(a.isBound(end));
        a.bind(end);
        assertTrue(a.isBound(end));
        a.ret();
        assertEquals("e9 07 00 00 00 0f 8c 01 00 00 00 90 c3", hex(a.finish()));
    }

    @Test
    void nearBranchesStayRel32EvenWhenBackwardAndClose() {
        var a = new Assembler();
        Label top = a.newLabel();
        a.bind(top);
        a.jmpNear(top);
        a.jccNear(Cond.E, top);
        assertEquals("e9 fb ff ff ff 0f 84 f5 ff ff ff", hex(a.finish()));
    }

    @Test
    void positionCountsEmittedBytesAndBindRecordsIt() {
        var a = new Assembler();
        assertEquals(0, a.position());
        a.mov(Reg.R8, Long.MIN_VALUE);
        assertEquals(10, a.position());
        Label l = a.newLabel();
        a.bind(l);
        a.call(l);
        assertEquals(15, a.position());
        assertEquals("e8 fb ff ff ff", hex(slice(a.finish(), 10, 5)));
    }

    @Test
    void bindingTwiceFails() {
        var a = new Assembler();
        Label l = a.newLabel();
        a.bind(l);
        a.nop();
        assertThrows(IllegalStateException.class, () -> a.bind(l));
    }

    @Test
    void finishFailsWhenAUsedLabelWasNeverBound() {
        var a = new Assembler();
        Label nowhere = a.newLabel();
        a.nop();
        a.jcc(Cond.E, nowhere);
        var e = assertThrows(IllegalStateException.class, a::finish);
        assertTrue(e.getMessage().contains("offset 3"), e.getMessage());
    }

    @Test
    void anUnusedUnboundLabelIsHarmless() {
        var a = new Assembler();
        a.newLabel();
        a.ret();
        assertArrayEquals(new byte[] {(byte) 0xC3}, a.finish());
    }

    @Test
    void labelsBelongToTheirAssembler() {
        var a = new Assembler();
        var b = new Assembler();
        Label l = b.newLabel();
        assertThrows(IllegalArgumentException.class, () -> a.bind(l));
        assertThrows(IllegalArgumentException.class, () -> a.jmp(l));
        assertThrows(IllegalArgumentException.class, () -> a.isBound(l));
    }

    @Test
    void finishCanBeCalledAgainAfterMoreCode() {
        var a = new Assembler();
        Label l = a.newLabel();
        a.jmp(l);
        a.bind(l);
        assertEquals("e9 00 00 00 00", hex(a.finish()));
        a.jmp(l); // backward now: rel8
        assertEquals("e9 00 00 00 00 eb fe", hex(a.finish()));
    }

    @Test
    void theBufferGrowsPastItsInitialSize() {
        var a = new Assembler();
        Label top = a.newLabel();
        a.bind(top);
        for (int i = 0; i < 100_000; i++) a.nop();
        a.jcc(Cond.A, top);
        byte[] code = a.finish();
        assertEquals(100_006, code.length);
        assertEquals("0f 87 5a 79 fe ff", hex(slice(code, 100_000, 6))); // -100006
    }

    private static byte[] slice(byte[] code, int from, int length) {
        return java.util.Arrays.copyOfRange(code, from, from + length);
    }
}
