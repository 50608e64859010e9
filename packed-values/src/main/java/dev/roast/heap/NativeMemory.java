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
 * Page-level memory from the OS through FFM downcalls to libc: {@code mmap}, {@code munmap},
 * {@code madvise}. Linux only (the flag values below are Linux's, the same on x86-64 and AArch64).
 */
final class NativeMemory {
    private NativeMemory() {}

    static final int PROT_READ = 1, PROT_WRITE = 2;
    static final int MAP_PRIVATE = 0x02, MAP_ANONYMOUS = 0x20, MAP_NORESERVE = 0x4000;
    static final int MADV_DONTNEED = 4;
    static final long PAGE = 4096;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final Linker.Option ERRNO = Linker.Option.captureCallState("errno");
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO_HANDLE =
            CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));

    private static final MethodHandle MMAP = downcall("mmap", FunctionDescriptor.of(ValueLayout.JAVA_LONG,
            ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
            ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG));
    private static final MethodHandle MUNMAP = downcall("munmap",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG));
    private static final MethodHandle MADVISE = downcall("madvise", FunctionDescriptor.of(ValueLayout.JAVA_INT,
            ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT));

    @SuppressWarnings("restricted")  // deliberate: libc's mmap family; run with --enable-native-access
    private static MethodHandle downcall(String name, FunctionDescriptor fd) {
        MemorySegment fn = LINKER.defaultLookup().find(name)
                .orElseThrow(() -> new UnsatisfiedLinkError("libc has no " + name));
        return LINKER.downcallHandle(fn, fd, ERRNO);
    }

    /**
     * Reserves {@code bytes} of address space, readable and writable, backed by nothing until touched:
     * MAP_NORESERVE so that neither RAM nor swap is committed for the reservation, anonymous so that
     * every page reads as zero on first touch. Returns the (page-aligned) address.
     */
    static long reserve(long bytes) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            long a = (long) MMAP.invokeExact(state, 0L, bytes, PROT_READ | PROT_WRITE,
                    MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0L);
            if (a == -1L) {
                throw new HeapExhausted("cannot reserve " + bytes + " bytes of address space for the heap (mmap errno "
                        + (int) ERRNO_HANDLE.get(state, 0L) + ")", bytes, bytes);
            }
            return a;
        } catch (HeapExhausted e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("mmap downcall failed", t);
        }
    }

    /** Returns a reservation to the OS. */
    static void release(long address, long bytes) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            int r = (int) MUNMAP.invokeExact(state, address, bytes);
            if (r != 0) throw new IllegalStateException("munmap errno " + (int) ERRNO_HANDLE.get(state, 0L));
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("munmap downcall failed", t);
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
            return (int) MADVISE.invokeExact(state, address, bytes, MADV_DONTNEED) == 0;
        } catch (Throwable t) {
            throw new IllegalStateException("madvise downcall failed", t);
        }
    }
}
