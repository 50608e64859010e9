package dev.roast.jit.baseline;

import dev.roast.bytecode.BytecodeFunction;
import dev.roast.bytecode.Opcode;
import dev.roast.bytecode.Operand;
import dev.roast.values.PackedValue;
import java.util.BitSet;

/**
 * The frame slots of a function that hold the same inline int whenever its code runs, so that machine code
 * can use the int itself rather than load and check the slot: the bytecode compiler's constant slots, which
 * every frame starts with (the interpreter's calls, {@code invoke} and compiled direct calls all copy the
 * function's frame template past the arguments), once a scan of the code proves that no instruction writes
 * them. Instructions write frame slots only through DST operands (the runtime stores each result to its
 * instruction's DST, and REGS lists are read); a call writes its callee's frame, which starts past this
 * frame's last slot. The garbage collector rewrites pointer words only, never an inline int.
 */
final class IntConstantSlots {
    private final BitSet constant = new BitSet();
    private final long[] template;

    private IntConstantSlots(BytecodeFunction f, long[] template) {
        this.template = template;
        int[] pairs = f.constantSlots();
        for (int i = 0; i < pairs.length; i += 2) {
            int s = pairs[i];
            if (PackedValue.isInt(template[s])) constant.set(s);
        }
        constant.andNot(writtenSlots(f.code()));
    }

    /** The int constant slots of {@code f}, whose new frames start with {@code template} past the arguments. */
    static IntConstantSlots of(BytecodeFunction f, long[] template) {
        return new IntConstantSlots(f, template);
    }

    /** The slots that some instruction of {@code code} writes: its DST operands. */
    static BitSet writtenSlots(int[] code) {
        var written = new BitSet();
        for (int pc = 0; pc < code.length; pc += Opcode.lengthAt(code, pc)) {
            int at = pc + 1;
            for (Operand o : Opcode.of(code[pc]).operands()) {
                if (o == Operand.DST) written.set(code[at]);
                at += o == Operand.REGS ? 1 + code[at] : 1;
            }
        }
        return written;
    }

    /** Whether slot {@code s} holds the same inline int on every run; then {@link #value} is it. */
    boolean has(int s) {
        return constant.get(s);
    }

    long value(int s) {
        if (!has(s)) throw new IllegalArgumentException("slot " + s + " is not an int constant");
        return PackedValue.asInt(template[s]);
    }
}
