package dev.roast.bytecode;

import dev.roast.frontend.hir.FunctionInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes instructions as {@link Opcode} declares them, with labels for
 * forward jumps (patched when bound) and an interned constant pool.
 */
public final class BytecodeWriter {
    /** A jump target; bound to a code offset once, possibly after jumps to it were written. */
    public static final class Label {
        private int offset = -1;
        private final List<Integer> fixups = new ArrayList<>();
    }

    private int[] code = new int[64];
    private int[] positions = new int[64];
    private int size;
    private final List<Object> constants = new ArrayList<>();
    private final Map<Object, Integer> constantIndex = new HashMap<>();
    private int loops;

    public Label newLabel() { return new Label(); }

    public void bind(Label l) {
        if (l.offset >= 0) throw new IllegalStateException("label bound twice");
        l.offset = size;
        for (int at : l.fixups) code[at] = size;
    }

    public int offset() { return size; }

    /** Index of a constant in the pool, reusing an equal one (doubles compare bitwise, so -0.0 and NaN are kept apart right). */
    public int constant(Object value) {
        Object key = value instanceof Double d ? (Object) Double.doubleToRawLongBits(d) + "d" : value;
        Integer i = constantIndex.get(key);
        if (i != null) return i;
        constants.add(value);
        constantIndex.put(key, constants.size() - 1);
        return constants.size() - 1;
    }

    public int newLoop() { return loops++; }

    private void word(int w) {
        if (size == code.length) {
            code = Arrays.copyOf(code, size * 2);
            positions = Arrays.copyOf(positions, size * 2);
        }
        positions[size] = -1;
        code[size++] = w;
    }

    /**
     * Writes one instruction. Operands come in {@link Opcode#operands()} order:
     * an int for DST/REG/OPT_REG/IMM/CONST, a {@link Label} for TARGET, an int[] for REGS.
     */
    public void emit(Opcode op, int sourceOffset, Object... operands) {
        List<Operand> kinds = op.operands();
        if (kinds.size() != operands.length) throw new IllegalArgumentException(op + " takes " + kinds.size() + " operands");
        int start = size;
        word(op.ordinal());
        positions[start] = sourceOffset;
        for (int i = 0; i < operands.length; i++) {
            switch (kinds.get(i)) {
                case TARGET -> {
                    Label l = (Label) operands[i];
                    if (l.offset >= 0) word(l.offset);
                    else {
                        l.fixups.add(size);
                        word(-1);
                    }
                }
                case REGS -> {
                    int[] regs = (int[]) operands[i];
                    word(regs.length);
                    for (int r : regs) word(r);
                }
                default -> word((Integer) operands[i]);
            }
        }
    }

    public BytecodeFunction finish(FunctionInfo info, int frameSize, int[] constantSlots) {
        return new BytecodeFunction(info, Arrays.copyOf(code, size), Arrays.copyOf(positions, size), constants.toArray(),
                frameSize, loops, constantSlots);
    }
}
