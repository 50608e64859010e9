package dev.roast.bench.interpreter;

import dev.roast.bench.RoastBenchmark;
import dev.roast.bench.programs.RoastProgram;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The fixed cost of one {@code Vm.run} in a warm JVM: an almost empty program (one function called
 * once), so that what the other interpreter benchmarks spend setting up heap, value stack and runtime
 * per invocation is known, and shown to be small next to their loops.
 */
@State(Scope.Thread)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class VmStartBenchmark extends RoastBenchmark {
    static final String SOURCE = """
            def main(n: int) -> int:
                return n

            print(main(1))
            """;

    private RoastProgram program;

    @Setup
    public void compile() {
        program = RoastProgram.compile("start.roast", SOURCE, 64L << 20);  // as DispatchBenchmark and CallBenchmark
        if (!program.output().equals("1\n")) throw new IllegalStateException("start.roast did not print 1");
    }

    @Benchmark
    public int emptyProgram() {
        return program.run();
    }
}
