package dev.roast.heap;

import static dev.roast.values.PackedValue.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** LIST and ITEMS layout, growth through many reallocations, and the list operations against a model. */
class ListObjTest {
    private final Heap heap = new Heap(256L << 20, 1 << 20);

    @AfterEach
    void close() { heap.close(); }

    @Test
    void layoutAtDocumentedOffsets() {
        long list = ListObj.of(heap, ofInt(10), ofDouble(2.5), NONE);
        assertEquals(ObjectKind.LIST, Header.kind(list));
        assertEquals(32, Header.size(list));
        assertEquals(3, Mem.getLong(list + 8), "+8 length");
        assertEquals(3, Mem.getLong(list + 16), "+16 capacity");
        long items = Mem.getLong(list + 24);
        assertEquals(ObjectKind.ITEMS, Header.kind(items));
        assertEquals(8 + 3 * 8, Header.size(items));
        assertEquals(ofInt(10), Mem.getLong(items + 8));
        assertEquals(ofDouble(2.5), Mem.getLong(items + 16));
        assertEquals(NONE, Mem.getLong(items + 24));
        long empty = ListObj.alloc(heap, 0);
        assertEquals(0, Mem.getLong(empty + 16));
        assertEquals(0, Mem.getLong(empty + 24), "no ITEMS block at capacity 0");
    }

    @Test
    void growsThroughManyReallocations() {
        long list = ListObj.alloc(heap, 0);
        int slot = heap.handles().pushAddress(list);
        long lastItems = 0;
        int reallocations = 0;
        for (int i = 0; i < 1_000_000; i++) {
            ListObj.append(heap, list, ofInt(i));
            if (ListObj.items(list) != lastItems) {
                reallocations++;
                lastItems = ListObj.items(list);
            }
            if (i % 100_000 == 0) ListObj.append(heap, list, ofPointer(Str.of(heap, "s" + i)));  // pointers too
        }
        assertTrue(reallocations > 20 && reallocations < 60, reallocations + " reallocations");
        heap.collect();
        heap.verify();
        long n = ListObj.length(list);
        assertEquals(1_000_010, n);
        long expect = 0;
        for (long i = 0; i < n; i++) {
            long v = ListObj.get(list, i);
            if (isPointer(v)) {
                assertEquals("s" + (expect - 1), Str.toJavaString(asPointer(v)));
            } else {
                assertEquals(expect++, asInt(v));
            }
        }
        heap.handles().reset(slot);
    }

    @Test
    void operationsAgainstAModel() {
        SplittableRandom rnd = new SplittableRandom(42);
        long list = ListObj.alloc(heap, 2);
        int slot = heap.handles().pushAddress(list);
        List<Long> model = new ArrayList<>();
        for (int step = 0; step < 50_000; step++) {
            long v = ofInt(rnd.nextInt(1000));
            int n = model.size();
            switch (rnd.nextInt(9)) {
                case 0, 1, 2 -> { ListObj.append(heap, list, v); model.add(v); }
                case 3 -> { int i = rnd.nextInt(n + 1); ListObj.insert(heap, list, i, v); model.add(i, v); }
                case 4 -> { if (n > 0) { int i = rnd.nextInt(n); assertEquals((long) model.remove(i), ListObj.pop(list, i)); } }
                case 5 -> { if (n > 0) assertEquals((long) model.remove(n - 1), ListObj.pop(list)); }
                case 6 -> { if (n > 0) { int i = rnd.nextInt(n); ListObj.set(list, i, v); model.set(i, v); } }
                case 7 -> { if (rnd.nextInt(50) == 0) { ListObj.clear(list); model.clear(); } }
                default -> { if (rnd.nextInt(20) == 0) { ListObj.reverse(list); java.util.Collections.reverse(model); } }
            }
            assertEquals(model.size(), ListObj.length(list));
            if (step % 997 == 0) {
                for (int i = 0; i < model.size(); i++) assertEquals((long) model.get(i), ListObj.get(list, i));
                // Slots past the length are zero: the GC may scan a whole ITEMS block.
                for (long i = ListObj.length(list); i < ListObj.capacity(list); i++) {
                    assertEquals(0, Mem.getLong(ListObj.itemAddress(list, i)));
                }
            }
        }
        heap.handles().reset(slot);
    }

    @Test
    void boundsAreChecked() {
        long list = ListObj.of(heap, ofInt(1));
        assertThrows(IndexOutOfBoundsException.class, () -> ListObj.get(list, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> ListObj.get(list, -1));
        assertThrows(IndexOutOfBoundsException.class, () -> ListObj.set(list, 5, NONE));
        assertThrows(IndexOutOfBoundsException.class, () -> ListObj.insert(heap, list, 2, NONE));
        assertThrows(IndexOutOfBoundsException.class, () -> ListObj.pop(ListObj.alloc(heap, 0)));
    }

    @Test
    void extendCopyAndSelfExtend() {
        long a = ListObj.of(heap, ofInt(1), ofInt(2));
        int slot = heap.handles().pushAddress(a);
        long b = ListObj.of(heap, ofInt(3));
        ListObj.extend(heap, a, b);
        ListObj.extend(heap, a, a);
        long c = ListObj.copy(heap, a);
        ListObj.set(a, 0, ofInt(99));
        long[] expect = {1, 2, 3, 1, 2, 3};
        assertEquals(6, ListObj.length(c));
        for (int i = 0; i < 6; i++) assertEquals(ofInt(expect[i]), ListObj.get(c, i));
        assertEquals(ofInt(99), ListObj.get(a, 0));
        heap.handles().reset(slot);
    }

    @Test
    void tooBigIsExhaustion() {
        assertThrows(HeapExhausted.class, () -> ListObj.alloc(heap, 1L << 40));
        long list = ListObj.alloc(heap, 0);
        assertThrows(HeapExhausted.class, () -> ListObj.ensureCapacity(heap, list, ListObj.MAX_CAPACITY + 1));
        assertEquals(0, ListObj.capacity(list));
    }
}
