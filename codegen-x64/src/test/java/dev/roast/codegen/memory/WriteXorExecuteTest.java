package dev.roast.codegen.memory;

import static dev.roast.codegen.memory.HandEncoded.*;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.*;

import java.lang.foreign.FunctionDescriptor;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** W^X as the kernel sees it (/proc/self/maps): code pages are r-x, pages without code are inaccessible. */
class WriteXorExecuteTest {
    private static final long PAGE = VirtualMemory.PAGE_SIZE;
    private static final MethodHandle NULLARY = NativeCode.downcall(FunctionDescriptor.of(JAVA_LONG));

    private final CodeCache cache = new CodeCache(64 * PAGE);

    @AfterEach
    void close() { cache.close(); }

    private ProcessMappings mappings() {
        return ProcessMappings.within(cache.baseAddress(), cache.baseAddress() + cache.limitBytes());
    }

    /** Checks every page of the cache: r-x where a live block has a byte, ---p elsewhere; nothing w and x. */
    private void assertPagesMatch(List<CodeBlock> live) {
        ProcessMappings now = mappings();
        for (ProcessMappings.Mapping m : now.mappings()) {
            assertFalse(m.writable() && m.executable(), "writable and executable: " + m);
            assertFalse(m.writable(), "a page left writable after install or free: " + m);
        }
        for (long page = cache.baseAddress(); page < cache.baseAddress() + cache.limitBytes(); page += PAGE) {
            long p = page;
            boolean holdsCode = live.stream().anyMatch(b -> b.address() < p + PAGE && b.end() > p);
            assertEquals(holdsCode ? "r-xp" : "---p", now.permsAt(page),
                    "page +" + (page - cache.baseAddress()) / PAGE);
        }
    }

    @Test
    void codePagesAreReadExecuteAndTheRestInaccessible() {
        assertPagesMatch(List.of());
        CodeBlock add = cache.install(ADD);
        CodeBlock big = cache.install(returningAfterNops(1, (int) (3 * PAGE)));
        assertPagesMatch(List.of(add, big));
        cache.free(big);
        assertPagesMatch(List.of(add));
        cache.free(add);
        assertPagesMatch(List.of());
    }

    @Test
    void noPageIsEverWritableAndExecutableThroughManyInstallsAndFrees() throws Throwable {
        SplittableRandom random = new SplittableRandom(6);
        List<CodeBlock> live = new ArrayList<>();
        List<Integer> values = new ArrayList<>();
        for (int round = 0; round < 300; round++) {
            if (!live.isEmpty() && random.nextInt(3) == 0) {
                int victim = random.nextInt(live.size());
                cache.free(live.remove(victim));
                values.remove(victim);
            } else {
                int value = random.nextInt(1 << 30);
                int nops = random.nextInt(4) == 0 ? random.nextInt((int) (2 * PAGE)) : random.nextInt(40);
                try {
                    live.add(cache.install(returningAfterNops(value, nops)));
                    values.add(value);
                } catch (CodeCacheFull full) {
                    // a random walk may fill the cache; the check below holds all the same
                }
            }
            if (round % 25 == 0) assertPagesMatch(live);
        }
        assertPagesMatch(live);
        for (int i = 0; i < live.size(); i++) {
            assertEquals((long) values.get(i), (long) NULLARY.invokeExact(live.get(i).entry()), "block " + i);
        }
    }

    @Test
    void installingIntoAPageThatHoldsCodeKeepsTheOldCodeWorking() throws Throwable {
        MethodHandle binary = NativeCode.downcall(FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG));
        CodeBlock add = cache.install(ADD);
        assertEquals(5, (long) binary.invokeExact(add.entry(), 2L, 3L));
        CodeBlock mul = cache.install(MUL);
        assertEquals(add.address() & -PAGE, mul.address() & -PAGE, "same page");
        assertEquals(5, (long) binary.invokeExact(add.entry(), 2L, 3L));
        assertEquals(6, (long) binary.invokeExact(mul.entry(), 2L, 3L));
        cache.free(mul);  // the page is rewritten again (int3 over mul) and still holds add
        assertEquals(5, (long) binary.invokeExact(add.entry(), 2L, 3L));
        assertPagesMatch(List.of(add));
    }
}
