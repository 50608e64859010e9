package dev.roast.interpreter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roast.frontend.Frontend;
import dev.roast.frontend.source.SourceFile;
import dev.roast.mir.emit.BytecodeCompiler;
import dev.roast.mir.lower.HirLowering;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class VmTest {
    private record Outcome(int status, String out, String err) {}

    private static Outcome run(String src, Vm.Options options) {
        var r = Frontend.compile(new SourceFile("t.roast", src));
        assertTrue(r.ok(), () -> dev.roast.frontend.diag.DiagnosticRenderer.render(r.diagnostics()));
        var code = BytecodeCompiler.compile(HirLowering.lower(r.module()));
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = Vm.run(r.module(), code, options, out, new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Outcome run(String src, int maxDepth) {
        return run(src, new Vm.Options(64L << 20, maxDepth, false, List.of("t.roast")));
    }

    private static Outcome run(String src) {
        return run(src, 1000);
    }

    @Test
    void runsTypedRecursionAndLoops() {
        var o = run("""
                def fib(n: int) -> int:
                    if n < 2:
                        return n
                    return fib(n - 1) + fib(n - 2)

                def total(n: int) -> int:
                    t = 0
                    i = 0
                    while i < n:
                        t = (t + i * 7) % 1_000_003
                        i += 1
                    return t

                print(fib(20), total(10000))
                """);
        assertEquals(0, o.status(), o.err());
        assertEquals("6765 " + expectedTotal(10000) + "\n", o.out());
    }

    private static long expectedTotal(int n) {
        long t = 0;
        for (int i = 0; i < n; i++) t = (t + i * 7L) % 1_000_003;
        return t;
    }

    @Test
    void floatsPrintAsPython() {
        var o = run("x = 0.1 + 0.2\ny = 1e16\nz = 2.0 / 3.0\nprint(x, y, z, 1.0, -0.0, 7 / 2)\n");
        assertEquals("0.30000000000000004 1e+16 0.6666666666666666 1.0 -0.0 3.5\n", o.out());
    }

    @Test
    void intsBeyond48BitsAreBoxedAndOverflowIsAnError() {
        var o = run("a = 1 << 47\nb = a * 1000\nprint(b, b - b + 1)\nc = b * b\n");
        assertEquals(String.valueOf((1L << 47) * 1000) + " 1\n", o.out());
        assertEquals(1, o.status());
        assertTrue(o.err().endsWith("OverflowError: integer overflow\n"), o.err());
    }

    @Test
    void uncaughtErrorsPrintAPythonTraceback() {
        var o = run("def divide(a: int, b: int) -> int:\n    return a // b\n\ndef outer() -> int:\n    return divide(1, 0)\n\nprint(\"before\")\nprint(outer())\n");
        assertEquals(1, o.status());
        assertEquals("before\n", o.out());
        assertEquals("""
                Traceback (most recent call last):
                  File "t.roast", line 8, in <module>
                  File "t.roast", line 5, in outer
                  File "t.roast", line 2, in divide
                ZeroDivisionError: integer division or modulo by zero
                """, o.err());
    }

    @Test
    void recursionLimitRaisesRecursionError() {
        var o = run("def down(n: int) -> int:\n    return down(n + 1)\nprint(down(0))\n", 50);
        assertEquals(1, o.status());
        // <module> and 49 frames of down, collapsed as CPython does after three identical lines.
        assertEquals("""
                Traceback (most recent call last):
                  File "t.roast", line 3, in <module>
                  File "t.roast", line 2, in down
                  File "t.roast", line 2, in down
                  File "t.roast", line 2, in down
                  [Previous line repeated 46 more times]
                RecursionError: maximum recursion depth exceeded
                """, o.err());
    }

    @Test
    void sysArgvIsOneListOfTheGivenWords() {
        var o = run("""
                import sys
                keep = sys.argv
                def add(w: str) -> None:
                    sys.argv.append(w)
                add('x')
                print(keep, keep is sys.argv, len(sys.argv))
                """, new Vm.Options(64L << 20, 1000, false, List.of("p.roast", "a b", "--debug")));
        assertEquals(0, o.status(), o.err());
        assertEquals("['p.roast', 'a b', '--debug', 'x'] True 4\n", o.out());
    }

    @Test
    void sysArgvIsAGcRoot() {
        // Only the runtime refers to the list while the loop's garbage forces collections.
        var o = run("""
                import sys
                def churn() -> None:
                    i = 0
                    while i < 300000:
                        xs = [str(i), str(i + 1)]
                        i += 1
                churn()
                print(sys.argv)
                """, new Vm.Options(16L << 20, 1000, true, List.of("p.roast", "one", "two")));
        assertEquals(0, o.status(), o.err());
        assertEquals("['p.roast', 'one', 'two']\n", o.out());
        assertTrue(o.err().startsWith("gc: ") && !o.err().startsWith("gc: 0 collections"), o.err());
    }

    @Test
    void sysExitEndsTheProgramFromAnyDepthWithoutATraceback() {
        String nested = """
                import sys
                def inner(n: int) -> None:
                    if n == 0:
                        sys.exit(%s)
                    inner(n - 1)
                print('before')
                inner(5)
                print('not reached')
                """;
        var o = run(nested.formatted("3"));
        assertEquals(3, o.status());
        assertEquals("before\n", o.out());
        assertEquals("", o.err());
        o = run(nested.formatted("'bye'"));
        assertEquals(1, o.status());
        assertEquals("before\n", o.out());
        assertEquals("bye\n", o.err());
        o = run(nested.formatted("[1, 'a']"));
        assertEquals(1, o.status());
        assertEquals("[1, 'a']\n", o.err());
        assertEquals(0, run(nested.formatted("")).status());
        assertEquals(0, run(nested.formatted("None")).status());
        assertEquals(1, run(nested.formatted("True")).status());
        assertEquals(0, run(nested.formatted("False")).status());
        // Through Java runtime code that calls back into Roast (a sort key).
        o = run("import sys\ndef k(x: int) -> int:\n    if x == 2:\n        sys.exit(4)\n    return x\nprint(sorted([3, 2, 1], key=k))\n");
        assertEquals(4, o.status());
        assertEquals("", o.out() + o.err());
    }

    @Test
    void unboundLocalsAndGlobalsRaiseNameErrors() {
        var o = run("def f(n: int) -> int:\n    if n > 0:\n        x = n\n    return x\nprint(f(1))\nprint(f(0))\n");
        assertEquals("1\n", o.out());
        assertTrue(o.err().endsWith("UnboundLocalError: cannot access local variable 'x' where it is not associated with a value\n"), o.err());
    }
}
