package dev.roast.bench.interpreter;

import dev.roast.bench.RoastBenchmark;
import dev.roast.bench.programs.InstructionCount;
import dev.roast.bench.programs.RoastProgram;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The interpreter's cost per call of a tiny function: a loop making {@value #CALLS} calls of
 * {@code inc(x) = x + 1}, run by {@code Vm.run} per invocation; the score is ns per call, loop included.
 *
 * <p>Per call ({@code roast dis --bytecode}; checked in {@link #compile}): typed, the loop's
 * {@code jump_unless_lt_int}, {@code call_direct}, {@code add_int_imm}, {@code jump_loop} and the callee's
 * {@code add_int_imm}, {@code return} (6 instructions); untyped ({@code def inc_any(x)}), the same plus a
 * {@code check_type} of the {@code any} result back to int (7), and the callee adds with
 * {@code arith_any}. {@link DispatchBenchmark} gives the cost of the instructions around the call.
 */
@State(Scope.Thread)
public class CallBenchmark extends RoastBenchmark {
    static final int CALLS = 1_000_000;

    static final String TYPED = """
            def inc(x: int) -> int:
                return x + 1

            def main(n: int) -> int:
                total = 0
                i = 0
                while i < n:
                    total = inc(total)
                    i += 1
                return total

            print(main(%d))
            """.formatted(CALLS);

    static final String UNTYPED = """
            def inc(x):
                return x + 1

            def main(n: int) -> int:
                total = 0
                i = 0
                while i < n:
                    total = inc(total)
                    i += 1
                return total

            print(main(%d))
            """.formatted(CALLS);

    private RoastProgram typed, untyped;

    @Setup
    public void compile() {
        typed = check("calls.roast", TYPED, 4, 2);
        untyped = check("calls_any.roast", UNTYPED, 5, 2);
    }

    private static RoastProgram check(String name, String source, int loop, int callee) {
        var p = RoastProgram.compile(name, source, 64L << 20);
        InstructionCount.expect(name + ", loop", loop, InstructionCount.perIteration(p.function("main")));
        InstructionCount.expect(name + ", callee", callee, InstructionCount.straightLine(p.function("inc")));
        if (!p.output().equals(CALLS + "\n")) throw new IllegalStateException(name + " did not print " + CALLS);
        return p;
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public int typedCall() {
        return typed.run();
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public int untypedCall() {
        return untyped.run();
    }
}
