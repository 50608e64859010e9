package dev.roast.bench.heap;

import dev.roast.bench.RoastBenchmark;
import dev.roast.bench.programs.RoastProgram;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Allocation and collection as a Roast program does them: the bench suite's binary_trees
 * (../shared/bench/programs) at depth {@value #DEPTH}, run by {@code Vm.run} per invocation in the smallest
 * heap there is (1 MiB, so that it collects several times per run); the score is ns per tree node, which
 * covers allocating it in {@code make}, two calls, and visiting it in {@code check}.
 *
 * <p>The program allocates {@value #NODES} nodes (a stretch tree of depth 11, the long-lived tree of
 * depth 10, and 2^(14−d) trees of each depth d = 4, 6, 8, 10); {@link #compile} checks that against the
 * sum of the node counts it prints. Set-up per run is ~0.1% of the time ({@code VmStartBenchmark}).
 */
@State(Scope.Thread)
public class BinaryTreesBenchmark extends RoastBenchmark {
    static final int DEPTH = 10;
    static final int NODES = 135_854;

    static final String SOURCE = """
            class Node:
                def __init__(self, left: "Node", right: "Node"):
                    self.left: Node = left
                    self.right: Node = right


            def make(depth: int) -> Node:
                if depth == 0:
                    return Node(None, None)
                return Node(make(depth - 1), make(depth - 1))


            def check(node: Node) -> int:
                if node.left is None:
                    return 1
                return 1 + check(node.left) + check(node.right)


            def main(max_depth: int) -> None:
                min_depth = 4
                stretch = max_depth + 1
                print(f"stretch tree of depth {stretch}\\t check: {check(make(stretch))}")
                long_lived = make(max_depth)
                depth = min_depth
                while depth <= max_depth:
                    iterations = 1 << (max_depth - depth + min_depth)
                    total = 0
                    for _ in range(iterations):
                        total += check(make(depth))
                    print(f"{iterations}\\t trees of depth {depth}\\t check: {total}")
                    depth += 2
                print(f"long lived tree of depth {max_depth}\\t check: {check(long_lived)}")


            main(%d)
            """.formatted(DEPTH);

    private RoastProgram program;

    @Setup
    public void compile() {
        program = RoastProgram.compile("binary_trees.roast", SOURCE, 1L << 20);
        long nodes = 0;
        Matcher m = Pattern.compile("check: (\\d+)").matcher(program.output());
        while (m.find()) nodes += Long.parseLong(m.group(1));
        if (nodes != NODES) throw new IllegalStateException("binary_trees.roast made " + nodes + " nodes, not " + NODES);
        System.out.printf("%n  (one run: %s)%n", program.gcReport());  // amid JMH's first iteration line
    }

    @Benchmark
    @OperationsPerInvocation(NODES)
    public int node() {
        return program.run();
    }
}
