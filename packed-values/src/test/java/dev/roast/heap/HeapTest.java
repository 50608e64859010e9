package dev.roast.heap;

import static org.junit.jupiter.api.Assertions.*;

import dev.roast.values.PackedValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The region, the allocator's documented state block, headers and block reuse. */
class HeapTest {

    @Test
    void reservesOneAlignedRegionWithin48Bits() {
        try (Heap heap = new Heap(64L << 20)) {
            assertEquals(64L << 20, heap.maxBytes());
            assertEquals(0, heap.stateAddress() & 4095, "page aligned");
            assertEquals(heap.stateAddress() + Heap.STATE_BYTES, heap.heapStart());
            assertEquals(heap.stateAddress() + heap.maxBytes(), heap.heapLimit());
            assertTrue(heap.heapLimit() - 1 <= PackedValue.PAYLOAD_MASK);
        }
    }

    @Test
    void defaultReservationIsTwoGibAndCostsNothingUpFront() {
        try (Heap heap = new Heap()) {
            assertEquals(2L << 30, heap.maxBytes());
            long a = heap.allocate(ObjectKind.INSTANCE, 16);
            assertTrue(heap.contains(a));
            // Only what was touched counts: the constants and one bump chunk.
            assertTrue(heap.stats().footprintBytes() <= 1 << 20, "footprint " + heap.stats().footprintBytes());
        }
    }

    @Test
    void rejectsTinyAndNegative() {
        assertThrows(IllegalArgumentException.class, () -> new Heap(1000));
        try (Heap heap = new Heap(8L << 20)) {
            assertThrows(IllegalArgumentException.class, () -> heap.allocate(ObjectKind.INSTANCE, -8));
        }
    }

    @Test
    void smallBlockSizeIsTheSizeAllocateGives() {
        try (Heap heap = new Heap(16L << 20)) {
            for (int size : new int[] {0, 1, 8, 15, 16, 17, 24, 100, 4089, 4096}) {
                long a = heap.allocate(ObjectKind.INSTANCE, size);
                assertEquals(Header.size(a), Heap.smallBlockSize(size), "size " + size);
            }
        }
        assertEquals(16, Heap.smallBlockSize(0));
        assertEquals(4096, Heap.smallBlockSize(Heap.SMALL_MAX));
        assertThrows(IllegalArgumentException.class, () -> Heap.smallBlockSize(Heap.SMALL_MAX + 1));
        assertThrows(IllegalArgumentException.class, () -> Heap.smallBlockSize(-1));
    }

    @Test
    void allocationsAreAlignedZeroedAndCarryTheirHeader() {
        try (Heap heap = new Heap(16L << 20)) {
            Set<Long> seen = new HashSet<>();
            for (int size : new int[] {1, 8, 16, 17, 24, 100, 4096, 4097, 10_000, 200_000}) {
                long a = heap.allocate(ObjectKind.INSTANCE, size);
                long rounded = Math.max(16, (size + 7) & ~7);
                assertEquals(0, a & 7);
                assertTrue(seen.add(a));
                long h = Mem.getLong(a);
                assertEquals(ObjectKind.INSTANCE, h & 0xFF, "kind in bits 0-7");
                assertEquals(0, h & Header.MARK_BIT, "mark clear");
                assertEquals(rounded, h >>> 32, "size in bits 32-63");
                assertEquals(0, h & 0xFFFF_FE00L, "bits 9-31 zero");
                for (long p = a + 8; p < a + rounded; p += 8) assertEquals(0, Mem.getLong(p));
                // Dirty it so that reuse must zero again.
                for (long p = a + 8; p < a + rounded; p += 8) Mem.putLong(p, -1);
            }
            heap.collect();  // all unreachable
            heap.verify();
            for (int size : new int[] {16, 24, 100, 4096, 10_000, 200_000}) {
                long a = heap.allocate(ObjectKind.INSTANCE, size);
                for (long p = a + 8; p < a + size; p += 8) assertEquals(0, Mem.getLong(p), "reused memory is zeroed");
            }
        }
    }

    @Test
    void headerWordLayout() {
        assertEquals(0x0000_0020_0000_0007L, Header.make(ObjectKind.INSTANCE, 32));
        assertEquals(0x100, Header.MARK_BIT);
        assertEquals(0, ObjectKind.FREE);
        assertEquals(1, ObjectKind.BOXED_INT);
        assertEquals(2, ObjectKind.STR);
        assertEquals(3, ObjectKind.LIST);
        assertEquals(4, ObjectKind.ITEMS);
        assertEquals(5, ObjectKind.DICT);
        assertEquals(6, ObjectKind.DICT_TABLE);
        assertEquals(7, ObjectKind.INSTANCE);
        assertEquals(8, ObjectKind.EXCEPTION);
        assertEquals(9, ObjectKind.CELL);
        assertEquals(10, ObjectKind.FUNCTION);
        assertEquals(11, ObjectKind.BOUND_METHOD);
        assertEquals(12, ObjectKind.RANGE);
        assertEquals(13, ObjectKind.ITERATOR);
        assertEquals("DICT_TABLE", ObjectKind.name(6));
    }

    /** The fields machine code uses to allocate inline behave as documented. */
    @Test
    void stateBlockDrivesTheFastPath() {
        try (Heap heap = new Heap(16L << 20)) {
            long st = heap.stateAddress();
            long a = heap.allocate(ObjectKind.CELL, 16);
            long top = Mem.getLong(st + Heap.STATE_TOP), end = Mem.getLong(st + Heap.STATE_END);
            assertEquals(a + 16, top, "bump pointer moved past the object");
            assertTrue(end > top);
            long before = Mem.getLong(st + Heap.STATE_ALLOCATED);
            long b = heap.allocate(ObjectKind.CELL, 16);
            assertEquals(top, b);
            assertEquals(before + 16, Mem.getLong(st + Heap.STATE_ALLOCATED));

            // Emulate machine code: pop the 24-byte free list by hand after a collection made one.
            int keep = heap.handles().pushAddress(a);
            heap.handles().pushAddress(b);
            long x = heap.allocate(ObjectKind.BOUND_METHOD, 24);
            heap.handles().pushAddress(heap.allocate(ObjectKind.CELL, 16));  // live neighbours on both sides of x
            heap.collect();
            long head = Mem.getLong(st + Heap.STATE_FREE_HEADS + 24);
            assertEquals(x, head, "the dead 24-byte object is on the 24-byte list");
            assertEquals(ObjectKind.FREE, Header.kind(head));
            Mem.putLong(st + Heap.STATE_FREE_HEADS + 24, Mem.getLong(head + 8));
            Mem.putLong(head, Header.make(ObjectKind.BOUND_METHOD, 24));
            Mem.putLong(head + 8, PackedValue.NONE);
            Mem.putLong(head + 16, 7);
            heap.handles().pushAddress(head);
            heap.collect();
            heap.verify();
            assertEquals(7, BoundMethod.functionId(head));
            heap.handles().reset(keep);
        }
    }

    @Test
    void freeListsAreReusedAndLargeBlocksSplit() {
        try (Heap heap = new Heap(32L << 20, 1 << 20)) {
            List<Long> first = new ArrayList<>();
            for (int i = 0; i < 1000; i++) first.add(heap.allocate(ObjectKind.INSTANCE, 48));
            long footprint = heap.stats().footprintBytes();
            heap.collect();
            for (int round = 0; round < 20; round++) {
                for (int i = 0; i < 1000; i++) heap.allocate(ObjectKind.INSTANCE, 48);
                for (int i = 0; i < 5; i++) heap.allocate(ObjectKind.ITEMS, 100_000);
                heap.collect();
                heap.verify();
            }
            // Garbage is reused: the heap extent did not grow by the 20 rounds' 10 MB of allocation.
            assertTrue(heap.stats().footprintBytes() <= footprint + (2 << 20),
                    "footprint grew to " + heap.stats().footprintBytes());
        }
    }

    @Test
    void objectsTooBigForTheHeaderOrTheHeapAreExhaustion() {
        try (Heap heap = new Heap(8L << 20)) {
            assertThrows(HeapExhausted.class, () -> heap.allocate(ObjectKind.ITEMS, 16L << 20));
            assertThrows(HeapExhausted.class, () -> heap.allocate(ObjectKind.ITEMS, 1L << 40));
            assertThrows(HeapExhausted.class, () -> heap.allocate(ObjectKind.ITEMS, Long.MAX_VALUE));
            heap.verify();
            assertNotEquals(0, heap.allocate(ObjectKind.ITEMS, 1 << 20));
        }
    }

    @Test
    void forEachObjectWalksEveryObject() {
        try (Heap heap = new Heap(8L << 20)) {
            long before = heap.verify();
            for (int i = 0; i < 100; i++) heap.allocate(ObjectKind.RANGE, 32);
            long[] count = {0};
            heap.forEachObject(a -> {
                if (Header.kind(a) == ObjectKind.RANGE) count[0]++;
            });
            assertEquals(100, count[0]);
            assertEquals(before + 100, heap.verify());
        }
    }

    @Test
    void closedHeapRefusesWork() {
        Heap heap = new Heap(8L << 20);
        heap.close();
        heap.close();  // idempotent
        assertThrows(IllegalStateException.class, heap::collect);
    }
}
