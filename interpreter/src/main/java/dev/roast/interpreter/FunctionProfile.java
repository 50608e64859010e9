package dev.roast.interpreter;

import java.util.Arrays;

/**
 * What the interpreter records about one function for the tier policy and the optimizing tier: calls, each
 * loop's back-edges, and type feedback — the kinds of value seen at each `any` operand and the functions
 * reached from each call whose target is not static (see {@link TypeFeedback} for the encoding).
 */
public final class FunctionProfile {
    /** A call site's target before its first execution. */
    public static final int NO_TARGET = Integer.MIN_VALUE;
    /** A call site that has reached more than one function. */
    public static final int MANY_TARGETS = Integer.MAX_VALUE;

    /** A call adds as much heat as this many loop back-edges. */
    public static final int BACK_EDGES_PER_CALL = 8;

    int calls;
    /**
     * Counts down by {@link #BACK_EDGES_PER_CALL} per call and by one per back-edge; at zero the interpreter
     * asks the tier policy (which sets it again). Starts at "never".
     */
    int heat = Integer.MAX_VALUE;
    final int[] backEdges;
    /** By code position of an operand: the union of the {@link TypeFeedback} kind bits seen there. */
    final byte[] operandKinds;
    /** By code position of a call instruction: NO_TARGET, one function id, or MANY_TARGETS. */
    final int[] callTargets;

    FunctionProfile(int loops, int codeLength) {
        backEdges = new int[loops];
        operandKinds = new byte[codeLength];
        callTargets = new int[codeLength];
        Arrays.fill(callTargets, NO_TARGET);
    }

    public int calls() { return calls; }

    public int backEdges(int loop) { return backEdges[loop]; }

    /** Heat left before the tier policy is asked about this function (see {@link #BACK_EDGES_PER_CALL}). */
    public int heat() { return heat; }

    public void setHeat(int heat) { this.heat = heat; }

    /** The kind bits seen in the operand at code position {@code position} (0: never executed). */
    public int operandKinds(int position) { return operandKinds[position] & 0xFF; }

    /** The call target seen at the call instruction at {@code pc}: NO_TARGET, a function id, or MANY_TARGETS. */
    public int callTarget(int pc) { return callTargets[pc]; }

    void recordTarget(int pc, int functionId) {
        int seen = callTargets[pc];
        if (seen != functionId) callTargets[pc] = seen == NO_TARGET ? functionId : MANY_TARGETS;
    }
}
