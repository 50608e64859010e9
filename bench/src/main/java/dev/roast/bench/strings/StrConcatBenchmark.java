package dev.roast.bench.strings;

import dev.roast.bench.RoastBenchmark;
import dev.roast.heap.HandleScope;
import dev.roast.heap.Heap;
import dev.roast.heap.Str;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@link Str#concat} of two strings of {@code length} code points each: both Latin-1 (one byte per code
 * point: a block copy), and Latin-1 + a string with a code point past U+00FF (two bytes per code point:
 * the Latin-1 half is widened code point by code point). The score is ns per concatenation, the
 * allocation and the collector's amortised share included (results die at once).
 */
@State(Scope.Thread)
public class StrConcatBenchmark extends RoastBenchmark {
    /** Code points in each operand. */
    @Param({"8", "256"})
    public int length;

    private Heap heap;
    private long latin1, latin1Other, wide;

    @Setup
    public void makeStrings() {
        heap = new Heap(256L << 20);
        HandleScope handles = heap.handles();  // the operands stay rooted for the trial
        latin1 = Str.of(heap, "a".repeat(length - 1) + "é");
        handles.pushAddress(latin1);
        latin1Other = Str.of(heap, "b".repeat(length));
        handles.pushAddress(latin1Other);
        wide = Str.of(heap, "c".repeat(length - 1) + "€");
        handles.pushAddress(wide);
        if (Str.width(latin1) != 1 || Str.width(wide) != 2) throw new IllegalStateException("operand widths changed");
    }

    @TearDown
    public void closeHeap() {
        heap.close();
    }

    @Benchmark
    public long latin1() {
        return Str.concat(heap, latin1, latin1Other);
    }

    @Benchmark
    public long widening() {
        return Str.concat(heap, latin1, wide);
    }
}
