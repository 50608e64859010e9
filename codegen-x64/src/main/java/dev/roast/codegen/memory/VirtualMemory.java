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
 * Pages of address space from the OS through FFM downcalls to libc's {@code mmap} family. Linux only (the flag
 * values are Linux's); this module has its own binding rather than depending on packed-values for a few calls.
 */
final class VirtualMemory {
    private VirtualMemory() {}

    static final int PROT_NONE = 0, PROT_READ = 1, PROT_WRITE = 2, PROT_EXEC = 4;
    private static final int MAP_PRIVATE = 0x02, MAP_ANONYMOUS = 0x20, MAP_NORESERVE = 0x4000;
    private static final int MADV_DONTNEED = 4;
    private static final int SC_PAGESIZE = 30;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO =
            CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));

    private static final MethodHandle MMAP = libc("mmap", FunctionDescriptor.of(ValueLayout.JAVA_LONG,
            ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
            ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG), true);
    private static final MethodHandle MPROTECT = libc("mprotect", FunctionDescriptor.of(ValueLayout.JAVA_INT,
            ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT), true);
    private static final MethodHandle MADVISE = libc("madvise", FunctionDescriptor.of(ValueLayout.JAVA_INT,
            ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT), true);
    private static final MethodHandle MUNMAP = libc("munmap",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG), true);
    private static final MethodHandle SYSCONF = libc("sysconf",
            FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT), false);

    /** The OS page size: the unit of every protection change. */
    static final long PAGE_SIZE = pageSize();

    @SuppressWarnings("restricted")  // deliberate: libc's mmap family; run with --enable-native-access
    private static MethodHandle libc(String name, FunctionDescriptor fd, boolean captureErrno) {
        MemorySegment fn = LINKER.defaultLookup().find(name)
                .orElseThrow(() -> new UnsatisfiedLinkError("libc has no " + name));
        return captureErrno
                ? LINKER.downcallHandle(fn, fd, Linker.Option.captureCallState("errno"))
                : LINKER.downcallHandle(fn, fd);
    }

    private static long pageSize() {
        try {
            long size = (long) SYSCONF.invokeExact(SC_PAGESIZE);
            if (size <= 0 || Long.bitCount(size) != 1) throw new IllegalStateException("odd page size " + size);
            return size;
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("sysconf downcall failed", t);
        }
    }

    /**
     * Reserves {@code bytes} of address space with no access at all: PROT_NONE and MAP_NORESERVE, so the
     * reservation commits neither RAM nor swap until pages are opened. Returns the page-aligned address.
     */
    static long reserve(long bytes) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            long a = (long) MMAP.invokeExact(state, 0L, bytes, PROT_NONE,
                    MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0L);
            if (a == -1L) {
                throw new IllegalStateException("cannot reserve " + bytes
                        + " bytes of address space for code (mmap errno " + errno(state) + ")");
            }
            return a;
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("mmap downcall failed", t);
        }
    }

    /** Sets the protection of whole pages; a failure is a broken invariant of the caller, so it throws. */
    static void protect(long address, long bytes, int prot) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            if ((int) MPROTECT.invokeExact(state, address, bytes, prot) != 0) {
                throw new IllegalStateException("mprotect(0x" + Long.toHexString(address) + ", " + bytes + ", "
                        + prot + ") errno " + errno(state));
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("mprotect downcall failed", t);
        }
    }

    /**
     * Gives the physical pages of a range back to the OS and closes them (PROT_NONE): the range stays
     * reserved. Best effort on the madvise: if the OS keeps the pages, they are still inaccessible.
     */
    static void decommit(long address, long bytes) {
        protect(address, bytes, PROT_NONE);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            int ignored = (int) MADVISE.invokeExact(state, address, bytes, MADV_DONTNEED);
        } catch (Throwable t) {
            throw new IllegalStateException("madvise downcall failed", t);
        }
    }

    /** Returns a reservation to the OS. */
    static void release(long address, long bytes) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            if ((int) MUNMAP.invokeExact(state, address, bytes) != 0) {
                throw new IllegalStateException("munmap errno " + errno(state));
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("munmap downcall failed", t);
        }
    }

    private static int errno(MemorySegment state) { return (int) ERRNO.get(state, 0L); }
}
