package dev.roast.bench.values;

import dev.roast.bench.RoastBenchmark;
import dev.roast.values.PackedValue;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The value word's encoders, decoders, kind tests and inline int arithmetic ({@link PackedValue}), one
 * call per operation. Inputs are non-final {@code @State} fields, so C2 cannot fold them, and every result
 * is returned to JMH, so it cannot be dropped. Each is a few machine instructions: compare a score with
 * {@link #baseline} (the same field read and return, nothing else), which is JMH's own cost per call.
 */
@State(Scope.Thread)
public class PackedValueBenchmark extends RoastBenchmark {
    // Operands (not constants: JMH reads them from this object on every call).
    public long small = 12_345, other = -678;
    public long big = 1L << 40;  // fits inline; big * big does not
    public double real = 2.5;
    public double nan = Double.longBitsToDouble(0x7FF0_0000_0000_0123L);  // a non-canonical NaN: the slow arm of ofDouble
    public long address = 0x7F12_3456_7890L;

    // Encoded words of the operands.
    public long intWord = PackedValue.ofInt(small), otherWord = PackedValue.ofInt(other);
    public long doubleWord = PackedValue.ofDouble(real);
    public long pointerWord = PackedValue.ofPointer(address);

    @Benchmark
    public long baseline() { return small; }

    @Benchmark
    public long ofInt() { return PackedValue.ofInt(small); }

    @Benchmark
    public long asInt() { return PackedValue.asInt(intWord); }

    @Benchmark
    public boolean isInt() { return PackedValue.isInt(intWord); }

    @Benchmark
    public boolean isDouble() { return PackedValue.isDouble(intWord); }

    @Benchmark
    public long ofDouble() { return PackedValue.ofDouble(real); }

    @Benchmark
    public long ofDoubleNaN() { return PackedValue.ofDouble(nan); }

    @Benchmark
    public double asDouble() { return PackedValue.asDouble(doubleWord); }

    @Benchmark
    public long ofPointer() { return PackedValue.ofPointer(address); }

    @Benchmark
    public long asPointer() { return PackedValue.asPointer(pointerWord); }

    @Benchmark
    public long addExact48() { return PackedValue.addExact48(small, other); }

    @Benchmark
    public long subExact48() { return PackedValue.subExact48(small, other); }

    @Benchmark
    public long mulExact48() { return PackedValue.mulExact48(small, other); }

    /** A product past 48 bits: the NOT_INLINE sentinel, which the interpreter then boxes. */
    @Benchmark
    public long mulExact48Overflow() { return PackedValue.mulExact48(big, big); }

    /** Word in, word out, as the interpreter adds two int words: test both tags, decode, add exactly, encode. */
    @Benchmark
    public long addIntWords() {
        long a = intWord, b = otherWord;
        if (PackedValue.isInt(a) && PackedValue.isInt(b)) {
            long r = PackedValue.addExact48(PackedValue.asInt(a), PackedValue.asInt(b));
            if (r != PackedValue.NOT_INLINE) return PackedValue.ofInt(r);
        }
        return PackedValue.NONE;  // not reached: the interpreter's slow path would box or raise
    }
}
