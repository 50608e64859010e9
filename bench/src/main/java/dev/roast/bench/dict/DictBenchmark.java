package dev.roast.bench.dict;

import dev.roast.bench.RoastBenchmark;
import dev.roast.heap.DictObj;
import dev.roast.heap.HandleScope;
import dev.roast.heap.Heap;
import dev.roast.heap.Str;
import dev.roast.values.PackedValue;
import java.util.Random;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@link DictObj} lookups and stores with int keys and with str keys (real heap strings made by
 * {@link Str}), in a dict of {@code size} int keys and as many str keys. Each call uses the next key of a
 * fixed order that differs from the insertion order, so that neither the branch predictor nor the cache
 * sees the same key, or consecutive entries, every time (the index arithmetic is in the score). Str probes are equal to the stored keys but separate objects, as keys computed at run time
 * are, so a hit compares contents; {@link #getStrSameObject} probes with the stored key itself (identity,
 * as a constant key does). A string caches its hash after its first use, so these time cached hashes.
 * Building a dict is {@link DictFillBenchmark}.
 */
@State(Scope.Thread)
public class DictBenchmark extends RoastBenchmark {
    /** Keys in the dict: one that fits the first table, and one past the L1 cache. */
    @Param({"8", "4096"})
    public int size;

    private Heap heap;
    private long dict;
    private long[] intKeys, strKeys, strProbes;
    private int next;
    private int mask;

    @Setup
    public void makeDict() {
        if (Integer.bitCount(size) != 1) throw new IllegalArgumentException("size must be a power of 2: " + size);
        mask = size - 1;
        heap = new Heap(256L << 20);
        HandleScope handles = heap.handles();  // everything made here stays rooted for the trial
        intKeys = new long[size];
        strKeys = new long[size];
        strProbes = new long[size];
        int[] order = new Random(42).ints(0, Integer.MAX_VALUE).distinct().limit(size).toArray();  // distinct, shuffled
        for (int i = 0; i < size; i++) {
            intKeys[i] = PackedValue.ofInt(order[i]);
            strKeys[i] = PackedValue.ofPointer(Str.of(heap, "key" + order[i]));
            handles.push(strKeys[i]);
            strProbes[i] = PackedValue.ofPointer(Str.of(heap, "key" + order[i]));
            handles.push(strProbes[i]);
        }
        dict = DictObj.alloc(heap);
        handles.pushAddress(dict);
        for (int i = 0; i < size; i++) {
            DictObj.put(heap, dict, intKeys[i], PackedValue.ofInt(i));
            DictObj.put(heap, dict, strKeys[i], PackedValue.ofInt(i));
        }
        for (int i = 0; i < size; i++) {  // every key present, and every probe's hash cached
            if (DictObj.get(dict, intKeys[i]) != PackedValue.ofInt(i) || DictObj.get(dict, strProbes[i]) != PackedValue.ofInt(i)) {
                throw new IllegalStateException("dict lost key " + i);
            }
        }
    }

    @TearDown
    public void closeHeap() {
        heap.close();
    }

    /** The next key's index: an odd stride modulo the power-of-2 size visits every key, not in insertion order (the entries' order). */
    private int nextIndex() {
        return (next++ * 0x9E37_79B1) & mask;
    }

    @Benchmark
    public long getInt() {
        return DictObj.get(dict, intKeys[nextIndex()]);
    }

    @Benchmark
    public long getStr() {
        return DictObj.get(dict, strProbes[nextIndex()]);
    }

    @Benchmark
    public long getStrSameObject() {
        return DictObj.get(dict, strKeys[nextIndex()]);
    }

    /** {@code d[k] = v} for a key already there (no allocation). */
    @Benchmark
    public void putInt() {
        int i = nextIndex();
        DictObj.put(heap, dict, intKeys[i], PackedValue.ofInt(i));
    }

    /** {@code d[k] = v} for a str key already there, by an equal probe (no allocation). */
    @Benchmark
    public void putStr() {
        int i = nextIndex();
        DictObj.put(heap, dict, strProbes[i], PackedValue.ofInt(i));
    }
}
