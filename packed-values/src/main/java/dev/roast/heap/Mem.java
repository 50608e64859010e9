package dev.roast.heap;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Raw memory access at absolute addresses through one global segment, exactly as machine code does.
 *
 * <p>Every heap read and write in the VM goes through here. The segment spans the whole address space, so
 * an access costs one bounds check against {@link Long#MAX_VALUE} that C2 folds away (measured: an
 * off-heap value stack read this way is as fast as a {@code long[]}). The unaligned layouts avoid an
 * alignment check; every multi-byte value is in native byte order (little-endian on x86-64).
 */
public final class Mem {
    private Mem() {}

    /** The whole address space as one segment: address {@code a} is offset {@code a}. */
    @SuppressWarnings("restricted")  // deliberate: the heap's memory is raw; run with --enable-native-access
    public static final MemorySegment ALL = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);

    static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;
    static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;
    static final ValueLayout.OfChar CHAR = ValueLayout.JAVA_CHAR_UNALIGNED;
    static final ValueLayout.OfByte BYTE = ValueLayout.JAVA_BYTE;

    public static long getLong(long address) { return ALL.get(LONG, address); }

    public static void putLong(long address, long value) { ALL.set(LONG, address, value); }

    public static int getInt(long address) { return ALL.get(INT, address); }

    public static void putInt(long address, int value) { ALL.set(INT, address, value); }

    public static char getChar(long address) { return ALL.get(CHAR, address); }

    public static void putChar(long address, char value) { ALL.set(CHAR, address, value); }

    public static byte getByte(long address) { return ALL.get(BYTE, address); }

    public static void putByte(long address, byte value) { ALL.set(BYTE, address, value); }

    /** Copies {@code bytes} bytes; the ranges may overlap (memmove semantics). */
    public static void copy(long from, long to, long bytes) {
        MemorySegment.copy(ALL, from, ALL, to, bytes);
    }

    /** Sets {@code bytes} bytes from {@code address} to zero. */
    public static void zero(long address, long bytes) {
        // Small blocks (most objects) are cheaper as a few stores than as a slice plus fill.
        if (bytes <= 128 && (bytes & 7) == 0) {
            for (long p = address, end = address + bytes; p < end; p += 8) putLong(p, 0);
        } else {
            ALL.asSlice(address, bytes).fill((byte) 0);
        }
    }
}
