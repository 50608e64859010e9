package dev.roast.heap;

import dev.roast.values.PackedValue;
import java.util.Arrays;

/**
 * A stack of packed words that is always a GC root: Java runtime code pushes the objects it holds in
 * Java locals across an allocation (any allocation may collect) and resets to a mark when done.
 *
 * <pre>{@code
 * int m = scope.mark();
 * try {
 *     int list = scope.push(PackedValue.ofPointer(ListObj.alloc(heap, 0)));
 *     ... allocate freely; read the list back with scope.get(list) ...
 * } finally {
 *     scope.reset(m);
 * }
 * }</pre>
 */
public final class HandleScope {
    private long[] words = new long[64];
    private int top;

    /** Pushes a packed word; returns its slot, valid until a reset below it. */
    public int push(long word) {
        if (top == words.length) words = Arrays.copyOf(words, top * 2);
        words[top] = word;
        return top++;
    }

    /** Pushes the object at {@code address} as a POINTER word; returns its slot. */
    public int pushAddress(long address) { return push(PackedValue.ofPointer(address)); }

    /** The word in a slot. */
    public long get(int slot) {
        if (slot >= top) throw new IndexOutOfBoundsException(slot);
        return words[slot];
    }

    /** Replaces the word in a slot. */
    public void set(int slot, long word) {
        if (slot >= top) throw new IndexOutOfBoundsException(slot);
        words[slot] = word;
    }

    /** Removes and returns the top word. */
    public long pop() {
        if (top == 0) throw new IllegalStateException("handle scope is empty");
        return words[--top];
    }

    /** The current depth, to {@link #reset} to later. */
    public int mark() { return top; }

    /** Drops every word pushed since {@code mark}. */
    public void reset(int mark) {
        if (mark < 0 || mark > top) throw new IllegalArgumentException("bad mark " + mark + " (depth " + top + ")");
        top = mark;
    }

    /** The number of words held. */
    public int size() { return top; }

    void visit(RootVisitor v) { v.visitArray(words, 0, top); }
}
