package dev.roast.codegen.memory;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** First fit and merging of the code cache's free ranges. */
class FreeRangesTest {
    @Test
    void takesFromTheLowestRangeThatFits() {
        FreeRanges free = new FreeRanges(1000, 100);
        assertEquals(1000, free.take(16));
        assertEquals(1016, free.take(32));
        assertEquals(1048, free.take(16));
        free.give(1000, 16);
        assertEquals(1064, free.take(20), "the hole at 1000 is too small");
        assertEquals(1000, free.take(16), "the hole at 1000 fits exactly");
        assertEquals(-1, free.take(17), "16 bytes left at 1084");
        assertEquals(1084, free.take(16));
        assertEquals(-1, free.take(1));
        assertEquals(0, free.count());
    }

    @Test
    void freedNeighboursMergeOnBothSides() {
        FreeRanges free = new FreeRanges(0, 64);
        long a = free.take(16), b = free.take(16), c = free.take(16), d = free.take(16);
        free.give(a, 16);
        free.give(c, 16);
        assertEquals(2, free.count());
        free.give(b, 16);
        assertEquals(1, free.count(), "a, b and c form one range");
        assertEquals(48, free.largest());
        free.give(d, 16);
        assertEquals(64, free.largest());
        assertEquals(0, free.take(64));
    }

    @Test
    void givingBackFreeSpaceIsABug() {
        FreeRanges free = new FreeRanges(0, 64);
        long a = free.take(32);
        free.give(a, 32);
        assertThrows(IllegalStateException.class, () -> free.give(a, 16));
        assertThrows(IllegalStateException.class, () -> free.give(48, 32));
    }
}
