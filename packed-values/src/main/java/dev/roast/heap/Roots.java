package dev.roast.heap;

/** A source of GC roots: the interpreter reports its value stack, globals and constant pools through one. */
@FunctionalInterface
public interface Roots {
    /** Reports every word that may hold a pointer the program can still reach. Must not allocate. */
    void forEachRoot(RootVisitor visitor);
}
