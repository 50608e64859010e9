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
 * The interpreter's cost per bytecode instruction on typed int code: a loop of {@value #ITERATIONS}
 * iterations, each {@value #PER_ITERATION} instructions (compare-and-branch, int subtract, multiply and add, the
 * counter's add-immediate, the back-edge), run by {@code Vm.run} per invocation; the score is ns per instruction.
 *
 * <p>The count per iteration is decoded from the compiled loop in {@link #compile} (the instructions from
 * the {@code JUMP_LOOP}'s target to it, as {@code roast dis --bytecode} shows them) and checked against
 * {@value #PER_ITERATION}. The ~10 instructions outside the loop and {@code Vm.run}'s set-up (heap, value
 * stack, runtime: see {@link VmStartBenchmark}) are counted in the time but not in the operations; at
 * this N they are well under 1% of it.
 */
@State(Scope.Thread)
public class DispatchBenchmark extends RoastBenchmark {
    static final int ITERATIONS = 1_000_000;
    static final int PER_ITERATION = 6;

    // jump_unless_lt_int, sub_int, mul_int (3 in a constant slot), add_int, add_int_imm, jump_loop: all of them
    // have an inline fast path in the dispatch loop (and/or/xor would go through Runtime.slowOp). Values stay
    // far inside the 48-bit inline ints: 0 <= a <= i, b < 3n^2/2.
    static final String SOURCE = """
            def main(n: int) -> int:
                a = 0
                b = 0
                i = 0
                while i < n:
                    a = i - a
                    b = b + a * 3
                    i += 1
                return b

            print(main(%d))
            """.formatted(ITERATIONS);

    private RoastProgram program;

    @Setup
    public void compile() {
        program = RoastProgram.compile("dispatch.roast", SOURCE, 64L << 20);
        InstructionCount.expect("dispatch loop", PER_ITERATION, InstructionCount.perIteration(program.function("main")));
        String expected = expected() + "\n";
        if (!program.output().equals(expected)) throw new IllegalStateException("dispatch.roast did not print " + expected);
    }

    /** What the program prints, computed in Java. */
    private static long expected() {
        long a = 0, b = 0;
        for (long i = 0; i < ITERATIONS; i++) {
            a = i - a;
            b = b + a * 3;
        }
        return b;
    }

    @Benchmark
    @OperationsPerInvocation(ITERATIONS * PER_ITERATION)
    public int instruction() {
        return program.run();
    }
}
