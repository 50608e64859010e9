package dev.roast.heap;

import static dev.roast.values.PackedValue.*;
import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** The handle scope's stack discipline. */
class HandleScopeTest {

    @Test
    void pushGetSetPopMarkReset() {
        HandleScope hs = new HandleScope();
        int m = hs.mark();
        assertEquals(0, m);
        for (int i = 0; i < 1000; i++) assertEquals(i, hs.push(ofInt(i)));  // grows past its initial array
        assertEquals(1000, hs.size());
        assertEquals(ofInt(500), hs.get(500));
        hs.set(500, NONE);
        assertEquals(NONE, hs.get(500));
        assertEquals(ofInt(999), hs.pop());
        int m2 = hs.mark();
        hs.pushAddress(64);
        assertEquals(ofPointer(64), hs.get(m2));
        hs.reset(m2);
        assertEquals(999, hs.size());
        assertThrows(IndexOutOfBoundsException.class, () -> hs.get(999));
        assertThrows(IllegalArgumentException.class, () -> hs.reset(1000));
        hs.reset(m);
        assertThrows(IllegalStateException.class, hs::pop);
    }

    @Test
    void anExceptionInsideAnAllocatingMethodLeavesTheScopeAsItWas() {
        try (Heap heap = new Heap(4L << 20)) {
            int before = heap.handles().size();
            assertThrows(HeapExhausted.class, () -> Str.concat(heap, Str.of(heap, "x".repeat(3 << 20)), Str.of(heap, "y".repeat(2 << 20))));
            assertEquals(before, heap.handles().size());
        }
    }
}
