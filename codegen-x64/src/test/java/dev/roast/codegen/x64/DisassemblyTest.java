package dev.roast.codegen.x64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** {@link Disassembly} against the real objdump when there is one, and its message when there is not. */
class DisassemblyTest {
    private static void assumeObjdump() {
        boolean found;
        try {
            found = new ProcessBuilder("objdump", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (Exception e) {
            found = false;
        }
        Assumptions.assumeTrue(found, "objdump (GNU binutils) is not installed");
    }

    @Test
    void listsOneLinePerInstructionAtTheGivenAddress() throws DisassemblyException {
        assumeObjdump();
        var a = new Assembler();
        a.mov(Reg.RAX, Reg.RBX);
        a.mov(Reg.R15, 0x1122334455667788L); // 10 bytes: must not wrap onto a second line
        a.ret();
        List<String> lines = Disassembly.of(a.finish(), 0x7f00_0000_1000L).lines().toList();
        assertEquals(3, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).matches("\\s*7f0000001000:\t48 89 d8\\s+\tmov\\s+rax,rbx"), lines.get(0));
        assertTrue(lines.get(1).contains("49 bf 88 77 66 55 44 33 22 11") && lines.get(1).contains("movabs r15,0x1122334455667788"), lines.get(1));
        assertTrue(lines.get(2).matches("\\s*7f000000100d:\tc3\\s+\tret"), lines.get(2));
    }

    @Test
    void emptyCodeHasNoLines() throws DisassemblyException {
        assertEquals("", Disassembly.of(new byte[0], 0));
    }

    @Test
    void aMissingObjdumpIsACheckedErrorThatSaysWhatToInstall() {
        var e = assertThrows(DisassemblyException.class, () -> Disassembly.of(new byte[] {(byte) 0xC3}, 0, "roast-no-such-objdump"));
        assertTrue(e.getMessage().contains("apt-get install binutils"), e.getMessage());
    }
}
