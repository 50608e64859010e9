package dev.roast.codegen.memory;

import static dev.roast.codegen.memory.VirtualMemory.PAGE_SIZE;
import static dev.roast.codegen.memory.VirtualMemory.PROT_EXEC;
import static dev.roast.codegen.memory.VirtualMemory.PROT_READ;
import static dev.roast.codegen.memory.VirtualMemory.PROT_WRITE;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Executable memory for generated code, with a size limit; no page of it is ever writable and executable at once.
 *
 * <p>The cache reserves its whole limit of address space once, inaccessible (PROT_NONE). Blocks are packed at
 * 16-byte granularity, first fit, so many small functions share a page. Each page is in one of two states:
 * <ul>
 *   <li>no live block touches it: PROT_NONE, its physical memory given back to the OS;
 *   <li>some live block touches it: read-execute, and every byte of it outside live blocks is int3 (0xCC),
 *       so a stray jump traps instead of running stale or half-written code.
 * </ul>
 * Installing or freeing a block opens the pages it spans read-write (not executable), writes, and turns them
 * back to read-execute before returning. When such a page already holds other live code, that code cannot run
 * in the meantime. This is sound only because Roast runs on one thread and nothing executes during an install;
 * an install called from Java that machine code on the very same page called (an FFM upcall) is fine, since
 * that code continues only after the upcall returns, when the page is read-execute again.
 *
 * <p>Not thread-safe: one thread installs, frees and runs code.
 */
public final class CodeCache implements AutoCloseable {
    /** Every block starts on this boundary (what x86-64 optimization guides ask of function entries). */
    public static final int ALIGNMENT = 16;
    private static final byte INT3 = (byte) 0xCC;

    private final long base, limit;
    /** The whole reservation, for writing bytes; touch only pages that are open read-write. */
    private final MemorySegment memory;
    private final FreeRanges free;
    /** Start → length (a multiple of ALIGNMENT) of each live block. */
    private final TreeMap<Long, Long> live = new TreeMap<>();
    private long used;
    private boolean closed;

    /** Reserves {@code limitBytes}, rounded up to whole pages, of address space for code. */
    @SuppressWarnings("restricted")  // a segment over our own reservation, which lives until close()
    public CodeCache(long limitBytes) {
        if (limitBytes <= 0) throw new IllegalArgumentException("code cache limit must be positive: " + limitBytes);
        if (limitBytes > Long.MAX_VALUE - PAGE_SIZE) {
            throw new IllegalArgumentException("code cache limit too large: " + limitBytes);
        }
        limit = roundUp(limitBytes, PAGE_SIZE);
        base = VirtualMemory.reserve(limit);
        memory = MemorySegment.ofAddress(base).reinterpret(limit);
        free = new FreeRanges(base, limit);
    }

    /**
     * Copies {@code code} into the cache and makes it executable. Throws {@link CodeCacheFull} when no free
     * range holds it; the cache is then unchanged.
     */
    public CodeBlock install(byte[] code) {
        Objects.requireNonNull(code, "code");
        if (code.length == 0) throw new IllegalArgumentException("cannot install empty code");
        ensureOpen();
        long length = roundUp(code.length, ALIGNMENT);
        long start = free.take(length);
        if (start < 0) throw new CodeCacheFull(code.length, used, limit, free.largest());
        long end = start + length;
        long firstPage = pageOf(start), spanEnd = pageOf(end - 1) + PAGE_SIZE;
        // Asked before the block is recorded live, so these say whether *other* code shares the end pages.
        boolean firstShared = holdsLiveCode(firstPage), lastShared = holdsLiveCode(spanEnd - PAGE_SIZE);
        try {
            VirtualMemory.protect(firstPage, spanEnd - firstPage, PROT_READ | PROT_WRITE);
        } catch (RuntimeException e) {
            free.give(start, length);
            throw e;
        }
        try {
            // Shared pages already hold int3 outside their live blocks; pages opened just now are filled whole.
            long fillFrom = firstShared ? start : firstPage, fillTo = lastShared ? end : spanEnd;
            memory.asSlice(fillFrom - base, fillTo - fillFrom).fill(INT3);
            MemorySegment.copy(code, 0, memory, ValueLayout.JAVA_BYTE, start - base, code.length);
        } finally {
            VirtualMemory.protect(firstPage, spanEnd - firstPage, PROT_READ | PROT_EXEC);
        }
        live.put(start, length);
        used += length;
        return new CodeBlock(start, code.length);
    }

    /**
     * Frees dead code: later installs may reuse its memory. Nothing may run it or return into it afterwards;
     * a stray jump there traps (int3) or faults (a page given back to the OS).
     */
    public void free(CodeBlock block) {
        Objects.requireNonNull(block, "block");
        ensureOpen();
        long start = block.address();
        Long length = live.get(start);
        if (length == null || length != roundUp(block.size(), ALIGNMENT)) {
            throw new IllegalArgumentException("not a live block of this code cache: " + block);
        }
        live.remove(start);
        used -= length;
        free.give(start, length);
        long end = start + length;
        long firstPage = pageOf(start), lastPage = pageOf(end - 1);
        boolean firstShared = holdsLiveCode(firstPage), lastShared = holdsLiveCode(lastPage);
        long closeFrom = firstShared ? firstPage + PAGE_SIZE : firstPage;
        long closeTo = lastShared ? lastPage : lastPage + PAGE_SIZE;
        if (closeFrom < closeTo) VirtualMemory.decommit(closeFrom, closeTo - closeFrom);
        if (firstShared) overwriteWithInt3(firstPage, start, Math.min(end, firstPage + PAGE_SIZE));
        if (lastShared && lastPage != firstPage) overwriteWithInt3(lastPage, lastPage, end);
    }

    /** Bytes held by live blocks, each counted rounded up to {@link #ALIGNMENT}. */
    public long usedBytes() { return used; }

    /** The most code bytes this cache holds: the limit asked for, rounded up to whole pages. */
    public long limitBytes() { return limit; }

    /** The first address of the cache's reservation; every block lies in [base, base + limitBytes()). */
    public long baseAddress() { return base; }

    /** Whether {@code address} lies in this cache's reservation (say, a return address in generated code). */
    public boolean contains(long address) { return address >= base && address - base < limit; }

    /** Unmaps the whole cache, live code included; later calls other than close() throw. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        live.clear();
        used = 0;
        VirtualMemory.release(base, limit);
    }

    /** Whether any live block has a byte in the page at {@code page}. */
    private boolean holdsLiveCode(long page) {
        Map.Entry<Long, Long> last = live.lowerEntry(page + PAGE_SIZE);
        return last != null && last.getKey() + last.getValue() > page;
    }

    /** Fills [from, to), within the page at {@code page}, with int3, the page opened read-write meanwhile. */
    private void overwriteWithInt3(long page, long from, long to) {
        VirtualMemory.protect(page, PAGE_SIZE, PROT_READ | PROT_WRITE);
        try {
            memory.asSlice(from - base, to - from).fill(INT3);
        } finally {
            VirtualMemory.protect(page, PAGE_SIZE, PROT_READ | PROT_EXEC);
        }
    }

    private void ensureOpen() {
        if (closed) throw new IllegalStateException("code cache is closed");
    }

    private static long pageOf(long address) { return address & -PAGE_SIZE; }

    private static long roundUp(long n, long powerOfTwo) { return (n + powerOfTwo - 1) & -powerOfTwo; }
}
