package dev.roast.interpreter;

import dev.roast.bytecode.Opcode;
import dev.roast.bytecode.Operand;

/**
 * Per-opcode tables the dispatch loop reads before its switch, derived from the {@link Opcode} table.
 *
 * <p>Why: every frame access is an FFM memory access that C2 inlines as a deep call chain. With one read
 * and one write per case the loop had ~120 of them, and C2 stopped inlining two-thirds of the way through
 * the method (NodeCountInliningCutoff), turning the float arithmetic, field access and calls into real
 * calls of {@code get}/{@code set}: nbody ran 3–5× slower than the same loop fully inlined. Fetching the
 * operands once, before the switch, and storing the result once, after it, leaves a handful of sites.
 */
final class Dispatch {
    private Dispatch() {}

    /**
     * For each opcode, the code offsets of its first two REG operands (those before any REGS list):
     * bits 0–7 the first, bits 8–15 the second, 0 for none. OPT_REG operands are not fetched (they may be -1).
     */
    static final int[] INPUTS = new int[Opcode.values().length];
    /** For each opcode, its length in words when it has no REGS list (0 otherwise: those ops advance pc themselves). */
    static final int[] LENGTH = new int[Opcode.values().length];

    static {
        for (Opcode op : Opcode.values()) {
            int at = 1, inputs = 0, shift = 0;
            boolean fixed = true;
            for (Operand o : op.operands()) {
                if (o == Operand.REGS) {
                    fixed = false;
                    break;
                }
                if (o == Operand.REG && shift < 16) {
                    inputs |= at << shift;
                    shift += 8;
                }
                at++;
            }
            // A virtual call's receiver, its first argument, decides the target: fetch it as the first input.
            if (op == Opcode.CALL_VIRTUAL) inputs = 4;
            INPUTS[op.ordinal()] = inputs;
            LENGTH[op.ordinal()] = fixed ? at : 0;
        }
    }
}
