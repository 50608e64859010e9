package dev.roast.bench.heap;

import dev.roast.bench.RoastBenchmark;
import dev.roast.heap.GcStats;
import dev.roast.heap.HandleScope;
import dev.roast.heap.Heap;
import dev.roast.heap.Instance;
import dev.roast.heap.ListObj;
import dev.roast.values.PackedValue;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Allocation and collection throughput of the heap ({@link Heap}), called from Java as the runtime calls
 * it: every object dies at once (nothing roots it), and a collection runs every {@value #GC_EVERY_MIB} MiB
 * allocated, so the score is ns per allocation with the collector's share amortised into it. With
 * {@code liveObjects} > 0 a list of that many instances stays alive in the handle scope, which every
 * collection marks (and the threshold becomes twice the live bytes). The trial's collection count and
 * pause time are printed at the end of each fork.
 */
@State(Scope.Thread)
public class AllocationBenchmark extends RoastBenchmark {
    static final int GC_EVERY_MIB = 4;

    /** Objects that survive every collection: 0, or a live set of a few MiB to mark. */
    @Param({"0", "100000"})
    public int liveObjects;

    private Heap heap;

    @Setup(Level.Trial)
    public void makeHeap() {
        heap = new Heap(256L << 20, (long) GC_EVERY_MIB << 20);
        HandleScope handles = heap.handles();
        int list = handles.pushAddress(ListObj.alloc(heap, liveObjects));
        for (int i = 0; i < liveObjects; i++) {
            long node = Instance.alloc(heap, 0, 2);  // may collect: the list is rooted, the new node not yet needed
            ListObj.append(heap, PackedValue.asPointer(handles.get(list)), PackedValue.ofPointer(node));
        }
        heap.collect();  // start every trial from the same state: live set marked once, the rest free
    }

    @TearDown(Level.Trial)
    public void report() {
        GcStats s = heap.stats();
        // Printed by the fork between JMH's "Iteration N:" and its score: hence the line breaks around it.
        System.out.printf("%n  (this trial: %d collections, pauses %.1f ms in all (max %.2f ms), %.0f MiB allocated, %.1f MiB live)%n",
                s.collections(), s.totalPauseNanos() / 1e6, s.maxPauseNanos() / 1e6, s.allocatedBytes() / 1048576.0,
                s.liveBytes() / 1048576.0);
        heap.close();
    }

    /** A 32-byte instance with two fields (binary_trees' Node): header, class id, two UNBOUND words. */
    @Benchmark
    public long instance() {
        return Instance.alloc(heap, 0, 2);
    }

    /** An empty list with room for 4 items: two blocks (the 32-byte LIST and its 40-byte ITEMS), the list rooted in between. */
    @Benchmark
    public long listOfCapacity4() {
        return ListObj.alloc(heap, 4);
    }
}
