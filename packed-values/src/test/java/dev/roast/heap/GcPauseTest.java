package dev.roast.heap;

import static dev.roast.values.PackedValue.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Measures the pause of a full collection with about a million live small objects (printed to the test output). */
class GcPauseTest {

    @Test
    void pauseWithAMillionLiveSmallObjects() {
        try (Heap heap = new Heap(512L << 20)) {
            // 333,334 instances, each holding a 2-item list (LIST + ITEMS): a million live objects of 24–32 bytes.
            int n = 333_334;
            long root = ListObj.alloc(heap, n);
            heap.handles().pushAddress(root);
            for (int i = 0; i < n; i++) {
                long o = Instance.alloc(heap, 1, 2);
                ListObj.append(heap, root, ofPointer(o));
                Instance.set(o, 0, ofInt(i));
                Instance.set(o, 1, ofPointer(ListObj.of(heap, ofDouble(i), NONE)));
            }
            long objects = heap.verify();
            GcStats before = heap.stats();
            long[] pauses = new long[10];
            for (int i = 0; i < pauses.length; i++) {
                heap.collect();
                pauses[i] = heap.stats().lastPauseNanos();
            }
            Arrays.sort(pauses);
            GcStats s = heap.stats();
            System.out.printf("GC pause, %,d live objects (%,d live bytes): min %.1f ms, median %.1f ms, max %.1f ms;"
                            + " mark %.0f%%, sweep %.0f%%%n",
                    objects, s.liveBytes(), pauses[0] / 1e6, pauses[pauses.length / 2] / 1e6,
                    pauses[pauses.length - 1] / 1e6,
                    100.0 * (s.totalMarkNanos() - before.totalMarkNanos()) / (s.totalPauseNanos() - before.totalPauseNanos()),
                    100.0 * (s.totalSweepNanos() - before.totalSweepNanos()) / (s.totalPauseNanos() - before.totalPauseNanos()));
            System.out.println(s);
            assertTrue(objects >= 1_000_000);
            assertTrue(pauses[pauses.length / 2] < 2_000_000_000L, "median pause " + pauses[pauses.length / 2]);
        }
    }
}
