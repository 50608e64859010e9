package dev.roast.interpreter;

import dev.roast.bytecode.BytecodeFunction;
import dev.roast.interpreter.arith.FloatArith;
import dev.roast.interpreter.arith.IntArith;
import dev.roast.values.PackedValue;

/**
 * The operations the dispatch loop does inline, executed one at a time through {@link Runtime#slowOp}: the
 * slow paths of machine code's fast paths (a boxed int, an overflow, a zero divisor, an unbound global or
 * field, a call it does not make itself). Same helpers as the interpreter's own slow paths, so the results
 * and errors are the interpreter's.
 */
final class OutOfLineOps {
    private final Runtime runtime;
    private final Program program;

    OutOfLineOps(Runtime runtime, Program program) {
        this.runtime = runtime;
        this.program = program;
    }

    /** Whether {@link #execute} does this opcode. */
    static boolean handles(int op) {
        return switch (op) {
            case Op.MOVE, Op.LOAD_INT, Op.LOAD_CONST, Op.LOAD_TRUE, Op.LOAD_FALSE, Op.LOAD_NONE, Op.LOAD_GLOBAL, Op.STORE_GLOBAL,
                 Op.ADD_INT, Op.SUB_INT, Op.MUL_INT, Op.ADD_INT_IMM, Op.FLOOR_DIV_INT, Op.MOD_INT,
                 Op.ADD_FLOAT, Op.SUB_FLOAT, Op.MUL_FLOAT, Op.DIV_FLOAT,
                 Op.LT_INT, Op.LE_INT, Op.GT_INT, Op.GE_INT, Op.EQ_INT, Op.NE_INT,
                 Op.LT_FLOAT, Op.LE_FLOAT, Op.GT_FLOAT, Op.GE_FLOAT, Op.EQ_FLOAT, Op.NE_FLOAT,
                 Op.JUMP_UNLESS_LT_INT, Op.JUMP_UNLESS_LE_INT, Op.JUMP_UNLESS_GT_INT, Op.JUMP_UNLESS_GE_INT,
                 Op.JUMP_UNLESS_EQ_INT, Op.JUMP_UNLESS_NE_INT, Op.GET_FIELD, Op.SET_FIELD, Op.CALL_DIRECT, Op.CALL_VIRTUAL -> true;
            default -> false;
        };
    }

    /** Executes the instruction at {@code pc}; returns the next pc. */
    int execute(Interpreter in, int id, BytecodeFunction f, long fp, int pc) {
        int[] code = f.code();
        switch (code[pc]) {
            case Op.MOVE -> set(fp, code[pc + 1], get(fp, code[pc + 2]));
            case Op.LOAD_INT -> set(fp, code[pc + 1], PackedValue.ofInt(code[pc + 2]));
            case Op.LOAD_CONST -> set(fp, code[pc + 1], program.constants(id)[code[pc + 2]]);
            case Op.LOAD_TRUE -> set(fp, code[pc + 1], PackedValue.TRUE);
            case Op.LOAD_FALSE -> set(fp, code[pc + 1], PackedValue.FALSE);
            case Op.LOAD_NONE -> set(fp, code[pc + 1], PackedValue.NONE);
            case Op.LOAD_GLOBAL -> {
                long v = program.global(code[pc + 2]);
                if (v == PackedValue.UNBOUND) throw runtime.unboundGlobal(f, code[pc + 3]);
                set(fp, code[pc + 1], v);
            }
            case Op.STORE_GLOBAL -> program.setGlobal(code[pc + 1], get(fp, code[pc + 2]));
            case Op.ADD_INT, Op.SUB_INT, Op.MUL_INT -> set(fp, code[pc + 1], runtime.intArith(code[pc], get(fp, code[pc + 2]), get(fp, code[pc + 3])));
            case Op.ADD_INT_IMM -> set(fp, code[pc + 1], runtime.intArith(Op.ADD_INT, get(fp, code[pc + 2]), PackedValue.ofInt(code[pc + 3])));
            case Op.FLOOR_DIV_INT, Op.MOD_INT -> {
                long x = runtime.intValue(get(fp, code[pc + 2])), y = runtime.intValue(get(fp, code[pc + 3]));
                set(fp, code[pc + 1], runtime.intOf(code[pc] == Op.MOD_INT ? IntArith.mod(x, y) : IntArith.floorDiv(x, y)));
            }
            case Op.ADD_FLOAT, Op.SUB_FLOAT, Op.MUL_FLOAT, Op.DIV_FLOAT -> {
                double a = PackedValue.asDouble(get(fp, code[pc + 2])), b = PackedValue.asDouble(get(fp, code[pc + 3]));
                double r = switch (code[pc]) {
                    case Op.ADD_FLOAT -> a + b;
                    case Op.SUB_FLOAT -> a - b;
                    case Op.MUL_FLOAT -> a * b;
                    default -> FloatArith.div(a, b);
                };
                set(fp, code[pc + 1], PackedValue.ofDouble(r));
            }
            case Op.LT_INT, Op.LE_INT, Op.GT_INT, Op.GE_INT, Op.EQ_INT, Op.NE_INT -> {
                long a = runtime.intValue(get(fp, code[pc + 2])), b = runtime.intValue(get(fp, code[pc + 3]));
                set(fp, code[pc + 1], PackedValue.ofBool(Interpreter.compareInt(code[pc], Op.LT_INT, a, b)));
            }
            case Op.LT_FLOAT, Op.LE_FLOAT, Op.GT_FLOAT, Op.GE_FLOAT, Op.EQ_FLOAT, Op.NE_FLOAT -> {
                double a = PackedValue.asDouble(get(fp, code[pc + 2])), b = PackedValue.asDouble(get(fp, code[pc + 3]));
                set(fp, code[pc + 1], PackedValue.ofBool(Interpreter.compareFloat(code[pc], Op.LT_FLOAT, a, b)));
            }
            case Op.JUMP_UNLESS_LT_INT, Op.JUMP_UNLESS_LE_INT, Op.JUMP_UNLESS_GT_INT, Op.JUMP_UNLESS_GE_INT,
                 Op.JUMP_UNLESS_EQ_INT, Op.JUMP_UNLESS_NE_INT -> {
                long a = runtime.intValue(get(fp, code[pc + 1])), b = runtime.intValue(get(fp, code[pc + 2]));
                return Interpreter.compareInt(code[pc], Op.JUMP_UNLESS_LT_INT, a, b) ? pc + 4 : code[pc + 3];
            }
            case Op.GET_FIELD -> {
                long obj = get(fp, code[pc + 2]);
                long v = PackedValue.isPointer(obj) ? dev.roast.heap.Instance.get(PackedValue.asPointer(obj), code[pc + 3]) : PackedValue.UNBOUND;
                if (v == PackedValue.UNBOUND) throw runtime.missingField(obj, f, code[pc + 4]);
                set(fp, code[pc + 1], v);
            }
            case Op.SET_FIELD -> {
                long obj = get(fp, code[pc + 1]);
                if (!PackedValue.isPointer(obj)) throw runtime.setFieldOnNone(obj);
                dev.roast.heap.Instance.set(PackedValue.asPointer(obj), code[pc + 2], get(fp, code[pc + 3]));
            }
            case Op.CALL_DIRECT, Op.CALL_VIRTUAL -> {
                int argc = code[pc + 3];
                set(fp, code[pc + 1], in.call(in.callee(id, f, fp, code, pc), PackedValue.NONE, fp, code, pc + 4, argc));
            }
            default -> throw new IllegalStateException("not an inline operation: " + dev.roast.bytecode.Opcode.of(code[pc]));
        }
        return pc + dev.roast.bytecode.Opcode.lengthAt(code, pc);
    }

    private static long get(long fp, int slot) { return Interpreter.slot(fp, slot); }

    private static void set(long fp, int slot, long v) { Interpreter.setSlot(fp, slot, v); }
}
