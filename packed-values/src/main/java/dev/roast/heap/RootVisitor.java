package dev.roast.heap;

/** Receives the root words a {@link Roots} reports during a collection. */
public interface RootVisitor {
    /** One packed value word; only POINTER words matter, anything else is ignored. */
    void visit(long word);

    /** {@code count} packed words stored off-heap from {@code address} on (a value stack, a globals area). */
    void visitRange(long address, long count);

    /** Packed words {@code words[from..to)} in a Java array (constant pools, handle scopes). */
    default void visitArray(long[] words, int from, int to) {
        for (int i = from; i < to; i++) visit(words[i]);
    }
}
