package dev.roast.vm.tiers;

import dev.roast.interpreter.Program;
import dev.roast.jit.baseline.BaselineCompiler;

/**
 * Compiles the program's own functions with the baseline compiler on a background thread, for a bounded
 * time at the start of a run, throwing the code away: the JVM then has linked and JIT-compiled the
 * compiler before the first hot function needs it (a cold compile costs milliseconds, nearly all of it
 * the JVM warming up the compiler's own code). It uses the second core while the program starts in the
 * interpreter; the compiler only reads the loaded program, so it may run beside the program's thread.
 */
final class CompilerWarmUp implements Runnable {
    /** How long the warm-up may run (wall time), and how much bytecode it compiles at most. */
    static final long BUDGET_NANOS = 40_000_000L;
    static final int MAX_INSTRUCTIONS = 200_000;

    private final Program program;
    private volatile boolean stop;

    private CompilerWarmUp(Program program) {
        this.program = program;
    }

    /** Starts warming up for {@code program}; the returned handle stops it early. */
    static CompilerWarmUp start(Program program) {
        var w = new CompilerWarmUp(program);
        Thread t = Thread.ofPlatform().name("roast-jit-warm-up").daemon().priority(Thread.MIN_PRIORITY).unstarted(w);
        t.start();
        return w;
    }

    void stop() {
        stop = true;
    }

    @Override
    public void run() {
        long deadline = System.nanoTime() + BUDGET_NANOS;
        int compiled = 0;
        try {
            while (!stop && compiled < MAX_INSTRUCTIONS && System.nanoTime() < deadline) {
                for (int id = 0; id < program.functionCount() && !stop; id++) {
                    compiled += BaselineCompiler.compile(program, id).instructions();
                }
            }
        } catch (Throwable t) {
            // A compiler bug shows up again, with a proper report, when the program's thread compiles.
        }
    }
}
