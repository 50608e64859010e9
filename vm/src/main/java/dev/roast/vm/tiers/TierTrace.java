package dev.roast.vm.tiers;

import dev.roast.bytecode.BytecodeFunction;
import dev.roast.frontend.source.SourceFile;
import java.io.PrintStream;

/**
 * --trace-tiers: one line per event on stderr, for people first. Each line starts with the time since the
 * program started and names the function with its {@code file:line}; then what happened (README.md,
 * "Watching the tiers", documents the format).
 */
final class TierTrace {
    private final PrintStream err;
    private final SourceFile file;
    private final long startNanos = System.nanoTime();

    TierTrace(PrintStream err, SourceFile file) {
        this.err = err;
        this.file = file;
    }

    /** "fib (fib.roast:3)". */
    String function(BytecodeFunction f) {
        return f.info().name() + " (" + file.name() + ":" + file.line(f.info().span().start()) + ")";
    }

    /** The source line of the instruction at pc. */
    int line(BytecodeFunction f, int pc) {
        return file.line(f.positions()[pc]);
    }

    /**
     * Prints the line, the time as {@code %9.3f} would but by hand: the JVM's first {@code printf} loads
     * locale data and regular expressions, ~40 ms that would land in the middle of the program being traced.
     */
    void event(String text) {
        long micros = (System.nanoTime() - startNanos) / 1000;
        String ms = Long.toString(micros / 1000);
        String frac = Long.toString(1000 + micros % 1000).substring(1);
        err.println("[tiers " + " ".repeat(Math.max(0, 5 - ms.length())) + ms + "." + frac + " ms] " + text);
    }
}
