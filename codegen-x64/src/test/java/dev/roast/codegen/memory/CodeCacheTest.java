package dev.roast.codegen.memory;

import static dev.roast.codegen.memory.HandEncoded.*;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.*;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Installing, calling, freeing and reusing code; the limit; argument checks; close. */
class CodeCacheTest {
    private static final long PAGE = VirtualMemory.PAGE_SIZE;
    private static final MethodHandle BINARY = NativeCode.downcall(FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG));
    private static final MethodHandle NULLARY = NativeCode.downcall(FunctionDescriptor.of(JAVA_LONG));

    private final CodeCache cache = new CodeCache(1 << 20);

    @AfterEach
    void close() { cache.close(); }

    private static long call(CodeBlock f, long a, long b) throws Throwable {
        return (long) BINARY.invokeExact(f.entry(), a, b);
    }

    private static long call(CodeBlock f) throws Throwable {
        return (long) NULLARY.invokeExact(f.entry());
    }

    @SuppressWarnings("restricted")  // reading code pages, which are readable while live
    private static byte byteAt(long address) {
        return MemorySegment.ofAddress(address).reinterpret(1).get(JAVA_BYTE, 0);
    }

    @Test
    void installedFunctionsAreAllCallable() throws Throwable {
        CodeBlock add = cache.install(ADD), sub = cache.install(SUB), mul = cache.install(MUL);
        CodeBlock seven = cache.install(returning(7));
        assertEquals(7, call(add, 3, 4));
        assertEquals(-1, call(sub, 3, 4));
        assertEquals(12, call(mul, 3, 4));
        assertEquals(7, call(seven));
        assertEquals(Long.MIN_VALUE, call(add, Long.MAX_VALUE, 1), "plain 64-bit wrap-around");
        assertEquals(ADD.length, add.size());
    }

    @Test
    void smallFunctionsShareAPageAtSixteenByteBoundaries() throws Throwable {
        List<CodeBlock> blocks = new ArrayList<>();
        for (int i = 0; i < 100; i++) blocks.add(cache.install(returning(i)));
        for (int i = 0; i < blocks.size(); i++) {
            CodeBlock b = blocks.get(i);
            assertEquals(0, b.address() % CodeCache.ALIGNMENT, "aligned entry");
            assertEquals(i, call(b));
        }
        assertEquals(blocks.getFirst().address() + 99 * 16, blocks.getLast().address(), "6-byte functions, 16 apart");
        assertEquals(100 * 16, cache.usedBytes());
    }

    @Test
    void bytesOutsideLiveCodeAreInt3() {
        CodeBlock add = cache.install(ADD);
        long page = add.address() & -PAGE;
        for (long a = page; a < page + PAGE; a++) {
            if (a < add.address() || a >= add.end()) assertEquals((byte) 0xCC, byteAt(a), "at +" + (a - page));
            else assertEquals(ADD[(int) (a - add.address())], byteAt(a));
        }
    }

    @Test
    void functionSpanningSeveralPagesRuns() throws Throwable {
        CodeBlock before = cache.install(ADD);
        CodeBlock big = cache.install(returningAfterNops(42, (int) (2 * PAGE + 100)));
        CodeBlock after = cache.install(SUB);
        assertEquals(42, call(big));
        assertEquals(5, call(before, 2, 3));
        assertEquals(-1, call(after, 2, 3));
        assertEquals(before.address() + 16, big.address());
    }

    @Test
    void freedSpaceIsReused() throws Throwable {
        CodeBlock a = cache.install(ADD), b = cache.install(SUB), c = cache.install(MUL);
        cache.free(b);
        assertEquals(32, cache.usedBytes());
        assertEquals((byte) 0xCC, byteAt(b.address()), "freed code is overwritten with int3 at once");
        CodeBlock d = cache.install(returning(9));
        assertEquals(b.address(), d.address(), "first fit takes the hole");
        assertEquals(9, call(d));
        assertEquals(5, call(a, 2, 3));
        assertEquals(6, call(c, 2, 3));
    }

    @Test
    void adjacentFreedBlocksMergeToHoldALargerOne() throws Throwable {
        CodeBlock a = cache.install(ADD), b = cache.install(SUB), c = cache.install(MUL), d = cache.install(ADD);
        cache.free(b);
        cache.free(c);
        CodeBlock wide = cache.install(returningAfterNops(5, 20));
        assertEquals(b.address(), wide.address(), "b's and c's 16 bytes each hold the 26-byte function");
        assertEquals(5, call(wide));
        assertEquals(5, call(a, 2, 3));
        assertEquals(5, call(d, 2, 3));
    }

    @Test
    void fullCacheThrowsAndStaysUsable() throws Throwable {
        try (CodeCache small = new CodeCache(2 * PAGE)) {
            CodeBlock add = small.install(ADD);
            CodeBlock filler = small.install(returningAfterNops(1, (int) (2 * PAGE - 16 - 6)));
            assertEquals(small.limitBytes(), small.usedBytes());
            CodeCacheFull full = assertThrows(CodeCacheFull.class, () -> small.install(SUB));
            assertEquals(SUB.length, full.requestedBytes());
            assertEquals(2 * PAGE, full.limitBytes());
            assertEquals(5, call(add, 2, 3), "code installed before still runs");
            assertEquals(1, call(filler));

            small.free(filler);
            CodeBlock sub = small.install(SUB);
            assertEquals(-1, call(sub, 2, 3));
            assertThrows(CodeCacheFull.class, () -> small.install(new byte[(int) (2 * PAGE)]),
                    "more than is free, though not more than the limit");
            assertEquals(5, call(add, 2, 3));
        }
    }

    @Test
    void codeLargerThanTheLimitDoesNotFit() {
        try (CodeCache small = new CodeCache(PAGE)) {
            assertThrows(CodeCacheFull.class, () -> small.install(new byte[(int) PAGE + 1]));
            assertEquals(0, small.usedBytes());
        }
    }

    @Test
    void limitIsRoundedUpToWholePages() {
        try (CodeCache tiny = new CodeCache(1)) {
            assertEquals(PAGE, tiny.limitBytes());
            assertEquals(0, tiny.baseAddress() % PAGE);
        }
        assertEquals(1 << 20, cache.limitBytes());
    }

    @Test
    void badArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new CodeCache(0));
        assertThrows(IllegalArgumentException.class, () -> new CodeCache(-4096));
        assertThrows(NullPointerException.class, () -> cache.install(null));
        assertThrows(IllegalArgumentException.class, () -> cache.install(new byte[0]));
        assertThrows(NullPointerException.class, () -> cache.free(null));

        CodeBlock add = cache.install(ADD);
        assertThrows(IllegalArgumentException.class, () -> cache.free(new CodeBlock(add.address() + 16, 7)),
                "not a block of this cache");
        assertThrows(IllegalArgumentException.class, () -> cache.free(new CodeBlock(add.address(), 100)),
                "right address, wrong size");
        cache.free(add);
        assertThrows(IllegalArgumentException.class, () -> cache.free(add), "double free");
        assertEquals(0, cache.usedBytes());
    }

    @Test
    void closeUnmapsTheCache() {
        CodeCache closing = new CodeCache(4 * PAGE);
        long base = closing.baseAddress();
        CodeBlock add = closing.install(ADD);
        assertFalse(ProcessMappings.within(base, base + 4 * PAGE).mappings().isEmpty());
        closing.close();
        assertEquals(List.of(), ProcessMappings.within(base, base + 4 * PAGE).mappings());
        assertThrows(IllegalStateException.class, () -> closing.install(ADD));
        assertThrows(IllegalStateException.class, () -> closing.free(add));
        closing.close();  // twice is harmless, as AutoCloseable suggests
    }

    @Test
    void containsSaysWhetherAnAddressIsCode() {
        CodeBlock add = cache.install(ADD);
        assertTrue(cache.contains(add.address()));
        assertTrue(cache.contains(cache.baseAddress() + cache.limitBytes() - 1));
        assertFalse(cache.contains(cache.baseAddress() + cache.limitBytes()));
        assertFalse(cache.contains(cache.baseAddress() - 1));
    }
}
