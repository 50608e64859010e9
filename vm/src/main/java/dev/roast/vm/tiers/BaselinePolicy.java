package dev.roast.vm.tiers;

import dev.roast.bytecode.BytecodeFunction;
import dev.roast.codegen.memory.CodeBlock;
import dev.roast.codegen.memory.CodeCache;
import dev.roast.codegen.memory.CodeCacheFull;
import dev.roast.interpreter.ExitReason;
import dev.roast.interpreter.FunctionProfile;
import dev.roast.interpreter.NativeContext;
import dev.roast.interpreter.Program;
import dev.roast.interpreter.TierPolicy;
import dev.roast.jit.baseline.BaselineCode;
import dev.roast.jit.baseline.BaselineCompiler;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The tier policy up to the baseline JIT: a function whose calls plus weighted back-edges reach
 * --jit-threshold is compiled and installed, so calls from then on run its machine code; a loop that
 * gets the function hot while it runs in the interpreter continues in that machine code at its header
 * (on-stack replacement). Compiling happens on the program's own thread, at the moment it gets hot.
 */
public final class BaselinePolicy implements TierPolicy {
    /** Told of every baseline compile: its time and its size in bytecode instructions (for --stats). */
    public interface CompileListener {
        void compiled(long nanos, int instructions);
    }

    private final Program program;
    private final NativeContext context;
    private final TierOptions options;
    /** Made at the first compile: a program that never gets hot pays nothing for machine code. */
    private CodeCache cache;
    private final TierTrace trace;  // null without --trace-tiers
    private final CompileListener listener;
    /** Per function: its installed code and the OSR entries into it (header pc → address); absent until compiled. */
    private final Map<Integer, Map<Integer, Long>> osrEntries = new HashMap<>();
    private final Map<Integer, CodeBlock> blocks = new HashMap<>();
    private boolean cacheFull;
    /** Functions whose machine code would not pay (see {@link #pays}): they stay interpreted. */
    private final Set<Integer> staysInterpreted = new HashSet<>();

    BaselinePolicy(Program program, NativeContext context, TierOptions options, TierTrace trace, CompileListener listener) {
        this.program = program;
        this.context = context;
        this.trace = trace;
        this.listener = listener;
        this.options = options;
        int heat = Math.max(0, options.jitThreshold()) * FunctionProfile.BACK_EDGES_PER_CALL;
        for (int id = 0; id < program.functionCount(); id++) program.profile(id).setHeat(heat);
    }

    /** Makes the policy for each run. */
    public static TierPolicy.Factory factory(TierOptions options, java.io.PrintStream err, CompileListener listener) {
        return (program, context) -> new BaselinePolicy(program, context, options,
                options.trace() ? new TierTrace(err, program.hir().file()) : null, listener);
    }

    @Override
    public void functionHot(int id) {
        compile(id, -1);
    }

    @Override
    public long loopHot(int id, int headerPc) {
        Map<Integer, Long> entries = compile(id, headerPc);
        Long entry = entries == null ? null : entries.get(headerPc);
        if (entry == null) return 0;
        if (trace != null) {
            BytecodeFunction f = program.function(id);
            trace.event(trace.function(f) + ": osr interp -> baseline at loop line " + trace.line(f, headerPc) + " (pc " + headerPc + ")");
        }
        return entry;
    }

    /** Compiles and installs function id unless it has been; null if it is not (its code would not pay, or the cache is full). */
    private Map<Integer, Long> compile(int id, int loopHeader) {
        Map<Integer, Long> done = osrEntries.get(id);
        if (done != null || cacheFull || staysInterpreted.contains(id)) return done;
        BytecodeFunction f = program.function(id);
        FunctionProfile p = program.profile(id);
        long start = System.nanoTime();
        BaselineCode code = BaselineCompiler.compile(program, id);
        if (options.jitThreshold() > 0 && !pays(code.mix())) {
            staysInterpreted.add(id);
            if (listener != null) listener.compiled(System.nanoTime() - start, code.instructions());
            if (trace != null) {
                var m = code.mix();
                trace.event(trace.function(f) + ": stays in interp; its machine code would call the runtime for " + m.runtime()
                        + " of " + (m.inline() + m.calls() + m.runtime()) + " loop-weighted instructions");
            }
            return null;
        }
        long compiled = System.nanoTime();
        if (cache == null) setUp();
        long installing = System.nanoTime();  // the set-up between is traced apart
        CodeBlock block;
        try {
            block = cache.install(code.bytes());
        } catch (CodeCacheFull e) {
            cacheFull = true;
            if (trace != null) trace.event("code cache full (" + cache.limitBytes() / 1024 + " KiB, --code-cache): "
                    + trace.function(f) + " and every function not yet compiled stay in interp");
            return null;
        }
        long nanos = compiled - start + System.nanoTime() - installing;
        blocks.put(id, block);
        var entries = new HashMap<Integer, Long>();
        code.osrOffsets().forEach((pc, offset) -> entries.put(pc, block.address() + offset));
        osrEntries.put(id, entries);
        context.install(id, block.address() + code.entryOffset(), block.address() + code.directEntryOffset());
        if (listener != null) listener.compiled(nanos, code.instructions());
        if (trace != null) {
            int backEdges = 0;
            for (int l = 0; l < f.loopCount(); l++) backEdges += p.backEdges(l);
            trace.event(trace.function(f) + ": interp -> baseline; " + plural(p.calls(), "call") + ", " + plural(backEdges, "back-edge")
                    + "; " + code.bytes().length + " bytes of machine code for " + code.instructions() + " instructions in "
                    + (nanos + 500) / 1000 + " us");
        }
        return entries;
    }

    /**
     * Whether a function's machine code is likely faster than the interpreter. An instruction that machine code
     * hands to the runtime costs an upcall, ~40 ns more than the interpreter's own call of the same Java code;
     * an inline instruction saves ~6 ns, a direct call between compiled functions ~40 ns (rough measurements on
     * loop_sum, fib and dict_count; see docs/architecture.md, "Tier policy"). --jit-threshold=0 compiles everything.
     */
    static boolean pays(BaselineCode.Mix m) {
        return 6 * m.inline() + 40 * m.calls() >= 40 * m.runtime();
    }

    /**
     * The code cache and the stub calls of not-yet-compiled functions go to, at the first compile. Its cost
     * (mostly the JVM linking the libc calls behind the cache) is traced apart from any function's compile.
     */
    private void setUp() {
        long start = System.nanoTime();
        cache = new CodeCache(options.codeCacheBytes());
        context.setNotCompiledStub(cache.install(BaselineCompiler.notCompiledStub()).address());
        if (trace != null) trace.event("machine code set up: code cache of " + cache.limitBytes() / 1024 + " KiB in "
                + (System.nanoTime() - start + 500) / 1000 + " us");
    }

    private static String plural(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    @Override
    public void leftMachineCode(int id, int pc, ExitReason reason, String detail) {
        if (trace == null || reason == ExitReason.NOT_COMPILED) return;
        BytecodeFunction f = program.function(id);
        trace.event(trace.function(f) + ": exit baseline -> interp at line " + trace.line(f, pc) + " (pc " + pc + "): "
                + reason.text() + (detail == null ? "" : " " + detail));
    }

    @Override
    public void close() {
        if (cache != null) cache.close();
    }
}
