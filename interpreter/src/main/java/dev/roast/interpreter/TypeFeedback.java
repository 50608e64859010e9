package dev.roast.interpreter;

import dev.roast.bytecode.Opcode;
import dev.roast.bytecode.Operand;
import dev.roast.heap.Header;
import dev.roast.heap.ObjectKind;
import dev.roast.values.PackedValue;
import java.util.ArrayList;

/**
 * Type feedback at `any` operations: one byte per operand, the union of the kinds of value seen there. The
 * operations that record it are those whose {@link Opcode#feedback()} is OPERAND_KINDS; call targets are
 * recorded by the calls themselves ({@link FunctionProfile#recordTarget}).
 */
public final class TypeFeedback {
    private TypeFeedback() {}

    public static final int INT = 1, FLOAT = 2, BOOL = 4, NONE = 8, STR = 16, LIST = 32, DICT = 64, OBJECT = 128;

    /** For each opcode, the offsets from pc of its REG/OPT_REG operands (those before any REGS list). */
    private static final int[][] OPERAND_OFFSETS = new int[Opcode.values().length][];

    static {
        for (Opcode op : Opcode.values()) {
            var offsets = new ArrayList<Integer>();
            if (op.feedback() == Opcode.Feedback.OPERAND_KINDS) {
                int at = 1;
                for (Operand o : op.operands()) {
                    if (o == Operand.REGS) break;
                    if (o == Operand.REG || o == Operand.OPT_REG) offsets.add(at);
                    at++;
                }
            }
            OPERAND_OFFSETS[op.ordinal()] = offsets.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /** The kind bit of one value (boxed ints, instances, functions, ranges… are OBJECT). */
    public static int kindOf(long word) {
        if (PackedValue.isInt(word)) return INT;
        if (PackedValue.isDouble(word)) return FLOAT;
        if (word == PackedValue.TRUE || word == PackedValue.FALSE) return BOOL;
        if (!PackedValue.isPointer(word)) return NONE;
        return switch (Header.kind(PackedValue.asPointer(word))) {
            case ObjectKind.STR -> STR;
            case ObjectKind.LIST -> LIST;
            case ObjectKind.DICT -> DICT;
            default -> OBJECT;
        };
    }

    /**
     * The kind bit of a value judged from the word alone (every pointer is OBJECT): what `is`/`is not`
     * record, inline in the dispatch loop, where identity needs no more.
     */
    static int kindOfWord(long word) {
        if (PackedValue.isInt(word)) return INT;
        if (PackedValue.isDouble(word)) return FLOAT;
        if (word == PackedValue.TRUE || word == PackedValue.FALSE) return BOOL;
        return PackedValue.isPointer(word) ? OBJECT : NONE;
    }

    /** Records the kinds of the values in the operands of the instruction at {@code pc} (an OPERAND_KINDS op). */
    static void recordOperands(FunctionProfile profile, int[] code, int pc, long fp) {
        for (int offset : OPERAND_OFFSETS[code[pc]]) {
            int slot = code[pc + offset];
            if (slot >= 0) profile.operandKinds[pc + offset] |= (byte) kindOf(Interpreter.slot(fp, slot));
        }
    }

    /** Whether {@code op} records operand kinds. */
    static boolean recordsOperands(int op) { return OPERAND_OFFSETS[op].length > 0; }
}
