package dev.roast.mir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roast.frontend.Frontend;
import dev.roast.frontend.source.SourceFile;
import dev.roast.frontend.types.Type;
import dev.roast.mir.lower.HirLowering;
import dev.roast.mir.verify.MirVerifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class LoweringTest {
    private static MirModule lower(String src) {
        var r = Frontend.compile(new SourceFile("t.roast", src));
        assertTrue(r.ok(), () -> dev.roast.frontend.diag.DiagnosticRenderer.render(r.diagnostics()));
        MirModule m = HirLowering.lower(r.module());
        assertEquals(List.of(), MirVerifier.verify(m));
        return m;
    }

    private static MirFunction fn(MirModule m, String name) {
        return m.functions().stream().filter(f -> f.info().qualifiedName().equals(name)).findFirst().orElseThrow();
    }

    private static List<Insn> insns(MirFunction f) {
        return f.blocks().stream().flatMap(b -> b.insns().stream()).toList();
    }

    @TestFactory
    Stream<DynamicTest> everySuiteAndBenchProgramLowersToValidMir() throws IOException {
        var dirs = List.of(Path.of("../test-suite/run"), Path.of("../../shared/bench/programs"));
        var files = new java.util.ArrayList<Path>();
        for (Path d : dirs) {
            if (!Files.isDirectory(d)) continue;
            try (var s = Files.walk(d)) {
                s.filter(p -> p.toString().endsWith(".roast")).sorted().forEach(files::add);
            }
        }
        assertTrue(files.size() > 100, "found the suite");
        return files.stream().map(p -> DynamicTest.dynamicTest(p.toString(), () -> lower(Files.readString(p))));
    }

    @Test
    void conditionsBecomeBranchesWithoutBooleans() {
        var m = lower("def f(i: int, x: float) -> int:\n    while i < 50 and not x * x > 4.0:\n        i += 1\n    return i\n");
        var f = fn(m, "f");
        assertFalse(insns(f).stream().anyMatch(i -> i instanceof Insn.Unary u && (u.op() == UnaryKind.TRUTH || u.op() == UnaryKind.NOT)));
        assertTrue(insns(f).stream().anyMatch(i -> i instanceof Insn.Compare c && c.op() == CompareKind.FLOAT_GT));
        assertTrue(f.blocks().stream().anyMatch(Block::isLoopHeader));
    }

    @Test
    void typedArithmeticIsSelectedFromStaticTypes() {
        var m = lower("def f(a: int, b: float, s: str, xs: list[int], y) -> None:\n"
                + "    print(a + a, a + b, b * b, a / a, s + s, 3 * s, xs + xs, a + y, -a, -b)\n");
        var ops = insns(fn(m, "f")).stream().filter(i -> i instanceof Insn.Arith).map(i -> ((Insn.Arith) i).op()).toList();
        assertEquals(List.of(ArithOp.INT_ADD, ArithOp.FLOAT_ADD, ArithOp.FLOAT_MUL, ArithOp.INT_TRUE_DIV, ArithOp.STR_CONCAT,
                ArithOp.STR_REPEAT, ArithOp.LIST_CONCAT, ArithOp.ANY_ADD), ops);
        // a + b widens a first: int.to_float then float.add
        assertTrue(insns(fn(m, "f")).stream().anyMatch(i -> i instanceof Insn.Unary u && u.op() == UnaryKind.INT_TO_FLOAT));
    }

    @Test
    void repetitionPutsTheSequenceOnTheLeft() {
        var m = lower("def f(s: str) -> str:\n    return 3 * s\n");
        var rep = (Insn.Arith) insns(fn(m, "f")).stream().filter(i -> i instanceof Insn.Arith).findFirst().orElseThrow();
        assertEquals(0, rep.left(), "s (r0) is the left operand");
    }

    @Test
    void rangeLoopsCountInRegisters() {
        var m = lower("def f(n: int) -> int:\n    t = 0\n    for i in range(1, n, 2):\n        t += i\n    return t\n");
        var f = fn(m, "f");
        assertFalse(insns(f).stream().anyMatch(i -> i instanceof Insn.IterStart || i instanceof Insn.CallBuiltin));
        assertTrue(insns(f).stream().anyMatch(i -> i instanceof Insn.Compare c && c.op() == CompareKind.INT_LT));
        var down = fn(lower("def g(n: int) -> None:\n    for i in range(n, 0, -1):\n        print(i)\n"), "g");
        assertTrue(insns(down).stream().anyMatch(i -> i instanceof Insn.Compare c && c.op() == CompareKind.INT_GT));
    }

    @Test
    void capturedVariablesLiveInCells() {
        var m = lower("def counter() -> int:\n    n = 0\n    def bump() -> None:\n        nonlocal n\n        n += 1\n    bump()\n    return n\n");
        var outer = fn(m, "counter");
        assertTrue(insns(outer).stream().anyMatch(i -> i instanceof Insn.NewCell));
        assertTrue(insns(outer).stream().anyMatch(i -> i instanceof Insn.MakeFunction mf && mf.cells().size() == 1));
        var inner = fn(m, "counter.bump");
        assertTrue(insns(inner).stream().anyMatch(i -> i instanceof Insn.LoadCapture));
        assertTrue(insns(inner).stream().anyMatch(i -> i instanceof Insn.StoreCell));
    }

    @Test
    void listAugmentedAssignmentIsInPlace() {
        var m = lower("def f(xs: list[int]) -> None:\n    xs += [1]\n");
        assertTrue(insns(fn(m, "f")).stream().anyMatch(i -> i instanceof Insn.ListInPlace));
    }

    @Test
    void constructorsAllocateThenCallInit() {
        var m = lower("class P:\n    def __init__(self, x: int):\n        self.x = x\nclass E(Exception):\n    pass\np = P(1)\ne = E('m')\n");
        var main = insns(m.main());
        assertTrue(main.stream().anyMatch(i -> i instanceof Insn.Alloc));
        assertTrue(main.stream().anyMatch(i -> i instanceof Insn.CallDirect c && c.function().qualifiedName().equals("P.__init__")));
        assertTrue(main.stream().anyMatch(i -> i instanceof Insn.NewException));
    }

    @Test
    void localsMaybeUnassignedGetABoundCheck() {
        var f = fn(lower("def f(n: int) -> int:\n    if n > 0:\n        x = n\n    return x\n"), "f");
        assertEquals(1, insns(f).stream().filter(i -> i instanceof Insn.CheckBound).count());
        var g = fn(lower("def g(n: int) -> int:\n    x = 0\n    for i in range(n):\n        x += i\n    while x > 100:\n        x -= 1\n    return x\n"), "g");
        assertEquals(0, insns(g).stream().filter(i -> i instanceof Insn.CheckBound).count(), "assigned on every path");
        var h = fn(lower("def h(xs: list[int]) -> int:\n    for v in xs:\n        last = v\n    return last\n"), "h");
        assertEquals(1, insns(h).stream().filter(i -> i instanceof Insn.CheckBound).count(), "the loop may not run");
    }

    @Test
    void deadCodeAfterReturnIsDropped() {
        var m = lower("def f(x: int) -> int:\n    if x > 0:\n        return 1\n    else:\n        return 2\n    print('never')\n");
        var f = fn(m, "f");
        assertFalse(insns(f).stream().anyMatch(i -> i instanceof Insn.CallBuiltin));
        assertEquals(3, f.blocks().size());
    }

    @Test
    void verifierRejectsIllTypedOperands() {
        var f = fn(lower("def f(a: int) -> int:\n    return a\n"), "f");
        int s = f.newRegister(Type.STR, null);
        f.block(0).insns().add(0, new Insn.LoadStr(s, "x", f.info().span()));
        f.block(0).insns().add(1, new Insn.Arith(ArithOp.INT_ADD, 0, 0, s, f.info().span()));
        var problems = MirVerifier.verify(f);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("int.add right r1 is 'str', expected 'int'"), problems.toString());
    }

    @Test
    void verifierRejectsTemporariesReadBeforeWritten() {
        var f = fn(lower("def f(a: int) -> int:\n    return a\n"), "f");
        int t = f.newRegister(Type.INT, null);
        f.block(0).insns().add(0, new Insn.Arith(ArithOp.INT_ADD, 0, 0, t, f.info().span()));
        var problems = MirVerifier.verify(f);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("r1 read before it is written"), problems.toString());
    }

    @Test
    void verifierRejectsMissingTerminatorsAndTargets() {
        var f = fn(lower("def f(a: int) -> int:\n    return a\n"), "f");
        f.newBlock();
        f.block(0).setTerminator(new Terminator.Jump(7, f.info().span()));
        var problems = MirVerifier.verify(f);
        assertTrue(problems.stream().anyMatch(p -> p.contains("b1: no terminator")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("jump to missing block b7")), problems.toString());
    }
}
