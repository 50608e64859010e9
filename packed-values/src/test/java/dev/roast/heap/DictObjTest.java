package dev.roast.heap;

import static dev.roast.values.PackedValue.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** DICT layout, Python key semantics (with True and 1 apart), tombstones, resizing and order, against a model. */
class DictObjTest {
    private final Heap heap = new Heap(128L << 20, 1 << 20);

    @AfterEach
    void close() { heap.close(); }

    private long str(String s) { return ofPointer(Str.of(heap, s)); }

    @Test
    void layoutAtDocumentedOffsets() {
        long d = DictObj.alloc(heap);
        assertEquals(ObjectKind.DICT, Header.kind(d));
        assertEquals(32, Header.size(d));
        assertEquals(0, Mem.getLong(d + 24), "no table while empty");
        DictObj.put(heap, d, ofInt(7), ofInt(70));
        DictObj.put(heap, d, ofInt(8), ofInt(80));
        DictObj.remove(d, ofInt(7));
        assertEquals(1, Mem.getLong(d + 8), "+8 size");
        assertEquals(2, Mem.getLong(d + 16), "+16 fill counts the tombstone");
        long t = Mem.getLong(d + 24);
        assertEquals(ObjectKind.DICT_TABLE, Header.kind(t));
        assertEquals(8, Mem.getLong(t + 8), "slots");
        assertEquals(5, Mem.getLong(t + 16), "capacity = 2n/3");
        assertEquals(24 + 4 * 8 + 24 * 5, Header.size(t));
        long entries = t + 24 + 4 * 8;
        assertEquals(UNBOUND, Mem.getLong(entries + 8), "entry 0 is a tombstone");
        assertEquals(0, Mem.getLong(entries + 16));
        assertEquals(Hashing.hashInt(8), Mem.getLong(entries + 24), "entry 1 hash");
        assertEquals(ofInt(8), Mem.getLong(entries + 24 + 8), "entry 1 key");
        assertEquals(ofInt(80), Mem.getLong(entries + 24 + 16), "entry 1 value");
        // The index: slot (hash & 7) of 8 holds entry 1 + 1; 7's slot is marked deleted.
        assertEquals(2, Mem.getInt(t + 24 + 4 * (8 & 7)));
        assertEquals(-1, Mem.getInt(t + 24 + 4 * (7 & 7)));
    }

    @Test
    void pythonKeySemantics() {
        long d = DictObj.alloc(heap);
        heap.handles().pushAddress(d);
        DictObj.put(heap, d, ofInt(1), str("a"));
        assertEquals("a", Str.toJavaString(asPointer(DictObj.get(d, ofDouble(1.0)))), "{1: 'a'}[1.0]");
        assertEquals(UNBOUND, DictObj.get(d, TRUE), "True is not 1 in Roast");
        DictObj.put(heap, d, TRUE, str("t"));
        DictObj.put(heap, d, ofDouble(1.0), str("b"));  // updates key 1, which keeps its original key word
        assertEquals(2, DictObj.size(d));
        assertEquals(ofInt(1), DictObj.keyAt(d, 0));
        assertEquals("b", Str.toJavaString(asPointer(DictObj.get(d, ofInt(1)))));
        assertEquals("t", Str.toJavaString(asPointer(DictObj.get(d, TRUE))));
        assertEquals(UNBOUND, DictObj.get(d, FALSE));

        DictObj.put(heap, d, ofDouble(-0.0), ofInt(0));
        assertEquals(ofInt(0), DictObj.get(d, ofInt(0)), "0, 0.0 and -0.0 are one key");
        assertEquals(ofInt(0), DictObj.get(d, ofDouble(0.0)));
        assertEquals(UNBOUND, DictObj.get(d, FALSE), "False is not 0");

        long big = BoxedInt.valueOf(heap, 1L << 60);
        DictObj.put(heap, d, big, ofInt(60));
        assertEquals(ofInt(60), DictObj.get(d, ofDouble(0x1p60)), "a boxed int equals the float of its value");
        assertEquals(ofInt(60), DictObj.get(d, BoxedInt.valueOf(heap, 1L << 60)), "boxed ints by value");
        assertEquals(UNBOUND, DictObj.get(d, BoxedInt.valueOf(heap, (1L << 60) + 1)));
        long b53 = BoxedInt.valueOf(heap, (1L << 53) + 1);
        DictObj.put(heap, d, b53, ofInt(53));
        assertEquals(UNBOUND, DictObj.get(d, ofDouble(0x1p53)), "2^53 + 1 is not 2.0^53 (no rounding)");

        DictObj.put(heap, d, str("k€y"), ofInt(5));
        assertEquals(ofInt(5), DictObj.get(d, str("k€y")), "str by content");
        DictObj.put(heap, d, NONE, ofInt(6));
        assertEquals(ofInt(6), DictObj.get(d, NONE));
        DictObj.put(heap, d, CANONICAL_NAN, ofInt(7));
        assertEquals(ofInt(7), DictObj.get(d, ofDouble(Double.NaN)), "the one NaN word finds itself");

        long o1 = Instance.alloc(heap, 3, 1), o2 = Instance.alloc(heap, 3, 1);
        heap.handles().pushAddress(o1);
        heap.handles().pushAddress(o2);
        DictObj.put(heap, d, ofPointer(o1), ofInt(1));
        assertEquals(ofInt(1), DictObj.get(d, ofPointer(o1)));
        assertEquals(UNBOUND, DictObj.get(d, ofPointer(o2)), "instances by identity");

        long m1 = BoundMethod.alloc(heap, ofPointer(o1), 4), m2 = BoundMethod.alloc(heap, ofPointer(o1), 4);
        DictObj.put(heap, d, ofPointer(m1), ofInt(44));
        assertEquals(ofInt(44), DictObj.get(d, ofPointer(m2)), "bound methods by receiver and function");

        long size = DictObj.size(d);
        assertThrows(UnhashableKey.class, () -> DictObj.put(heap, d, ofPointer(ListObj.alloc(heap, 0)), NONE));
        assertThrows(UnhashableKey.class, () -> DictObj.get(d, ofPointer(DictObj.alloc(heap))));
        assertEquals("unhashable type: 'list'",
                assertThrows(UnhashableKey.class, () -> DictObj.get(DictObj.alloc(heap), ofPointer(ListObj.alloc(heap, 0)))).getMessage());
        assertEquals(size, DictObj.size(d));
        heap.handles().reset(0);
    }

    /** A model key: Roast key equality as Java equality. */
    private Object modelKey(long k) {
        if (Hashing.isNumber(k)) {
            if (isDouble(k)) {
                double v = asDouble(k);
                if (v == Math.rint(v) && Math.abs(v) < 0x1p63) return (long) v;
                return v;
            }
            return BoxedInt.toLong(k);
        }
        if (isPointer(k) && Header.kind(asPointer(k)) == ObjectKind.STR) return "s:" + Str.toJavaString(asPointer(k));
        return "w" + k;  // bools, None, instances: the word
    }

    @Test
    void randomOperationsAgainstLinkedHashMap() {
        SplittableRandom rnd = new SplittableRandom(2024);
        long d = DictObj.alloc(heap);
        int dslot = heap.handles().pushAddress(d);
        long[] instances = new long[6];
        for (int i = 0; i < instances.length; i++) {
            instances[i] = ofPointer(Instance.alloc(heap, i, 0));
            heap.handles().push(instances[i]);
        }
        String[] words = {"", "a", "b", "ab", "é", "€uro", "😀", "key"};
        Map<Object, long[]> model = new LinkedHashMap<>();
        int mode = 0;
        for (int step = 0; step < 200_000; step++) {
            if (step % 20_000 == 0) mode = rnd.nextInt(3);  // phases: growing, balanced, shrinking
            long key = switch (rnd.nextInt(9)) {
                case 0, 1 -> ofInt(rnd.nextInt(-300, 300));
                case 2 -> ofDouble(rnd.nextInt(-50, 50));               // integral floats: same keys as ints
                case 3 -> ofDouble(rnd.nextInt(-50, 50) + 0.5);
                case 4 -> BoxedInt.valueOf(heap, (1L << 55) + rnd.nextInt(4));
                case 5 -> rnd.nextBoolean() ? TRUE : rnd.nextBoolean() ? FALSE : NONE;
                case 6 -> instances[rnd.nextInt(instances.length)];
                default -> str(words[rnd.nextInt(words.length)] + rnd.nextInt(200));
            };
            Object mk = modelKey(key);
            int op = rnd.nextInt(10);
            boolean insert = mode == 0 ? op < 6 : mode == 1 ? op < 4 : op < 2;
            boolean delete = !insert && (mode == 2 ? op < 8 : op < 7);
            if (insert) {
                long value = ofInt(step);
                DictObj.put(heap, d, key, value);
                long[] e = model.get(mk);
                if (e == null) model.put(mk, new long[] {key, value});
                else e[1] = value;
            } else if (delete) {
                long[] e = model.remove(mk);
                assertEquals(e == null ? UNBOUND : e[1], DictObj.remove(d, key));
            } else {
                long[] e = model.get(mk);
                assertEquals(e == null ? UNBOUND : e[1], DictObj.get(d, key));
            }
            assertEquals(model.size(), DictObj.size(d));
            if (step % 4999 == 0) assertSameOrder(model, d);
        }
        assertSameOrder(model, d);
        heap.collect();
        heap.verify();
        assertSameOrder(model, d);
        heap.handles().reset(dslot);
    }

    private void assertSameOrder(Map<Object, long[]> model, long d) {
        List<long[]> entries = new ArrayList<>();
        DictObj.forEach(d, (k, v) -> entries.add(new long[] {k, v}));
        assertEquals(model.size(), entries.size());
        Iterator<long[]> it = model.values().iterator();
        for (long[] e : entries) {
            long[] m = it.next();
            assertTrue(Hashing.equal(m[0], e[0]), "key order");
            assertEquals(m[0], e[0], "the first-inserted key word is kept");
            assertEquals(m[1], e[1]);
        }
    }

    @Test
    void resizeCompactsTombstones() {
        long d = DictObj.alloc(heap);
        heap.handles().pushAddress(d);
        for (int i = 0; i < 1000; i++) DictObj.put(heap, d, ofInt(i), ofInt(i));
        for (int i = 0; i < 990; i++) DictObj.remove(d, ofInt(i));
        assertEquals(10, DictObj.size(d));
        assertEquals(1000, DictObj.entryLimit(d));
        // Churn: inserting new keys fills the entries, then the table is rebuilt at the live size.
        for (int i = 1000; i < 3000; i++) {
            DictObj.put(heap, d, ofInt(i), ofInt(i));
            DictObj.remove(d, ofInt(i));
        }
        assertEquals(10, DictObj.size(d));
        long table = Mem.getLong(d + DictObj.TABLE);
        assertTrue(Mem.getLong(table + DictObj.T_SLOTS) <= 64, "table shrank to " + Mem.getLong(table + DictObj.T_SLOTS));
        long[] keys = new long[10];
        int[] n = {0};
        DictObj.forEach(d, (k, v) -> keys[n[0]++] = asInt(k));
        assertArrayEquals(new long[] {990, 991, 992, 993, 994, 995, 996, 997, 998, 999}, keys);
        heap.handles().reset(0);
    }

    @Test
    void manyStringKeysSurviveCollections() {
        long d = DictObj.alloc(heap);
        heap.handles().pushAddress(d);
        for (int i = 0; i < 100_000; i++) DictObj.put(heap, d, str("k" + i), str("v" + i));
        heap.collect();
        heap.verify();
        for (int i = 0; i < 100_000; i += 7) {
            assertEquals("v" + i, Str.toJavaString(asPointer(DictObj.get(d, str("k" + i)))));
        }
        long copy = DictObj.copy(heap, d);
        DictObj.remove(d, str("k5"));
        assertEquals(100_000, DictObj.size(copy));
        assertEquals("v5", Str.toJavaString(asPointer(DictObj.get(copy, str("k5")))));
        DictObj.clear(d);
        assertEquals(0, DictObj.size(d));
        assertEquals(UNBOUND, DictObj.get(d, str("k1")));
        heap.handles().reset(0);
    }
}
