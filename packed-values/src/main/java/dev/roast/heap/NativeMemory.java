package dev.roast.heap;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * Page-level memory from the OS: {@code mmap}, {@code munmap}, {@code madvise}, all through one FFM
 * downcall to libc's {@code syscall}. One binding rather than one per function because the JVM generates
 * code for every distinct downcall shape, ~10 ms each in a cold run, and every run starts with a heap.
 * Linux x86-64 only (the system call numbers are x86-64's; the flag values are Linux's).
 */
final class NativeMemory {
    private NativeMemory() {}

    static final int PROT_READ = 1, PROT_WRITE = 2;
    static final int MAP_PRIVATE = 0x02, MAP_ANONYMOUS = 0x20, MAP_NORESERVE = 0x4000;
    static final int MADV_DONTNEED = 4;
    static final long PAGE = 4096;
    private static final long SYS_MMAP = 9, SYS_MUNMAP = 11, SYS_MADVISE = 28;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO_HANDLE =
            CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    /** {@code long syscall(long number, ...)} with six long arguments; -1 and errno on failure. */
    private static final MethodHandle SYSCALL = syscall();

    @SuppressWarnings("restricted")  // deliberate: libc's syscall; run with --enable-native-access
    private static MethodHandle syscall() {
        MemorySegment fn = LINKER.defaultLookup().find("syscall")
                .orElseThrow(() -> new UnsatisfiedLinkError("libc has no syscall"));
        var word = ValueLayout.JAVA_LONG;
        return LINKER.downcallHandle(fn, FunctionDescriptor.of(word, word, word, word, word, word, word, word),
                Linker.Option.captureCallState("errno"), Linker.Option.firstVariadicArg(1));
    }

    /** System call {@code number} with up to six arguments (unused ones 0): its result, -1 with errno in state on failure. */
    private static long call(MemorySegment state, long number, long a, long b, long c, long d, long e, long f) {
        try {
            return (long) SYSCALL.invokeExact(state, number, a, b, c, d, e, f);
        } catch (RuntimeException | Error x) {
            throw x;
        } catch (Throwable t) {
            throw new IllegalStateException("syscall " + number + " downcall failed", t);
        }
    }

    /**
     * Reserves {@code bytes} of address space, readable and writable, backed by nothing until touched:
     * MAP_NORESERVE so that neither RAM nor swap is committed for the reservation, anonymous so that
     * every page reads as zero on first touch. Returns the (page-aligned) address.
     */
    static long reserve(long bytes) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            long a = call(state, SYS_MMAP, 0L, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0L);
            if (a == -1L) {
                throw new HeapExhausted("cannot reserve " + bytes + " bytes of address space for the heap (mmap errno "
                        + errno(state) + ")", bytes, bytes);
            }
            return a;
        }
    }

    /** Returns a reservation to the OS. */
    static void release(long address, long bytes) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            if (call(state, SYS_MUNMAP, address, bytes, 0, 0, 0, 0) != 0) throw new IllegalStateException("munmap errno " + errno(state));
        }
    }

    /**
     * Gives the physical pages of a page-aligned range back to the OS; the range stays reserved and reads
     * as zero when next touched (private anonymous mapping). Returns false if the OS refused, in which case
     * the contents are unchanged (the caller zeroes them itself if it relies on zero pages).
     */
    static boolean discard(long address, long bytes) {
        if (bytes <= 0) return true;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            return call(state, SYS_MADVISE, address, bytes, MADV_DONTNEED, 0, 0, 0) == 0;
        }
    }

    private static int errno(MemorySegment state) { return (int) ERRNO_HANDLE.get(state, 0L); }
}
