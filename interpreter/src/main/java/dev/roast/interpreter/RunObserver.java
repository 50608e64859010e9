package dev.roast.interpreter;

import dev.roast.heap.Heap;

/** What {@link Vm#run} tells a caller that inspects or measures one run: the heap as it starts, the program as it ends. */
@FunctionalInterface
public interface RunObserver {
    /**
     * The heap is made and nothing has run on it yet, so a listener set here (`roast vm --stats`
     * notes every GC pause) sees every collection; the heap stays open until after {@link #ended}.
     */
    default void started(Heap heap) {}

    /** The program's top-level code is about to start. */
    default void running() {}

    /**
     * The program ended, whichever way (normally, by an uncaught exception, {@code sys.exit} or
     * MemoryError), its output flushed; its profiles and the heap are still there.
     */
    void ended(Program program);
}
