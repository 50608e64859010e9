package dev.roast.heap;

import static dev.roast.values.PackedValue.*;
import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The collector: what survives, what is reclaimed, depth, cycles, flat memory, exhaustion, statistics. */
class GcTest {

    /** A baseline after a full collection: live bytes and object count. */
    private static long[] baseline(Heap heap) {
        heap.collect();
        return new long[] {heap.stats().liveBytes(), heap.verify()};
    }

    private static void assertBackTo(Heap heap, long[] base) {
        heap.collect();
        assertEquals(base[0], heap.stats().liveBytes(), "live bytes back to the baseline");
        assertEquals(base[1], heap.verify(), "object count back to the baseline");
    }

    /** Garbage of every kind, reachable from nowhere. */
    private static void garbage(Heap heap, int n) {
        for (int i = 0; i < n; i++) {
            int m = heap.handles().mark();
            long l = ListObj.of(heap, ofInt(i), ofPointer(Str.of(heap, "g€" + i)));
            heap.handles().pushAddress(l);
            long o = Instance.alloc(heap, 1, 2);
            Instance.set(o, 0, ofPointer(l));
            heap.handles().pushAddress(o);
            long d = DictObj.alloc(heap);
            DictObj.put(heap, d, ofPointer(o), NONE);
            DictObj.put(heap, d, ofInt(i), ofPointer(l));
            long c = Cell.alloc(heap, ofPointer(d));
            FunctionObj.alloc(heap, i, ofPointer(c));
            BoundMethod.alloc(heap, ofPointer(o), 3);
            heap.handles().reset(m);
            IteratorObj.of(heap, RangeObj.alloc(heap, 0, i, 1));
            BoxedInt.alloc(heap, Long.MIN_VALUE + i);
        }
    }

    @Test
    void handleScopeRootsSurviveWithTheirContents() {
        try (Heap heap = new Heap(64L << 20, 1 << 20)) {
            HandleScope hs = heap.handles();
            int mark = hs.mark();
            long d = DictObj.alloc(heap);
            int ds = hs.pushAddress(d);
            for (int i = 0; i < 1000; i++) {
                long o = Instance.alloc(heap, i, 2);
                Instance.set(o, 0, ofPointer(Str.of(heap, "name" + i)));
                Instance.set(o, 1, ofPointer(ListObj.of(heap, ofInt(i), ofDouble(i / 2.0))));
                DictObj.put(heap, d, ofPointer(Str.of(heap, "k" + i)), ofPointer(o));
            }
            garbage(heap, 20_000);
            heap.collect();
            heap.verify();
            assertEquals(d, asPointer(hs.get(ds)));
            for (int i = 0; i < 1000; i++) {
                long o = asPointer(DictObj.get(d, ofPointer(Str.of(heap, "k" + i))));
                assertEquals(i, Instance.classId(o));
                assertEquals("name" + i, Str.toJavaString(asPointer(Instance.get(o, 0))));
                long l = asPointer(Instance.get(o, 1));
                assertEquals(ofInt(i), ListObj.get(l, 0));
                assertEquals(ofDouble(i / 2.0), ListObj.get(l, 1));
            }
            hs.reset(mark);
        }
    }

    @Test
    void offHeapRootRangesAndRootSources() {
        try (Heap heap = new Heap(64L << 20, 1 << 20); Arena arena = Arena.ofConfined()) {
            long[] base = baseline(heap);
            int n = 256;
            MemorySegment stack = arena.allocate(8L * n, 8);  // a stand-in for the interpreter's value stack
            long sp = stack.address();
            long[] globals = new long[4];
            Roots roots = v -> {
                v.visitRange(sp, n);
                v.visitArray(globals, 0, globals.length);
                v.visit(NONE);
            };
            heap.addRoots(roots);
            for (int i = 0; i < n; i++) {
                long w = i % 3 == 0 ? ofInt(i) : ofPointer(Str.of(heap, "slot" + i));
                Mem.putLong(sp + 8L * i, w);
            }
            globals[0] = ofPointer(ListObj.of(heap, ofPointer(Str.of(heap, "global"))));
            globals[1] = TRUE;
            garbage(heap, 5_000);
            heap.collect();
            heap.verify();
            for (int i = 0; i < n; i++) {
                long w = Mem.getLong(sp + 8L * i);
                if (i % 3 == 0) assertEquals(ofInt(i), w);
                else assertEquals("slot" + i, Str.toJavaString(asPointer(w)));
            }
            assertEquals("global", Str.toJavaString(asPointer(ListObj.get(asPointer(globals[0]), 0))));
            // Words that are not pointers into the heap are ignored, not followed.
            Mem.putLong(sp, ofPointer(8));
            Mem.putLong(sp + 8, ofPointer(heap.heapLimit() - 8));
            Mem.putLong(sp + 16, UNBOUND);
            heap.collect();
            // Popping the stack frees them.
            for (int i = 0; i < n; i++) Mem.putLong(sp + 8L * i, NONE);
            globals[0] = NONE;
            assertBackTo(heap, base);
            heap.removeRoots(roots);
        }
    }

    @Test
    void unreachableObjectsOfEveryKindAreReclaimed() {
        try (Heap heap = new Heap(128L << 20, 1 << 20)) {
            long[] base = baseline(heap);
            for (int round = 0; round < 3; round++) {
                garbage(heap, 30_000);
                assertBackTo(heap, base);
            }
            assertTrue(heap.stats().footprintBytes() < 64L << 20);
        }
    }

    @Test
    void millionDeepChainMarksWithoutRecursion() {
        try (Heap heap = new Heap(256L << 20)) {
            long[] base = baseline(heap);
            HandleScope hs = heap.handles();
            int head = hs.push(NONE);
            for (int i = 0; i < 1_000_000; i++) hs.set(head, ofPointer(ListObj.of(heap, ofInt(i), hs.get(head))));
            // And a million-deep chain through instance fields and cells.
            int head2 = hs.push(NONE);
            for (int i = 0; i < 1_000_000; i++) {
                long o = Instance.alloc(heap, i, 1);
                Instance.set(o, 0, ofPointer(Cell.alloc(heap, hs.get(head2))));
                hs.set(head2, ofPointer(o));
            }
            heap.collect();
            long count = 0;
            for (long w = hs.get(head); w != NONE; w = ListObj.get(asPointer(w), 1)) {
                assertEquals(ofInt(999_999 - count), ListObj.get(asPointer(w), 0));
                count++;
            }
            assertEquals(1_000_000, count);
            count = 0;
            for (long w = hs.get(head2); w != NONE; w = Cell.get(asPointer(Instance.get(asPointer(w), 0)))) count++;
            assertEquals(1_000_000, count);
            hs.reset(head);
            assertBackTo(heap, base);
        }
    }

    @Test
    void cyclesAreCollected() {
        try (Heap heap = new Heap(64L << 20, 1 << 20)) {
            long[] base = baseline(heap);
            for (int i = 0; i < 10_000; i++) {
                long a = ListObj.alloc(heap, 1);
                heap.handles().pushAddress(a);
                long b = ListObj.of(heap, ofPointer(a));
                ListObj.append(heap, a, ofPointer(b));  // a <-> b
                long o = Instance.alloc(heap, 0, 1);
                Instance.set(o, 0, ofPointer(o));      // self-cycle
                long d = DictObj.alloc(heap);
                heap.handles().pushAddress(d);
                DictObj.put(heap, d, ofInt(0), ofPointer(d));  // a dict holding itself
                DictObj.put(heap, d, ofPointer(o), ofPointer(a));
                heap.handles().reset(0);
            }
            assertBackTo(heap, base);
        }
    }

    @Test
    void farMoreThanMaxBytesInShortLivedObjectsRunsInFlatMemory() throws IOException {
        long max = 64L << 20;
        try (Heap heap = new Heap(max)) {
            long rssBefore = rssBytes();
            // A rooted working set of 1000 slots; every new object replaces one, so the rest is garbage.
            long ring = ListObj.alloc(heap, 1000);
            heap.handles().pushAddress(ring);
            for (int i = 0; i < 1000; i++) ListObj.append(heap, ring, NONE);
            SplittableRandom rnd = new SplittableRandom(3);
            long target = 2L << 30;
            int i = 0;
            while (heap.stats().allocatedBytes() < target) {
                long w = switch (i++ & 3) {
                    case 0 -> ofPointer(Instance.alloc(heap, 1, rnd.nextInt(8)));
                    case 1 -> ofPointer(ListObj.alloc(heap, rnd.nextInt(1, 1200)));  // up to ~10 KB: large blocks too
                    case 2 -> ofPointer(DictObj.alloc(heap));
                    default -> ofPointer(ListObj.of(heap, ofInt(i), ListObj.get(ring, rnd.nextInt(1000))));
                };
                ListObj.set(ring, rnd.nextInt(1000), w);
            }
            GcStats s = heap.stats();
            assertTrue(s.allocatedBytes() >= target);
            assertTrue(s.collections() >= 20, s.collections() + " collections");
            assertTrue(s.peakFootprintBytes() <= max, "footprint " + s.peakFootprintBytes());
            assertTrue(s.peakInUseBytes() <= max);
            long rssGrowth = rssBytes() - rssBefore;
            assertTrue(rssGrowth < max + (64L << 20), "RSS grew by " + rssGrowth);
            heap.verify();
        }
    }

    private static long rssBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
        return 0;
    }

    @Test
    void keepingEverythingLiveExhaustsTheHeapCleanly() {
        try (Heap heap = new Heap(8L << 20, 1 << 20)) {
            long list = ListObj.alloc(heap, 0);
            heap.handles().pushAddress(list);
            HeapExhausted e = assertThrows(HeapExhausted.class, () -> {
                for (int i = 0; ; i++) ListObj.append(heap, list, ofPointer(Instance.alloc(heap, i, 6)));
            });
            assertEquals(8L << 20, e.maxBytes());
            assertTrue(heap.stats().peakFootprintBytes() <= 8L << 20);
            heap.verify();
            long n = ListObj.length(list);
            assertTrue(n > 50_000, n + " objects fit");
            for (long i = 0; i < n; i += 1000) assertEquals(i, Instance.classId(asPointer(ListObj.get(list, i))));
            // The heap is still usable: drop the objects and allocate again.
            ListObj.clear(list);
            heap.collect();
            for (int i = 0; i < 100_000; i++) ListObj.append(heap, list, ofPointer(Instance.alloc(heap, i, 2)));
            heap.verify();
            // One huge request fails without disturbing anything.
            assertThrows(HeapExhausted.class, () -> Str.repeat(heap, Str.of(heap, "x"), 9L << 20));
            assertEquals(100_000, ListObj.length(list));
            heap.handles().reset(0);
        }
    }

    @Test
    void allocationThresholdTriggersCollectionsBeforeTheHeapIsFull() {
        try (Heap heap = new Heap(1L << 30, 1 << 20)) {
            for (int i = 0; i < 200_000; i++) Instance.alloc(heap, i, 10);  // ~20 MB of garbage
            GcStats s = heap.stats();
            assertTrue(s.collections() >= 5, s.collections() + " collections");
            assertTrue(s.peakFootprintBytes() < 8L << 20, "footprint " + s.peakFootprintBytes());
        }
    }

    @Test
    void largeFreeBlocksCoalesceAndAreReused() {
        try (Heap heap = new Heap(64L << 20, 64L << 20)) {
            for (int i = 0; i < 2000; i++) heap.allocate(ObjectKind.ITEMS, 10_000);  // 20 MB in 10 KB pieces
            long list = ListObj.alloc(heap, 2000);  // its 16 KB ITEMS block is carved above them, and stays live
            int slot = heap.handles().pushAddress(list);
            long footprint = heap.stats().footprintBytes();
            heap.collect();
            long big = heap.allocate(ObjectKind.ITEMS, 16L << 20);  // fits only in the coalesced run
            assertTrue(big < ListObj.items(list), "reused the space below the live object");
            assertEquals(footprint, heap.stats().footprintBytes());
            heap.verify();
            heap.handles().reset(slot);
        }
    }

    @Test
    void statisticsAndPauseListener() {
        try (Heap heap = new Heap(64L << 20, 1 << 20)) {
            List<Long> pauses = new ArrayList<>();
            heap.setPauseListener(pauses::add);
            garbage(heap, 5_000);
            heap.collect();
            GcStats s = heap.stats();
            assertEquals(s.collections(), pauses.size());
            assertTrue(s.collections() >= 1);
            assertEquals(pauses.stream().mapToLong(Long::longValue).sum(), s.totalPauseNanos());
            assertEquals(pauses.stream().mapToLong(Long::longValue).max().orElseThrow(), s.maxPauseNanos());
            assertEquals(pauses.get(pauses.size() - 1), s.lastPauseNanos());
            assertEquals(s.liveBytes(), s.inUseBytes(), "nothing allocated since the collection");
            assertTrue(s.peakInUseBytes() >= s.liveBytes());
            assertTrue(s.peakInUseBytes() > 1 << 20);
            assertTrue(s.peakFootprintBytes() >= s.footprintBytes());
            assertEquals(64L << 20, s.maxBytes());
            Instance.alloc(heap, 0, 0);
            assertEquals(s.liveBytes() + 16, heap.stats().inUseBytes());
        }
    }

    /** A random object graph mutated and collected many times, checked against a Java model each time. */
    @Test
    void randomGraphAgainstAModel() {
        final int fields = 4, rootSlots = 64;
        try (Heap heap = new Heap(64L << 20, 256 << 10)) {
            SplittableRandom rnd = new SplittableRandom(99);
            long roots = ListObj.alloc(heap, rootSlots);
            heap.handles().pushAddress(roots);
            for (int i = 0; i < rootSlots; i++) ListObj.append(heap, roots, NONE);
            Map<Long, long[]> model = new HashMap<>();  // node id -> field targets (node ids, -1 for None)
            long[] rootIds = new long[rootSlots];
            java.util.Arrays.fill(rootIds, -1);
            Map<Long, Long> address = new HashMap<>();
            long nextId = 0;
            for (int step = 0; step < 300_000; step++) {
                int r = rnd.nextInt(rootSlots);
                switch (rnd.nextInt(4)) {
                    case 0 -> {  // a new node into a root slot, pointing at another root's node
                        long id = nextId++;
                        long o = Instance.alloc(heap, id, fields);
                        long[] f = new long[fields];
                        java.util.Arrays.fill(f, -1);
                        int src = rnd.nextInt(rootSlots);
                        if (rootIds[src] >= 0) {
                            f[1] = rootIds[src];
                            Instance.set(o, 1, ListObj.get(roots, src));
                        }
                        for (int k = 0; k < fields; k++) if (f[k] < 0) Instance.set(o, k, NONE);
                        model.put(id, f);
                        address.put(id, o);
                        ListObj.set(roots, r, ofPointer(o));
                        rootIds[r] = id;
                    }
                    case 1 -> {  // link two rooted nodes
                        int s2 = rnd.nextInt(rootSlots);
                        if (rootIds[r] >= 0 && rootIds[s2] >= 0) {
                            int k = rnd.nextInt(fields);
                            Instance.set(address.get(rootIds[r]), k, ofPointer(address.get(rootIds[s2])));
                            model.get(rootIds[r])[k] = rootIds[s2];
                        }
                    }
                    case 2 -> {  // follow a field into the root slot (keeps deep structures reachable)
                        if (rootIds[r] >= 0) {
                            long[] f = model.get(rootIds[r]);
                            int k = rnd.nextInt(fields);
                            if (f[k] >= 0) {
                                rootIds[r] = f[k];
                                ListObj.set(roots, r, ofPointer(address.get(f[k])));
                            }
                        }
                    }
                    default -> {  // drop a root
                        rootIds[r] = -1;
                        ListObj.set(roots, r, NONE);
                    }
                }
                if (step % 50_000 == 49_999) {
                    heap.collect();
                    checkGraph(heap, model, address, rootIds, fields);
                }
            }
        }
    }

    private static void checkGraph(Heap heap, Map<Long, long[]> model, Map<Long, Long> address, long[] rootIds, int fields) {
        heap.verify();
        Set<Long> reachable = new HashSet<>();
        ArrayDeque<Long> work = new ArrayDeque<>();
        for (long id : rootIds) if (id >= 0 && reachable.add(id)) work.push(id);
        while (!work.isEmpty()) {
            long id = work.pop();
            long o = address.get(id);
            assertEquals(ObjectKind.INSTANCE, Header.kind(o), "reachable node " + id + " is still an object");
            assertEquals(id, Instance.classId(o));
            long[] f = model.get(id);
            for (int k = 0; k < fields; k++) {
                long w = Instance.get(o, k);
                if (f[k] < 0) {
                    assertEquals(NONE, w);
                } else {
                    assertEquals(address.get(f[k]), asPointer(w));
                    if (reachable.add(f[k])) work.push(f[k]);
                }
            }
        }
        long[] instances = {0};
        heap.forEachObject(a -> {
            if (Header.kind(a) == ObjectKind.INSTANCE) instances[0]++;
        });
        assertEquals(reachable.size(), instances[0], "exactly the reachable nodes survive");
        model.keySet().retainAll(reachable);
        address.keySet().retainAll(reachable);
    }
}
