package dev.roast.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The JMH settings every Roast benchmark shares, which JMH reads from a benchmark's superclasses: average
 * time per operation, 2 forks of 5 warm-up and 5 measured 1-second iterations (bench/jmh's command-line
 * options override these), and the forked JVMs' flags, among them those the {@code roast} launcher runs
 * the VM with that change its speed, so that a benchmark measures the code as {@code roast vm} runs it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {
    RoastBenchmark.NATIVE_ACCESS, RoastBenchmark.SERIAL_GC, RoastBenchmark.MAX_TRIVIAL_SIZE, RoastBenchmark.JMH_UNSAFE})
public abstract class RoastBenchmark {
    /** The heap maps and reads its memory through FFM's restricted methods (a forked JVM does not read the jar's manifest). */
    static final String NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";
    /** The launcher's collector for the JVM's own heap (program data lives off-heap). */
    static final String SERIAL_GC = "-XX:+UseSerialGC";
    /** The launcher's inlining budget for the dispatch loop's helpers (docs/architecture.md, "Dispatch"). */
    static final String MAX_TRIVIAL_SIZE = "-XX:MaxTrivialSize=24";
    /** JMH's harness (not Roast) uses sun.misc.Unsafe: allowed, so that JDK 25 prints no warning. */
    static final String JMH_UNSAFE = "--sun-misc-unsafe-memory-access=allow";
}
