package dev.roast.interpreter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roast.bytecode.BytecodeFunction;
import dev.roast.bytecode.Opcode;
import dev.roast.frontend.Frontend;
import dev.roast.frontend.source.SourceFile;
import dev.roast.mir.emit.BytecodeCompiler;
import dev.roast.mir.lower.HirLowering;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The profile the JIT tiers read: call counts, back-edge counts, operand kinds and call targets. */
class ProfileTest {
    private static Program run(String src) {
        var r = Frontend.compile(new SourceFile("t.roast", src));
        assertTrue(r.ok());
        var code = BytecodeCompiler.compile(HirLowering.lower(r.module()));
        var seen = new AtomicReference<Program>();
        int status = Vm.run(r.module(), code, new Vm.Options(64L << 20, 1000, false, List.of("t.roast")), new ByteArrayOutputStream(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), seen::set);
        assertEquals(0, status);
        return seen.get();
    }

    private static int idOf(Program p, String name) {
        for (int id = 0; id < p.functionCount(); id++) if (p.function(id).info().name().equals(name)) return id;
        throw new AssertionError("no function " + name);
    }

    /** Code positions of the instructions with this opcode in the function, in order. */
    private static List<Integer> positionsOf(BytecodeFunction f, Opcode op) {
        var at = new ArrayList<Integer>();
        int[] code = f.code();
        for (int pc = 0; pc < code.length; pc += Opcode.lengthAt(code, pc)) {
            if (code[pc] == op.ordinal()) at.add(pc);
        }
        return at;
    }

    @Test
    void countsCallsAndBackEdges() {
        Program p = run("""
                def f(n: int) -> int:
                    return n + 1
                def g() -> None:
                    i = 0
                    while i < 10:
                        f(i)
                        i += 1
                g()
                g()
                """);
        assertEquals(20, p.profile(idOf(p, "f")).calls());
        assertEquals(2, p.profile(idOf(p, "g")).calls());
        assertEquals(20, p.profile(idOf(p, "g")).backEdges(0), "ten back-edges per call (JUMP_LOOP counts the jump back)");
    }

    @Test
    void recordsTheKindsSeenAtAnyOperations() {
        Program p = run("""
                def add(a, b):
                    return a + b
                print(add(1, 2))
                print(add(1.5, 2))
                print(add("x", "y"))
                """);
        int id = idOf(p, "add");
        BytecodeFunction f = p.function(id);
        int pc = positionsOf(f, Opcode.ARITH_ANY).getFirst();
        FunctionProfile prof = p.profile(id);
        assertEquals(TypeFeedback.INT | TypeFeedback.FLOAT | TypeFeedback.STR, prof.operandKinds(pc + 2));
        assertEquals(TypeFeedback.INT | TypeFeedback.STR, prof.operandKinds(pc + 3));
    }

    @Test
    void recordsOneTargetThenMany() {
        Program p = run("""
                class A:
                    def m(self) -> int:
                        return 1
                class B(A):
                    def m(self) -> int:
                        return 2
                def one(x: A) -> int:
                    return x.m()
                def both(x: A) -> int:
                    return x.m()
                def never(x: A) -> int:
                    return x.m()
                print(one(A()), one(A()), both(A()), both(B()))
                """);
        int one = idOf(p, "one"), both = idOf(p, "both"), never = idOf(p, "never");
        int oneSite = positionsOf(p.function(one), Opcode.CALL_VIRTUAL).getFirst();
        int bothSite = positionsOf(p.function(both), Opcode.CALL_VIRTUAL).getFirst();
        int neverSite = positionsOf(p.function(never), Opcode.CALL_VIRTUAL).getFirst();
        assertEquals(idOf(p, "m"), p.profile(one).callTarget(oneSite), "A.m: the first function named m");
        assertEquals(FunctionProfile.MANY_TARGETS, p.profile(both).callTarget(bothSite));
        assertEquals(FunctionProfile.NO_TARGET, p.profile(never).callTarget(neverSite));
    }
}
