package dev.roast.bench.dict;

import dev.roast.bench.RoastBenchmark;
import dev.roast.heap.DictObj;
import dev.roast.heap.HandleScope;
import dev.roast.heap.Heap;
import dev.roast.heap.Str;
import dev.roast.values.PackedValue;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Building a {@link DictObj}: a new dict filled with {@value #KEYS} str keys, which grows it through
 * several tables (8, 16, 32, 64, 128 index slots); the score is ns per key, allocation, growth and the
 * collector's amortised share included (the dicts die at once).
 */
@State(Scope.Thread)
public class DictFillBenchmark extends RoastBenchmark {
    static final int KEYS = 64;

    private Heap heap;
    private long[] keys;

    @Setup
    public void makeKeys() {
        heap = new Heap(256L << 20);
        HandleScope handles = heap.handles();  // the keys stay rooted for the trial
        keys = new long[KEYS];
        for (int i = 0; i < KEYS; i++) {
            keys[i] = PackedValue.ofPointer(Str.of(heap, "name" + i));
            handles.push(keys[i]);
            Str.hash(PackedValue.asPointer(keys[i]));  // cached from now on, as a program's keys are after first use
        }
    }

    @TearDown
    public void closeHeap() {
        heap.close();
    }

    @Benchmark
    @OperationsPerInvocation(KEYS)
    public long fill() {
        long d = DictObj.alloc(heap);  // put roots the dict while it allocates; nothing else allocates here
        for (int i = 0; i < KEYS; i++) DictObj.put(heap, d, keys[i], PackedValue.ofInt(i));
        return d;
    }
}
