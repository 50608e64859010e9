package dev.roast.bytecode;

import dev.roast.frontend.hir.FunctionInfo;

/**
 * One function's bytecode and metadata: the code words, the source offset of
 * each instruction (for tracebacks), the constant pool, and the frame shape
 * (parameters in slots 0..paramCount-1, then temporaries and variables, then
 * constant slots; frameSize slots in all).
 */
public final class BytecodeFunction {
    private final FunctionInfo info;
    private final int[] code;
    private final int[] positions;
    private final Object[] constants;
    private final int frameSize;
    private final int loopCount;
    private final int[] constantSlots;

    public BytecodeFunction(FunctionInfo info, int[] code, int[] positions, Object[] constants, int frameSize, int loopCount,
                            int[] constantSlots) {
        this.info = info;
        this.constantSlots = constantSlots;
        this.code = code;
        this.positions = positions;
        this.constants = constants;
        this.frameSize = frameSize;
        this.loopCount = loopCount;
    }

    public FunctionInfo info() { return info; }

    /** The instruction stream: an opcode ordinal followed by its operands, see {@link Opcode}. */
    public int[] code() { return code; }

    /** For each code index holding an opcode, the source char offset it came from; -1 elsewhere. */
    public int[] positions() { return positions; }

    public Object[] constants() { return constants; }

    public int frameSize() { return frameSize; }

    /**
     * Pairs (slot, constant index): slots that a call fills with their constant when it sets up the frame,
     * so that instructions read constants as operands instead of loading them each time they run. No
     * instruction writes these slots.
     */
    public int[] constantSlots() { return constantSlots; }

    public int paramCount() { return info.params().size(); }

    /** Number of LOOP instructions (each with its back-edge counter). */
    public int loopCount() { return loopCount; }

    /** Number of instructions (not words). */
    public int instructionCount() {
        int n = 0;
        for (int p : positions) if (p >= 0) n++;
        return n;
    }
}
