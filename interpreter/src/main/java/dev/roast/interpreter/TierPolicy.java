package dev.roast.interpreter;

/**
 * What the interpreter asks the tier policy (module vm) when code gets hot, and what it tells it when
 * machine code hands an activation back. The interpreter only counts; deciding, compiling, installing
 * and tracing are the policy's.
 */
public interface TierPolicy extends AutoCloseable {
    /**
     * Function {@code id}'s heat ran out (its calls plus weighted back-edges reached the threshold). The
     * policy compiles it ({@link NativeContext#install}) or not, and gives it new heat
     * ({@link FunctionProfile#setHeat}) either way.
     */
    void functionHot(int id);

    /**
     * A loop of function {@code id}, whose header is at {@code headerPc}, made the function hot while it
     * runs in the interpreter: the address of machine code that continues that activation at the header
     * with the same frame (on-stack replacement), or 0 to go on interpreting.
     */
    long loopHot(int id, int headerPc);

    /** Machine code of function {@code id} handed its activation back to the interpreter at {@code pc}. */
    void leftMachineCode(int id, int pc, ExitReason reason, String detail);

    /** The run has ended: machine code is freed. */
    @Override
    default void close() { }

    /** The interpreter alone: nothing is ever compiled, and counting never asks again. */
    TierPolicy INTERPRETER_ONLY = new TierPolicy() {
        @Override
        public void functionHot(int id) { }

        @Override
        public long loopHot(int id, int headerPc) { return 0; }

        @Override
        public void leftMachineCode(int id, int pc, ExitReason reason, String detail) { }
    };

    /** Makes the policy for one run, once the program is linked and its native context exists. */
    interface Factory {
        TierPolicy create(Program program, NativeContext context);
    }
}
