package dev.roast.codegen.memory;

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
 * Pages of address space from the OS: {@code mmap}, {@code mprotect}, {@code madvise}, {@code munmap}, all
 * through one FFM downcall to libc's {@code syscall}. One binding because the JVM generates code for every
 * distinct downcall shape (~10 ms each in a cold run); the heap's binding has the same shape, so the JVM
 * makes that code once per run. This module has its own binding rather than depending on packed-values for
 * a few calls. Linux x86-64 only (system call numbers and the 4 KiB page are x86-64's).
 */
final class VirtualMemory {
    private VirtualMemory() {}

    static final int PROT_NONE = 0, PROT_READ = 1, PROT_WRITE = 2, PROT_EXEC = 4;
    private static final int MAP_PRIVATE = 0x02, MAP_ANONYMOUS = 0x20, MAP_NORESERVE = 0x4000;
    private static final int MADV_DONTNEED = 4;
    private static final long SYS_MMAP = 9, SYS_MPROTECT = 10, SYS_MUNMAP = 11, SYS_MADVISE = 28;

    /** The unit of every protection change: x86-64's base page (huge pages are only ever opted into). */
    static final long PAGE_SIZE = 4096;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO =
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
     * Reserves {@code bytes} of address space with no access at all: PROT_NONE and MAP_NORESERVE, so the
     * reservation commits neither RAM nor swap until pages are opened. Returns the page-aligned address.
     */
    static long reserve(long bytes) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            long a = call(state, SYS_MMAP, 0L, bytes, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0L);
            if (a == -1L) {
                throw new IllegalStateException("cannot reserve " + bytes
                        + " bytes of address space for code (mmap errno " + errno(state) + ")");
            }
            return a;
        }
    }

    /** Sets the protection of whole pages; a failure is a broken invariant of the caller, so it throws. */
    static void protect(long address, long bytes, int prot) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            if (call(state, SYS_MPROTECT, address, bytes, prot, 0, 0, 0) != 0) {
                throw new IllegalStateException("mprotect(0x" + Long.toHexString(address) + ", " + bytes + ", "
                        + prot + ") errno " + errno(state));
            }
        }
    }

    /**
     * Gives the physical pages of a range back to the OS and closes them (PROT_NONE): the range stays
     * reserved. Best effort on the madvise: if the OS keeps the pages, they are still inaccessible.
     */
    static void decommit(long address, long bytes) {
        protect(address, bytes, PROT_NONE);
        try (Arena arena = Arena.ofConfined()) {
            call(arena.allocate(CALL_STATE), SYS_MADVISE, address, bytes, MADV_DONTNEED, 0, 0, 0);
        }
    }

    /** Returns a reservation to the OS. */
    static void release(long address, long bytes) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            if (call(state, SYS_MUNMAP, address, bytes, 0, 0, 0, 0) != 0) {
                throw new IllegalStateException("munmap errno " + errno(state));
            }
        }
    }

    private static int errno(MemorySegment state) { return (int) ERRNO.get(state, 0L); }
}
