package dev.roast.heap;

import static dev.roast.values.PackedValue.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Layouts and accessors of the small kinds: BOXED_INT, INSTANCE, EXCEPTION, CELL, FUNCTION, BOUND_METHOD, RANGE, ITERATOR. */
class ObjectKindsTest {
    private final Heap heap = new Heap(32L << 20, 1 << 20);

    @AfterEach
    void close() { heap.close(); }

    @Test
    void unboundIsANonCanonicalNonValue() {
        assertEquals(0xFFFE_0000_0000_0002L, UNBOUND);
        assertFalse(isCanonical(UNBOUND));
        assertFalse(isPointer(UNBOUND));
        assertNotEquals(TRUE, UNBOUND);
        assertNotEquals(FALSE, UNBOUND);
    }

    @Test
    void boxedInt() {
        long b = BoxedInt.alloc(heap, Long.MAX_VALUE);
        assertEquals(ObjectKind.BOXED_INT, Header.kind(b));
        assertEquals(16, Header.size(b));
        assertEquals(Long.MAX_VALUE, Mem.getLong(b + 8));
        assertEquals(Long.MAX_VALUE, BoxedInt.value(b));
        assertThrows(IllegalArgumentException.class, () -> BoxedInt.alloc(heap, 5));
        assertEquals(ofInt(5), BoxedInt.valueOf(heap, 5));
        long w = BoxedInt.valueOf(heap, INLINE_MAX + 1);
        assertTrue(isPointer(w));
        assertEquals(INLINE_MAX + 1, BoxedInt.toLong(w));
        assertEquals(-7, BoxedInt.toLong(ofInt(-7)));
        assertTrue(BoxedInt.isInt(w));
        assertTrue(BoxedInt.isInt(ofInt(0)));
        assertFalse(BoxedInt.isInt(ofDouble(1)));
    }

    @Test
    void instanceAndException() {
        long o = Instance.alloc(heap, 42, 3);
        assertEquals(ObjectKind.INSTANCE, Header.kind(o));
        assertEquals(16 + 3 * 8, Header.size(o));
        assertEquals(42, Mem.getLong(o + 8), "+8 class id");
        for (int i = 0; i < 3; i++) assertEquals(UNBOUND, Mem.getLong(o + 16 + 8 * i), "fields start UNBOUND");
        Instance.set(o, 2, ofInt(9));
        assertEquals(ofInt(9), Mem.getLong(o + 16 + 16));
        assertEquals(ofInt(9), Instance.get(o, 2));
        assertEquals(3, Instance.fieldCount(o));
        assertEquals(42, Instance.classId(o));
        assertThrows(IndexOutOfBoundsException.class, () -> Instance.get(o, 3));
        assertFalse(Instance.isException(o));
        long e = Instance.allocException(heap, 7, 1);
        assertEquals(ObjectKind.EXCEPTION, Header.kind(e));
        assertTrue(Instance.isException(e));
        long empty = Instance.alloc(heap, 1, 0);
        assertEquals(16, Header.size(empty));
        assertEquals(0, Instance.fieldCount(empty));
    }

    @Test
    void cellFunctionBoundMethod() {
        long c = Cell.alloc(heap);
        assertEquals(ObjectKind.CELL, Header.kind(c));
        assertEquals(UNBOUND, Mem.getLong(c + 8));
        Cell.set(c, ofInt(3));
        assertEquals(ofInt(3), Cell.get(c));
        long c2 = Cell.alloc(heap, TRUE);
        assertEquals(TRUE, Cell.get(c2));

        long f = FunctionObj.alloc(heap, 17, ofPointer(c), ofPointer(c2));
        assertEquals(ObjectKind.FUNCTION, Header.kind(f));
        assertEquals(17, Mem.getLong(f + 8));
        assertEquals(2, Mem.getLong(f + 16));
        assertEquals(ofPointer(c), Mem.getLong(f + 24));
        assertEquals(ofPointer(c2), Mem.getLong(f + 32));
        assertEquals(ofPointer(c2), FunctionObj.cell(f, 1));
        assertEquals(17, FunctionObj.functionId(f));
        assertEquals(2, FunctionObj.cellCount(f));
        long g = FunctionObj.alloc(heap, 3, 1);
        FunctionObj.setCell(g, 0, ofPointer(c));
        assertEquals(ofPointer(c), FunctionObj.cell(g, 0));
        assertEquals(24, Header.size(FunctionObj.alloc(heap, 1)));

        long o = Instance.alloc(heap, 1, 0);
        long m = BoundMethod.alloc(heap, ofPointer(o), 99);
        assertEquals(ObjectKind.BOUND_METHOD, Header.kind(m));
        assertEquals(ofPointer(o), Mem.getLong(m + 8));
        assertEquals(99, Mem.getLong(m + 16));
        assertEquals(ofPointer(o), BoundMethod.receiver(m));
    }

    @Test
    void rangeLayoutAndLength() {
        long r = RangeObj.alloc(heap, 1, 10, 3);
        assertEquals(ObjectKind.RANGE, Header.kind(r));
        assertEquals(1, Mem.getLong(r + 8));
        assertEquals(10, Mem.getLong(r + 16));
        assertEquals(3, Mem.getLong(r + 24));
        assertEquals(3, RangeObj.length(r));
        assertEquals(7, RangeObj.get(r, 2));
        assertEquals(0, RangeObj.length(5, 5, 1));
        assertEquals(5, RangeObj.length(5, 0, -1));
        assertEquals(0, RangeObj.length(0, 5, -1));
        assertEquals(2, RangeObj.length(10, -10, -11));
        assertEquals(Long.MAX_VALUE, RangeObj.length(Long.MIN_VALUE, Long.MAX_VALUE, 1), "capped");
        assertEquals(3, RangeObj.length(Long.MIN_VALUE, Long.MAX_VALUE, Long.MAX_VALUE));  // MIN, -1, MAX - 1
        assertEquals(2, RangeObj.length(Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE));  // MAX, -1
        assertThrows(IllegalArgumentException.class, () -> RangeObj.alloc(heap, 0, 1, 0));
    }

    private List<Long> drain(long it) {
        List<Long> out = new ArrayList<>();
        for (long v; (v = IteratorObj.next(heap, it)) != UNBOUND; ) out.add(v);
        assertEquals(UNBOUND, IteratorObj.next(heap, it), "stays exhausted");
        return out;
    }

    @Test
    void iterators() {
        long list = ListObj.of(heap, ofInt(1), ofInt(2));
        heap.handles().pushAddress(list);
        long it = IteratorObj.of(heap, list);
        assertEquals(ObjectKind.ITERATOR, Header.kind(it));
        assertEquals(40, Header.size(it));
        assertEquals(ofPointer(list), Mem.getLong(it + 8));
        assertEquals(0, Mem.getLong(it + 16));
        assertEquals(IteratorObj.LIST, Mem.getLong(it + 24));
        assertEquals(ofInt(1), IteratorObj.next(heap, it));
        assertEquals(1, Mem.getLong(it + 16));
        ListObj.append(heap, list, ofInt(3));  // seen by the running iterator, as in Python
        assertEquals(List.of(ofInt(2), ofInt(3)), drain(it));
        assertEquals(NONE, Mem.getLong(it + 8), "an exhausted iterator drops its object");

        long s = Str.of(heap, "aé€😀");
        heap.handles().pushAddress(s);
        List<String> chars = drain(IteratorObj.of(heap, s)).stream().map(w -> Str.toJavaString(asPointer(w))).toList();
        assertEquals(List.of("a", "é", "€", "😀"), chars);

        long r = RangeObj.alloc(heap, INLINE_MAX - 1, INLINE_MAX + 2, 1);
        long rit = IteratorObj.of(heap, r);
        assertEquals(3, Mem.getLong(rit + 32), "a range iterator's limit is the length");
        List<Long> vs = drain(rit).stream().map(BoxedInt::toLong).toList();
        assertEquals(List.of(INLINE_MAX - 1, INLINE_MAX, INLINE_MAX + 1), vs);

        long d = DictObj.alloc(heap);
        heap.handles().pushAddress(d);
        for (int i = 0; i < 5; i++) DictObj.put(heap, d, ofInt(i), ofInt(10 * i));
        DictObj.remove(d, ofInt(2));
        assertEquals(List.of(ofInt(0), ofInt(1), ofInt(3), ofInt(4)), drain(IteratorObj.of(heap, d)));
        assertEquals(List.of(ofInt(0), ofInt(10), ofInt(30), ofInt(40)),
                drain(IteratorObj.alloc(heap, d, IteratorObj.DICT_VALUES)));
        long dit = IteratorObj.of(heap, d);
        IteratorObj.next(heap, dit);
        DictObj.put(heap, d, ofInt(9), NONE);
        assertThrows(IteratorObj.DictChangedSize.class, () -> IteratorObj.next(heap, dit));
        assertEquals(UNBOUND, IteratorObj.next(heap, dit));
        assertThrows(IllegalArgumentException.class, () -> IteratorObj.of(heap, Instance.alloc(heap, 0, 0)));
        heap.handles().reset(0);
    }
}
