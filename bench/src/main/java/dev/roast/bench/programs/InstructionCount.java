package dev.roast.bench.programs;

import dev.roast.bytecode.BytecodeFunction;
import dev.roast.bytecode.Opcode;
import dev.roast.bytecode.Operand;

/**
 * Counts the bytecode instructions a benchmark program executes, by decoding its functions' code
 * (what {@code roast dis --bytecode} prints), so that {@code @OperationsPerInvocation} can be checked
 * against the bytecode compiler of the day instead of trusted.
 */
public final class InstructionCount {
    private InstructionCount() {}

    /**
     * The instructions one iteration of {@code f}'s only loop executes: from the loop's header (the
     * target of its one {@code JUMP_LOOP}) to that {@code JUMP_LOOP}, both included. The body must be
     * straight-line apart from the loop's exit test, so that every iteration runs each of them once.
     */
    public static int perIteration(BytecodeFunction f) {
        int[] code = f.code();
        int jumpLoop = -1;
        for (int pc = 0; pc < code.length; pc += Opcode.lengthAt(code, pc)) {
            if (code[pc] != Opcode.JUMP_LOOP.ordinal()) continue;
            if (jumpLoop >= 0) throw new IllegalStateException(f.info().qualifiedName() + " has more than one loop");
            jumpLoop = pc;
        }
        if (jumpLoop < 0) throw new IllegalStateException(f.info().qualifiedName() + " has no loop");
        int header = code[jumpLoop + 1];  // JUMP_LOOP(TARGET, IMM): the target is an absolute code index
        int n = 0;
        for (int pc = header; pc <= jumpLoop; pc += Opcode.lengthAt(code, pc)) {
            if (pc != header && pc != jumpLoop && branches(code[pc])) {
                throw new IllegalStateException(f.info().qualifiedName() + ": the loop body branches at " + pc);
            }
            n++;
        }
        return n;
    }

    /** The instructions of {@code f}, which must be straight-line code (so a call runs each of them once). */
    public static int straightLine(BytecodeFunction f) {
        int[] code = f.code();
        int n = 0;
        for (int pc = 0; pc < code.length; pc += Opcode.lengthAt(code, pc)) {
            if (branches(code[pc])) throw new IllegalStateException(f.info().qualifiedName() + " branches at " + pc);
            n++;
        }
        return n;
    }

    /** Checks a count the benchmark's {@code @OperationsPerInvocation} was computed from. */
    public static void expect(String what, int expected, int actual) {
        if (expected != actual) {
            throw new IllegalStateException(what + ": the bytecode now executes " + actual + " instructions, the benchmark assumes "
                    + expected + "; update its @OperationsPerInvocation and comment (roast dis --bytecode shows the code)");
        }
    }

    private static boolean branches(int opcode) {
        return Opcode.values()[opcode].operands().contains(Operand.TARGET);
    }
}
