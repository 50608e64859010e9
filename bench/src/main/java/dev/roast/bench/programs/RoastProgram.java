package dev.roast.bench.programs;

import dev.roast.bytecode.BytecodeFunction;
import dev.roast.bytecode.BytecodeModule;
import dev.roast.frontend.Frontend;
import dev.roast.frontend.diag.DiagnosticRenderer;
import dev.roast.frontend.hir.HModule;
import dev.roast.frontend.source.SourceFile;
import dev.roast.interpreter.Vm;
import dev.roast.mir.emit.BytecodeCompiler;
import dev.roast.mir.lower.HirLowering;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A Roast program compiled once, as {@code roast vm} compiles it (frontend, MIR, bytecode), to be run
 * many times in the interpreter with its output discarded: what the interpreter benchmarks time.
 */
public final class RoastProgram {
    /** The interpreter's default {@code --max-depth}. */
    private static final int MAX_DEPTH = 1000;
    private static final PrintStream NO_ERR = new PrintStream(OutputStream.nullOutputStream());

    private final HModule hir;
    private final BytecodeModule bytecode;
    private final Vm.Options options;

    private RoastProgram(HModule hir, BytecodeModule bytecode, Vm.Options options) {
        this.hir = hir;
        this.bytecode = bytecode;
        this.options = options;
    }

    /** Compiles {@code source}, to run with a heap of {@code maxHeapBytes}; a compile error is a bug in the benchmark. */
    public static RoastProgram compile(String name, String source, long maxHeapBytes) {
        Frontend.Result r = Frontend.compile(new SourceFile(name, source));
        if (!r.ok()) throw new IllegalStateException(name + " does not compile:\n" + DiagnosticRenderer.render(r.diagnostics()));
        BytecodeModule bytecode = BytecodeCompiler.compile(HirLowering.lower(r.module()));
        return new RoastProgram(r.module(), bytecode, new Vm.Options(maxHeapBytes, MAX_DEPTH, false, List.of(name)));
    }

    /**
     * Runs the program, output discarded: heap, value stack and runtime are set up and torn down each
     * time, as by {@code roast vm}. Returns the exit status (for a Blackhole: the run has an effect).
     */
    public int run() {
        return Vm.run(hir, bytecode, options, OutputStream.nullOutputStream(), NO_ERR);
    }

    /** Runs the program once and returns what it printed; fails unless it exits with 0. For checking a benchmark's program in its set-up. */
    public String output() {
        return runOnce(options)[0];
    }

    /** Runs the program once with {@code --gc-stats} and returns the collector's report ({@code gc: N collections, …}). */
    public String gcReport() {
        return runOnce(new Vm.Options(options.maxHeapBytes(), options.maxDepth(), true, options.argv()))[1].strip();
    }

    /** Runs once with {@code opts}: stdout and stderr, or an exception unless it exits with 0. */
    private String[] runOnce(Vm.Options opts) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = Vm.run(hir, bytecode, opts, out, new PrintStream(err, true, StandardCharsets.UTF_8));
        String errText = err.toString(StandardCharsets.UTF_8);
        if (status != 0) throw new IllegalStateException("exit status " + status + ": " + errText);
        return new String[] {out.toString(StandardCharsets.UTF_8), errText};
    }

    /** The bytecode of the module-level function named {@code name}. */
    public BytecodeFunction function(String name) {
        for (BytecodeFunction f : bytecode.functions()) {
            if (f.info().qualifiedName().equals(name)) return f;
        }
        throw new IllegalArgumentException("no function " + name);
    }
}
