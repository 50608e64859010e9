package dev.roast.bytecode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roast.frontend.Frontend;
import dev.roast.frontend.source.SourceFile;
import dev.roast.mir.Block;
import dev.roast.mir.MirFunction;
import dev.roast.mir.MirModule;
import dev.roast.mir.Terminator;
import dev.roast.mir.emit.BytecodeCompiler;
import dev.roast.mir.lower.HirLowering;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class BytecodeTest {
    private static BytecodeModule compile(String src) {
        var r = Frontend.compile(new SourceFile("t.roast", src));
        assertTrue(r.ok());
        return BytecodeCompiler.compile(HirLowering.lower(r.module()));
    }

    private static BytecodeFunction fn(BytecodeModule m, String name) {
        return m.functions().stream().filter(f -> f.info().qualifiedName().equals(name)).findFirst().orElseThrow();
    }

    /** The opcodes of a function, in code order. */
    private static List<Opcode> opcodes(BytecodeFunction f) {
        var ops = new ArrayList<Opcode>();
        int[] code = f.code();
        for (int pc = 0; pc < code.length; pc = next(code, pc)) ops.add(Opcode.values()[code[pc]]);
        return ops;
    }

    private static int next(int[] code, int pc) {
        int at = pc + 1;
        for (Operand o : Opcode.values()[code[pc]].operands()) at += o == Operand.REGS ? code[at] + 1 : 1;
        return at;
    }

    /**
     * Decoding walks exactly to the end; targets land on instruction starts; slots lie in the frame; positions
     * are known; constant slots are the frame's last slots, hold int/float/str constants and are never written.
     */
    private static void wellFormed(BytecodeFunction f) {
        int[] code = f.code();
        var constantSlots = new BitSet();
        int[] cs = f.constantSlots();
        for (int i = 0; i < cs.length; i += 2) {
            constantSlots.set(cs[i]);
            Object c = f.constants()[cs[i + 1]];
            assertTrue(c instanceof Long || c instanceof Double || c instanceof String, "constant slot holds " + c);
        }
        if (!constantSlots.isEmpty()) {
            assertEquals(f.frameSize() - cs.length / 2, constantSlots.nextSetBit(0), "constant slots come last");
            assertEquals(f.frameSize(), constantSlots.nextClearBit(constantSlots.nextSetBit(0)), "constant slots are contiguous");
        }
        var starts = new BitSet();
        var targets = new ArrayList<Integer>();
        int pc = 0;
        while (pc < code.length) {
            starts.set(pc);
            assertTrue(f.positions()[pc] >= 0, f.info().qualifiedName() + ": no source position at " + pc);
            int at = pc + 1;
            for (Operand o : Opcode.values()[code[pc]].operands()) {
                switch (o) {
                    case DST, REG -> {
                        assertTrue(code[at] >= 0 && code[at] < f.frameSize(), "slot " + code[at] + " at " + pc);
                        if (o == Operand.DST) assertFalse(constantSlots.get(code[at]), "writes constant slot " + code[at] + " at " + pc);
                    }
                    case OPT_REG -> assertTrue(code[at] >= -1 && code[at] < f.frameSize(), "slot " + code[at] + " at " + pc);
                    case CONST -> assertTrue(code[at] >= 0 && code[at] < f.constants().length);
                    case TARGET -> targets.add(code[at]);
                    case REGS -> {
                        for (int k = 1; k <= code[at]; k++) assertTrue(code[at + k] >= 0 && code[at + k] < f.frameSize());
                        at += code[at];
                    }
                    case IMM -> {}
                }
                at++;
            }
            pc = at;
        }
        assertEquals(code.length, pc, "decoding ends exactly at the end");
        loopsCountedOnce(f);
        for (int t : targets) assertTrue(starts.get(t), f.info().qualifiedName() + ": jump into the middle of an instruction: " + t);
        Opcode last = Opcode.values()[code[lastStart(code)]];
        assertTrue(last.isUnconditionalTransfer(), "code cannot run off its end (ends with " + last + ")");
    }

    /** Each loop counts its iterations in one way: LOOP at its header, or JUMP_LOOP at each back-edge (backward). */
    private static void loopsCountedOnce(BytecodeFunction f) {
        int[] code = f.code();
        var atHeader = new BitSet();
        var atBackEdge = new BitSet();
        for (int pc = 0; pc < code.length; pc += Opcode.lengthAt(code, pc)) {
            if (code[pc] == Opcode.LOOP.ordinal()) {
                assertFalse(atHeader.get(code[pc + 1]), "two LOOPs for loop " + code[pc + 1]);
                atHeader.set(code[pc + 1]);
            } else if (code[pc] == Opcode.JUMP_LOOP.ordinal()) {
                assertTrue(code[pc + 1] <= pc, "JUMP_LOOP at " + pc + " jumps forward");
                atBackEdge.set(code[pc + 2]);
            }
        }
        assertFalse(atHeader.intersects(atBackEdge), f.info().qualifiedName() + ": a loop counted at its header and its back-edge");
        atHeader.or(atBackEdge);
        assertEquals(f.loopCount(), atHeader.cardinality(), f.info().qualifiedName() + ": every loop counts");
        assertEquals(f.loopCount(), atHeader.nextClearBit(0), "loop indices are 0..loopCount-1");
    }

    private static int lastStart(int[] code) {
        int pc = 0, last = 0;
        while (pc < code.length) {
            last = pc;
            pc = next(code, pc);
        }
        return last;
    }

    @TestFactory
    Stream<DynamicTest> everySuiteProgramCompilesToWellFormedBytecode() throws IOException {
        var files = new ArrayList<Path>();
        for (Path d : List.of(Path.of("../test-suite/run"), Path.of("../test-suite/runtime-error"), Path.of("../../shared/bench/programs"))) {
            if (!Files.isDirectory(d)) continue;
            try (var s = Files.walk(d)) {
                s.filter(p -> p.toString().endsWith(".roast")).sorted().forEach(files::add);
            }
        }
        return files.stream().map(p -> DynamicTest.dynamicTest(p.toString(), () -> {
            BytecodeModule m = compile(Files.readString(p));
            wellFormed(m.main());
            m.functions().forEach(BytecodeTest::wellFormed);
        }));
    }

    @Test
    void fibIsEightInstructions() {
        var f = fn(compile("def fib(n: int) -> int:\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\n"), "fib");
        assertEquals(List.of(Opcode.JUMP_UNLESS_LT_INT, Opcode.RETURN, Opcode.ADD_INT_IMM, Opcode.CALL_DIRECT,
                Opcode.ADD_INT_IMM, Opcode.CALL_DIRECT, Opcode.ADD_INT, Opcode.RETURN), opcodes(f));
        assertEquals(5, f.frameSize(), "temporaries share slots; the constant 2 has its own");
        assertEquals(2, f.constantSlots().length, "one constant slot");
        assertEquals(4, f.constantSlots()[0]);
        assertEquals(4, f.code()[2], "n < 2 reads 2 from its constant slot");
        assertEquals(2L, f.constants()[f.constantSlots()[1]]);
    }

    @Test
    void loopsReadConstantsFromSlotsInsteadOfReloadingThem() {
        var f = fn(compile("def f() -> float:\n    t = 0\n    x = 0.0\n    i = 0\n    while i < 30000000:\n"
                + "        t = (t + i * 7) % 1000003\n        x = x * 0.5 + 2.5\n        i += 1\n    return x + t\n"), "f");
        var ops = opcodes(f);
        var loop = ops.subList(ops.indexOf(Opcode.JUMP_UNLESS_LT_INT), ops.indexOf(Opcode.JUMP_LOOP));
        assertFalse(loop.contains(Opcode.LOAD_CONST) || loop.contains(Opcode.LOAD_INT), loop.toString());
        assertEquals(3, ops.stream().filter(o -> o == Opcode.LOAD_INT || o == Opcode.LOAD_CONST).count(),
                "only the three variables' initial values are loads: " + ops);
        assertEquals(5, f.constantSlots().length / 2, "30000000, 7, 1000003, 0.5, 2.5 each in one slot");
    }

    @Test
    void aConstantAssignedToAVariableIsStillOneLoad() {
        var f = fn(compile("def f(n: int) -> int:\n    x = 123456\n    while n > 0:\n        x = 123456\n        n -= 1\n    return x\n"), "f");
        for (int i = 1; i < f.constantSlots().length; i += 2) {
            assertNotEquals(123456L, f.constants()[f.constantSlots()[i]], "x = 123456 loads into x directly");
        }
        assertEquals(2, opcodes(f).stream().filter(o -> o == Opcode.LOAD_INT).count());
    }

    @Test
    void rangeLoopsCountWithAnImmediateAndOneJump() {
        var f = fn(compile("def f(n: int) -> int:\n    t = 0\n    for i in range(n):\n        t += i\n    return t\n"), "f");
        var ops = opcodes(f);
        assertTrue(ops.contains(Opcode.JUMP_UNLESS_LT_INT));
        assertTrue(ops.contains(Opcode.ADD_INT_IMM), ops.toString());
        assertEquals(List.of(Opcode.JUMP_LOOP), ops.stream().filter(o -> o.name().startsWith("JUMP") && !o.name().startsWith("JUMP_UNLESS")).toList(),
                "only the back-edge jumps, and it counts the iteration itself (no LOOP at the header): " + ops);
        assertFalse(ops.contains(Opcode.LOOP), ops.toString());
        assertTrue(ops.indexOf(Opcode.MOVE) < ops.indexOf(Opcode.JUMP_UNLESS_LT_INT), "the range bounds are set up before the loop: " + ops);
    }

    @Test
    void aBackEdgeThatIsNotAPlainJumpIsCountedAtTheHeader() {
        var r = Frontend.compile(new SourceFile("t.roast", "def f(n: int) -> int:\n    while n > 0:\n        n -= 1\n    return n\n"));
        assertTrue(r.ok());
        MirModule mir = HirLowering.lower(r.module());
        MirFunction f = mir.functions().stream().filter(x -> x.info().qualifiedName().equals("f")).findFirst().orElseThrow();
        int rewritten = 0;
        for (Block b : f.blocks()) {
            // The body's jump back (blocks after the header are the body's): a branch to the header either way.
            if (b.terminator() instanceof Terminator.Jump j && f.block(j.target()).isLoopHeader() && b.id() > j.target()) {
                b.setTerminator(new Terminator.Branch(0, j.target(), j.target(), j.span()));
                rewritten++;
            }
        }
        assertEquals(1, rewritten);
        var ops = opcodes(fn(BytecodeCompiler.compile(mir), "f"));
        assertTrue(ops.contains(Opcode.LOOP), ops.toString());
        assertFalse(ops.contains(Opcode.JUMP_LOOP), ops.toString());
        wellFormed(fn(BytecodeCompiler.compile(mir), "f"));
    }

    @Test
    void floatComparisonsAreNotNegated() {
        // `if not x < y` must still be false when either is NaN: no "jump unless >=" from "<".
        var f = fn(compile("def f(x: float, y: float) -> int:\n    while x < y:\n        x += 1.0\n    if x < y:\n        return 1\n    return 0\n"), "f");
        var ops = opcodes(f);
        assertFalse(ops.contains(Opcode.JUMP_UNLESS_GE_FLOAT), ops.toString());
        assertTrue(ops.contains(Opcode.JUMP_UNLESS_LT_FLOAT), ops.toString());
    }

    @Test
    void constantPoolKeepsNegativeZeroAndNaNApart() {
        var w = new BytecodeWriter();
        int a = w.constant(0.0), b = w.constant(-0.0), c = w.constant(Double.NaN), d = w.constant(0.0);
        assertEquals(a, d);
        assertTrue(a != b && a != c && b != c);
    }

    @Test
    void disassemblyNamesEveryInstruction() {
        var m = compile("class P:\n    def __init__(self, x: int):\n        self.x = x\np = P(3)\nprint(f\"x={p.x:>4}\", [1, 2], {'a': 1.5})\n");
        String text = Disassembler.print(m, new SourceFile("t.roast", ""));
        for (String op : List.of("alloc", "call_direct", "get_field", "format", "build_string", "make_list", "make_dict", "call_builtin")) {
            assertTrue(text.contains(op), op + " in:\n" + text);
        }
    }
}
