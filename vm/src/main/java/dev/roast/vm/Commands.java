package dev.roast.vm;

import dev.roast.frontend.CompilerFailure;
import dev.roast.frontend.Frontend;
import dev.roast.frontend.diag.DiagnosticRenderer;
import dev.roast.frontend.hir.HirPrinter;
import dev.roast.frontend.source.SourceFile;
import dev.roast.bytecode.Disassembler;
import dev.roast.interpreter.Vm;
import dev.roast.mir.MirModule;
import dev.roast.mir.emit.BytecodeCompiler;
import dev.roast.mir.MirPrinter;
import dev.roast.mir.lower.HirLowering;
import dev.roast.mir.verify.MirVerifier;
import dev.roast.vm.stats.RunStats;
import dev.roast.vm.stats.StatsFile;
import dev.roast.vm.stats.StatsJson;
import java.io.IOException;
import dev.roast.codegen.x64.DisassemblyException;
import dev.roast.jit.baseline.BaselineCompiler;
import dev.roast.vm.tiers.BaselinePolicy;
import dev.roast.vm.tiers.MachineListing;
import dev.roast.vm.tiers.TierOptions;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Properties;

/** Carries out a parsed command line. */
final class Commands {
    private Commands() {}

    static int run(CommandLine.Command command, PrintStream out, PrintStream err) {
        return switch (command) {
            case CommandLine.Help h -> {
                out.print(CommandLine.USAGE);
                yield 0;
            }
            case CommandLine.Version v -> {
                out.println("roast " + version());
                yield 0;
            }
            case CommandLine.Run r -> r.statsFile() == null ? runProgram(r, out, err, null) : runMeasured(r, out, err);
            case CommandLine.Train t -> {
                // Loads and exercises every stage so the AOT cache holds them; output goes nowhere.
                var devNull = new PrintStream(java.io.OutputStream.nullOutputStream());
                for (String file : t.files()) {
                    Frontend.Result r = compile(file, devNull);
                    if (r != null && r.ok()) {
                        var bytecode = BytecodeCompiler.compile(HirLowering.lower(r.module()));
                        // The baseline JIT's classes too: a cold first compile is mostly class loading and linking.
                        Vm.inspect(r.module(), bytecode, program -> {
                            for (int id = 0; id < program.functionCount(); id++) BaselineCompiler.compile(program, id);
                            return null;
                        });
                    }
                }
                if (!t.files().isEmpty()) {
                    run(CommandLine.parse(new String[] {"vm", t.files().get(0)}), devNull, devNull);
                    run(CommandLine.parse(new String[] {"vm", "--jit-threshold=0", t.files().get(0)}), devNull, devNull);
                }
                yield 0;
            }
            case CommandLine.Check c -> {
                int status = 0;
                for (String file : c.files()) {
                    Frontend.Result r = compile(file, err);
                    // Steady-state timing for benchmarks: recompile in this JVM, keep the last result.
                    for (int i = 1; r != null && r.ok() && i < c.repeat(); i++) r = Frontend.compile(r.file());
                    if (r == null || !r.ok()) status = 2;
                    if (r != null && c.time()) {
                        err.printf("frontend: parse %.2f ms, check %.2f ms, %d lines%n",
                                r.parseNanos() / 1e6, r.checkNanos() / 1e6, r.file().lineCount());
                    }
                }
                yield status;
            }
            case CommandLine.Dis d -> {
                Frontend.Result r = compile(d.file(), err);
                if (r == null || !r.ok()) yield 2;
                if (d.what().equals("hir")) {
                    out.print(HirPrinter.print(r.module()));
                } else {
                    MirModule mir = HirLowering.lower(r.module());
                    var problems = MirVerifier.verify(mir);
                    if (!problems.isEmpty()) {
                        throw new CompilerFailure(new IllegalStateException("invalid MIR: " + problems.get(0)), r.file().name());
                    }
                    if (d.what().equals("mir")) out.print(MirPrinter.print(mir));
                    else if (d.what().equals("bytecode")) out.print(Disassembler.print(BytecodeCompiler.compile(mir), r.file()));
                    else {
                        try {
                            out.print(MachineListing.of(r.module(), BytecodeCompiler.compile(mir)));
                        } catch (DisassemblyException e) {
                            err.println("roast: " + e.getMessage());
                            yield 1;
                        }
                    }
                }
                yield 0;
            }
        };
    }

    /** `roast vm`: compiles and runs, telling {@code stats} (null: nothing measured) what happens. */
    private static int runProgram(CommandLine.Run r, PrintStream out, PrintStream err, RunStats stats) {
        Frontend.Result compiled = compile(r.file(), err);
        if (compiled == null || !compiled.ok()) return 2;
        long start = System.nanoTime();
        MirModule mir = HirLowering.lower(compiled.module());
        var bytecode = stats == null ? BytecodeCompiler.compile(mir) : BytecodeCompiler.compile(mir, stats::bytecodeCompiled);
        var argv = new ArrayList<String>();
        argv.add(r.file());  // as given on the command line, like CPython's sys.argv[0]
        argv.addAll(r.args());
        var tiers = r.tiers().maxTier() == TierOptions.Tier.INTERP ? null
                : BaselinePolicy.factory(r.tiers(), err, stats == null ? null : stats::baselineCompiled);
        var options = new Vm.Options(r.maxHeapBytes(), r.maxDepth(), r.gcStats(), argv, tiers);
        if (stats == null) return Vm.run(compiled.module(), bytecode, options, out, err);
        stats.compiled(compiled.parseNanos() + compiled.checkNanos() + System.nanoTime() - start);
        return Vm.run(compiled.module(), bytecode, options, stats.stdout(out), err, stats);
    }

    /**
     * `roast vm --stats=OUT.json`: the file is checked before anything runs (exit 2 if it cannot be written),
     * and written when the program has ended, however it ended; not if it did not compile.
     */
    private static int runMeasured(CommandLine.Run r, PrintStream out, PrintStream err) {
        StatsFile file;
        try {
            file = StatsFile.check(r.statsFile());
        } catch (StatsFile.Unwritable e) {
            err.println("roast: " + e.getMessage());
            return 2;
        }
        var stats = new RunStats();
        int status = runProgram(r, out, err, stats);
        if (stats.ran()) {
            try {
                file.write(StatsJson.render(stats, r.file(), status));
            } catch (StatsFile.Unwritable e) {
                err.println("roast: " + e.getMessage());  // the program's own status stands: it ran
            }
        }
        return status;
    }

    /** Compiles a file, printing its diagnostics; null if it could not be read. */
    private static Frontend.Result compile(String name, PrintStream err) {
        SourceFile file;
        try {
            file = SourceLoader.load(name);
        } catch (SourceLoader.LoadError e) {
            err.println("roast: " + e.getMessage());
            return null;
        }
        Frontend.Result r = Frontend.compile(file);
        if (!r.ok()) err.print(DiagnosticRenderer.render(r.diagnostics()));
        return r;
    }

    static String version() {
        try (InputStream in = Commands.class.getResourceAsStream("version.properties")) {
            var p = new Properties();
            if (in != null) p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
