package dev.roast.interpreter;

/** What the interpreter counts for one function, for the tier policy: calls and each loop's back-edges. */
public final class FunctionProfile {
    int calls;
    final int[] backEdges;

    FunctionProfile(int loops) {
        backEdges = new int[loops];
    }

    public int calls() { return calls; }

    public int backEdges(int loop) { return backEdges[loop]; }
}
