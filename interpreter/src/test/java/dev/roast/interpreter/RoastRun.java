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

/** Compiles a Roast program through the whole pipeline and runs it in the interpreter (tests of ValueOps). */
final class RoastRun {
    private RoastRun() {}

    record Outcome(int status, String out, String err) {
        /** The last line of stderr: `Type: message` for an uncaught exception. */
        String lastErrorLine() {
            String[] lines = err.strip().split("\n");
            return lines[lines.length - 1];
        }
    }

    static Outcome run(String src, long maxHeap) {
        var r = Frontend.compile(new SourceFile("t.roast", src));
        assertTrue(r.ok(), () -> dev.roast.frontend.diag.DiagnosticRenderer.render(r.diagnostics()));
        var code = BytecodeCompiler.compile(HirLowering.lower(r.module()));
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = Vm.run(r.module(), code, new Vm.Options(maxHeap, 1000, false, List.of("t.roast")), out, new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Outcome run(String src) {
        return run(src, 64L << 20);
    }

    /** Runs the program and checks it succeeds with exactly this output. */
    static void assertPrints(String src, String expected) {
        Outcome o = run(src);
        assertEquals(0, o.status(), o.err());
        assertEquals(expected, o.out());
    }

    /** Runs the program and checks it fails with this last stderr line. */
    static void assertRaises(String src, String lastLine) {
        Outcome o = run(src);
        assertEquals(1, o.status(), o.err());
        assertEquals(lastLine, o.lastErrorLine(), o.err());
    }
}
