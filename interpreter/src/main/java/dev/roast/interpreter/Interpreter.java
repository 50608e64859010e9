package dev.roast.interpreter;

import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;

import dev.roast.bytecode.BytecodeFunction;
import dev.roast.heap.Instance;
import dev.roast.heap.ListObj;
import dev.roast.interpreter.arith.FloatArith;
import dev.roast.interpreter.arith.IntArith;
import dev.roast.values.PackedValue;
import java.lang.foreign.MemorySegment;

/**
 * The dispatch loop over register bytecode. Frames live on the one off-heap
 * value stack (architecture decision 4): a frame is {@code frameSize} packed
 * words at {@code fp}, parameters first; a callee's frame starts where its
 * caller's ends. The hot operations are inline here — moves, constants, int
 * and float arithmetic on inline values, comparisons, branches, direct and
 * virtual calls, globals, fields and list items — and everything else is one
 * call into {@link Runtime}, which keeps this method small enough for C2.
 * A Roast call is a Java call of {@link #execute}.
 */
public final class Interpreter {
    static final MemorySegment M = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);

    // The `any` operations with an inline fast path when both words are inline ints (their IMM operand).
    private static final int ANY_ADD = dev.roast.mir.ArithOp.ANY_ADD.ordinal(), ANY_SUB = dev.roast.mir.ArithOp.ANY_SUB.ordinal(),
            ANY_MUL = dev.roast.mir.ArithOp.ANY_MUL.ordinal();
    private static final int ANY_LT = dev.roast.mir.CompareKind.ANY_LT.ordinal(), ANY_NE = dev.roast.mir.CompareKind.ANY_NE.ordinal();
    private static final int IS = dev.roast.mir.CompareKind.IS.ordinal(), IS_NOT = dev.roast.mir.CompareKind.IS_NOT.ordinal();

    private final Program program;
    private final Runtime runtime;
    private final long stackLimit;
    private final int maxDepth;
    private int depth;
    /** End of the deepest live frame: the value stack's GC roots are [stack base, top). */
    long top;

    Interpreter(Program program, Runtime runtime, long stackBase, long stackBytes, int maxDepth) {
        this.program = program;
        this.runtime = runtime;
        this.top = stackBase;
        this.stackLimit = stackBase + stackBytes;
        this.maxDepth = maxDepth;
    }

    private static long get(long fp, int slot) {
        return M.get(JAVA_LONG_UNALIGNED, fp + ((long) slot << 3));
    }

    private static void set(long fp, int slot, long v) {
        M.set(JAVA_LONG_UNALIGNED, fp + ((long) slot << 3), v);
    }

    /**
     * Frame header: four raw words just below each frame's {@code fp}, written by the call and read by the
     * return and by exception unwinding. Raw addresses and small integers are plain doubles to the GC (only
     * NaN-tagged pointers are roots), so the header needs no special treatment when the stack is scanned;
     * the closure is a packed value and stays alive through it.
     */
    static final int HEADER_WORDS = 4;
    /** Header word offsets from fp, in bytes: the caller's fp (0 for an activation's first frame), the pc of
     *  the caller's call instruction, this frame's function id, this frame's closure (a packed value). */
    static final int CALLER_FP = -32, CALLER_PC = -24, FUNCTION_ID = -16, CLOSURE = -8;

    private static long raw(long address) {
        return M.get(JAVA_LONG_UNALIGNED, address);
    }

    private static void putRaw(long address, long v) {
        M.set(JAVA_LONG_UNALIGNED, address, v);
    }

    /** Calls function {@code id} with a frame at the current top; args are copied from the caller's slots. */
    long call(int id, long closure, long callerFp, int[] code, int argsAt, int argc) {
        BytecodeFunction f = program.function(id);
        long fp = enter(f);
        for (int i = 0; i < argc; i++) set(fp, i, get(callerFp, code[argsAt + i]));
        return run(id, f, fp, argc, closure);
    }

    /**
     * Calls function {@code id} from Java runtime code with these argument words (a sort key, `__str__`,
     * a function value); the frame goes on top of the value stack as for any call.
     */
    long invoke(int id, long closure, long... args) {
        BytecodeFunction f = program.function(id);
        long fp = enter(f);
        for (int i = 0; i < args.length; i++) set(fp, i, args[i]);
        return run(id, f, fp, args.length, closure);
    }

    /** Checks depth and stack room for a new activation's first frame; returns its fp. */
    private long enter(BytecodeFunction f) {
        long fp = top + (HEADER_WORDS << 3);
        if (depth + 1 > maxDepth || fp + ((long) f.frameSize() << 3) > stackLimit) {
            throw runtime.raise(new PyError("RecursionError", "maximum recursion depth exceeded"));
        }
        return fp;
    }

    /** Runs a new activation whose first frame at {@code fp} has its arguments; restores top and depth after. */
    private long run(int id, BytecodeFunction f, long fp, int argc, long closure) {
        for (int i = argc; i < f.frameSize(); i++) set(fp, i, PackedValue.UNBOUND);
        putRaw(fp + CALLER_FP, 0);
        putRaw(fp + CALLER_PC, 0);
        putRaw(fp + FUNCTION_ID, id);
        putRaw(fp + CLOSURE, closure);
        long savedTop = top;
        int savedDepth = depth;
        top = fp + ((long) f.frameSize() << 3);
        depth++;
        try {
            return execute(id, f, fp, closure);
        } finally {
            top = savedTop;
            depth = savedDepth;
        }
    }

    /**
     * Runs the activation whose first frame is at {@code fp} (set up, header written) until that frame
     * returns; returns its result word. Calls to Roast functions made by CALL_DIRECT and CALL_VIRTUAL stay
     * in this loop: they push a frame and switch function, and RETURN pops it (no Java recursion, so a call
     * costs a few stores rather than a Java call of this large method). Everything else that calls Roast
     * code from Java (function values, sort keys, `__str__`) starts a new activation through
     * {@link #call}/{@link #invoke}.
     */
    long execute(int id, BytecodeFunction f, long fp, long closure) {
        program.profile(id).calls++;
        final long entryFp = fp;
        int[] code = f.code();
        long[] constants = program.constants(id);
        int pc = 0;
        try {
            while (true) {
                switch (code[pc]) {
                    case Op.MOVE -> {
                        set(fp, code[pc + 1], get(fp, code[pc + 2]));
                        pc += 3;
                    }
                    case Op.LOAD_INT -> {
                        set(fp, code[pc + 1], PackedValue.ofInt(code[pc + 2]));
                        pc += 3;
                    }
                    case Op.LOAD_CONST -> {
                        set(fp, code[pc + 1], constants[code[pc + 2]]);
                        pc += 3;
                    }
                    case Op.LOAD_TRUE -> {
                        set(fp, code[pc + 1], PackedValue.TRUE);
                        pc += 2;
                    }
                    case Op.LOAD_FALSE -> {
                        set(fp, code[pc + 1], PackedValue.FALSE);
                        pc += 2;
                    }
                    case Op.LOAD_NONE -> {
                        set(fp, code[pc + 1], PackedValue.NONE);
                        pc += 2;
                    }
                    case Op.LOAD_GLOBAL -> {
                        long v = program.global(code[pc + 2]);
                        if (v == PackedValue.UNBOUND) throw runtime.unboundGlobal(f, code[pc + 3]);
                        set(fp, code[pc + 1], v);
                        pc += 4;
                    }
                    case Op.STORE_GLOBAL -> {
                        program.setGlobal(code[pc + 1], get(fp, code[pc + 2]));
                        pc += 3;
                    }
                    case Op.ADD_INT -> {
                        long a = get(fp, code[pc + 2]), b = get(fp, code[pc + 3]);
                        long r = PackedValue.isInt(a) && PackedValue.isInt(b)
                                ? PackedValue.addExact48(PackedValue.asInt(a), PackedValue.asInt(b)) : PackedValue.NOT_INLINE;
                        set(fp, code[pc + 1], r != PackedValue.NOT_INLINE ? PackedValue.ofInt(r) : runtime.intOf(IntArith.add(runtime.intValue(a), runtime.intValue(b))));
                        pc += 4;
                    }
                    case Op.SUB_INT -> {
                        long a = get(fp, code[pc + 2]), b = get(fp, code[pc + 3]);
                        long r = PackedValue.isInt(a) && PackedValue.isInt(b)
                                ? PackedValue.subExact48(PackedValue.asInt(a), PackedValue.asInt(b)) : PackedValue.NOT_INLINE;
                        set(fp, code[pc + 1], r != PackedValue.NOT_INLINE ? PackedValue.ofInt(r) : runtime.intOf(IntArith.sub(runtime.intValue(a), runtime.intValue(b))));
                        pc += 4;
                    }
                    case Op.MUL_INT -> {
                        long a = get(fp, code[pc + 2]), b = get(fp, code[pc + 3]);
                        long r = PackedValue.isInt(a) && PackedValue.isInt(b)
                                ? PackedValue.mulExact48(PackedValue.asInt(a), PackedValue.asInt(b)) : PackedValue.NOT_INLINE;
                        set(fp, code[pc + 1], r != PackedValue.NOT_INLINE ? PackedValue.ofInt(r) : runtime.intOf(IntArith.mul(runtime.intValue(a), runtime.intValue(b))));
                        pc += 4;
                    }
                    case Op.ADD_INT_IMM -> {
                        long a = get(fp, code[pc + 2]);
                        long r = PackedValue.isInt(a) ? PackedValue.addExact48(PackedValue.asInt(a), code[pc + 3]) : PackedValue.NOT_INLINE;
                        set(fp, code[pc + 1], r != PackedValue.NOT_INLINE ? PackedValue.ofInt(r) : runtime.intOf(IntArith.add(runtime.intValue(a), code[pc + 3])));
                        pc += 4;
                    }
                    case Op.FLOOR_DIV_INT -> {
                        set(fp, code[pc + 1], runtime.intOf(IntArith.floorDiv(runtime.intValue(get(fp, code[pc + 2])), runtime.intValue(get(fp, code[pc + 3])))));
                        pc += 4;
                    }
                    case Op.MOD_INT -> {
                        set(fp, code[pc + 1], runtime.intOf(IntArith.mod(runtime.intValue(get(fp, code[pc + 2])), runtime.intValue(get(fp, code[pc + 3])))));
                        pc += 4;
                    }
                    case Op.ADD_FLOAT -> {
                        set(fp, code[pc + 1], PackedValue.ofDouble(PackedValue.asDouble(get(fp, code[pc + 2])) + PackedValue.asDouble(get(fp, code[pc + 3]))));
                        pc += 4;
                    }
                    case Op.SUB_FLOAT -> {
                        set(fp, code[pc + 1], PackedValue.ofDouble(PackedValue.asDouble(get(fp, code[pc + 2])) - PackedValue.asDouble(get(fp, code[pc + 3]))));
                        pc += 4;
                    }
                    case Op.MUL_FLOAT -> {
                        set(fp, code[pc + 1], PackedValue.ofDouble(PackedValue.asDouble(get(fp, code[pc + 2])) * PackedValue.asDouble(get(fp, code[pc + 3]))));
                        pc += 4;
                    }
                    case Op.DIV_FLOAT -> {
                        set(fp, code[pc + 1], PackedValue.ofDouble(FloatArith.div(PackedValue.asDouble(get(fp, code[pc + 2])), PackedValue.asDouble(get(fp, code[pc + 3])))));
                        pc += 4;
                    }
                    case Op.INT_TO_FLOAT -> {
                        set(fp, code[pc + 1], PackedValue.ofDouble((double) runtime.intValue(get(fp, code[pc + 2]))));
                        pc += 3;
                    }
                    case Op.LT_INT, Op.LE_INT, Op.GT_INT, Op.GE_INT, Op.EQ_INT, Op.NE_INT -> {
                        long a = runtime.intValue(get(fp, code[pc + 2])), b = runtime.intValue(get(fp, code[pc + 3]));
                        set(fp, code[pc + 1], PackedValue.ofBool(compareInt(code[pc], Op.LT_INT, a, b)));
                        pc += 4;
                    }
                    case Op.LT_FLOAT, Op.LE_FLOAT, Op.GT_FLOAT, Op.GE_FLOAT, Op.EQ_FLOAT, Op.NE_FLOAT -> {
                        double a = PackedValue.asDouble(get(fp, code[pc + 2])), b = PackedValue.asDouble(get(fp, code[pc + 3]));
                        set(fp, code[pc + 1], PackedValue.ofBool(compareFloat(code[pc], Op.LT_FLOAT, a, b)));
                        pc += 4;
                    }
                    case Op.ARITH_ANY -> {
                        long a = get(fp, code[pc + 2]), b = get(fp, code[pc + 3]);
                        int op = code[pc + 4];
                        long r = PackedValue.NOT_INLINE;
                        if (PackedValue.isInt(a) && PackedValue.isInt(b)) {
                            long x = PackedValue.asInt(a), y = PackedValue.asInt(b);
                            if (op == ANY_ADD) r = PackedValue.addExact48(x, y);
                            else if (op == ANY_SUB) r = PackedValue.subExact48(x, y);
                            else if (op == ANY_MUL) r = PackedValue.mulExact48(x, y);
                        }
                        if (r != PackedValue.NOT_INLINE) {
                            byte[] kinds = program.profile(id).operandKinds;
                            kinds[pc + 2] |= TypeFeedback.INT;
                            kinds[pc + 3] |= TypeFeedback.INT;
                            set(fp, code[pc + 1], PackedValue.ofInt(r));
                            pc += 5;
                        } else {
                            pc = runtime.slowOp(this, id, f, fp, closure, pc);
                        }
                    }
                    case Op.COMPARE -> {
                        long a = get(fp, code[pc + 2]), b = get(fp, code[pc + 3]);
                        int kind = code[pc + 4];
                        if (kind == IS || kind == IS_NOT) {  // identity is word equality
                            TypeFeedback.recordOperands(program.profile(id), code, pc, fp);
                            set(fp, code[pc + 1], PackedValue.ofBool((a == b) == (kind == IS)));
                            pc += 5;
                            continue;
                        }
                        // ANY_LT … ANY_NE are consecutive in LT, LE, GT, GE, EQ, NE order, as compareInt expects.
                        if (kind >= ANY_LT && kind <= ANY_NE && PackedValue.isInt(a) && PackedValue.isInt(b)) {
                            byte[] kinds = program.profile(id).operandKinds;
                            kinds[pc + 2] |= TypeFeedback.INT;
                            kinds[pc + 3] |= TypeFeedback.INT;
                            set(fp, code[pc + 1], PackedValue.ofBool(compareInt(kind, ANY_LT, PackedValue.asInt(a), PackedValue.asInt(b))));
                            pc += 5;
                        } else {
                            pc = runtime.slowOp(this, id, f, fp, closure, pc);
                        }
                    }
                    case Op.JUMP -> pc = code[pc + 1];
                    case Op.JUMP_IF_TRUE -> pc = get(fp, code[pc + 1]) == PackedValue.TRUE ? code[pc + 2] : pc + 3;
                    case Op.JUMP_IF_FALSE -> pc = get(fp, code[pc + 1]) == PackedValue.TRUE ? pc + 3 : code[pc + 2];
                    case Op.JUMP_UNLESS_LT_INT, Op.JUMP_UNLESS_LE_INT, Op.JUMP_UNLESS_GT_INT, Op.JUMP_UNLESS_GE_INT,
                         Op.JUMP_UNLESS_EQ_INT, Op.JUMP_UNLESS_NE_INT -> {
                        long a = get(fp, code[pc + 1]), b = get(fp, code[pc + 2]);
                        long x = PackedValue.isInt(a) ? PackedValue.asInt(a) : runtime.intValue(a);
                        long y = PackedValue.isInt(b) ? PackedValue.asInt(b) : runtime.intValue(b);
                        pc = compareInt(code[pc], Op.JUMP_UNLESS_LT_INT, x, y) ? pc + 4 : code[pc + 3];
                    }
                    case Op.JUMP_UNLESS_LT_FLOAT, Op.JUMP_UNLESS_LE_FLOAT, Op.JUMP_UNLESS_GT_FLOAT, Op.JUMP_UNLESS_GE_FLOAT,
                         Op.JUMP_UNLESS_EQ_FLOAT, Op.JUMP_UNLESS_NE_FLOAT -> {
                        double a = PackedValue.asDouble(get(fp, code[pc + 1])), b = PackedValue.asDouble(get(fp, code[pc + 2]));
                        pc = compareFloat(code[pc], Op.JUMP_UNLESS_LT_FLOAT, a, b) ? pc + 4 : code[pc + 3];
                    }
                    case Op.LOOP -> {
                        program.profile(id).backEdges[code[pc + 1]]++;
                        pc += 2;
                    }
                    case Op.RETURN, Op.RETURN_NONE -> {
                        long v = code[pc] == Op.RETURN ? get(fp, code[pc + 1]) : PackedValue.NONE;
                        if (fp == entryFp) return v;
                        // Pop the frame: back to the caller's function at its call instruction.
                        top = fp - (HEADER_WORDS << 3);
                        depth--;
                        pc = (int) raw(fp + CALLER_PC);
                        fp = raw(fp + CALLER_FP);
                        id = (int) raw(fp + FUNCTION_ID);
                        closure = raw(fp + CLOSURE);
                        f = program.function(id);
                        code = f.code();
                        constants = program.constants(id);
                        set(fp, code[pc + 1], v);
                        pc += 4 + code[pc + 3];
                    }
                    case Op.CALL_DIRECT, Op.CALL_VIRTUAL -> {
                        int callee;
                        if (code[pc] == Op.CALL_DIRECT) {
                            callee = program.calleeId(id, code[pc + 2]);
                        } else {
                            callee = runtime.virtualTarget(get(fp, code[pc + 4]), f, code[pc + 2]);
                            program.profile(id).recordTarget(pc, callee);
                        }
                        BytecodeFunction g = program.function(callee);
                        int argc = code[pc + 3], size = g.frameSize();
                        long calleeFp = top + (HEADER_WORDS << 3), end = calleeFp + ((long) size << 3);
                        if (depth >= maxDepth || end > stackLimit) {
                            throw runtime.raise(new PyError("RecursionError", "maximum recursion depth exceeded"));
                        }
                        for (int i = 0; i < argc; i++) set(calleeFp, i, get(fp, code[pc + 4 + i]));
                        for (int i = argc; i < size; i++) set(calleeFp, i, PackedValue.UNBOUND);
                        putRaw(calleeFp + CALLER_FP, fp);
                        putRaw(calleeFp + CALLER_PC, pc);
                        putRaw(calleeFp + FUNCTION_ID, callee);
                        putRaw(calleeFp + CLOSURE, PackedValue.NONE);
                        top = end;
                        depth++;
                        program.profile(callee).calls++;
                        id = callee;
                        f = g;
                        code = g.code();
                        constants = program.constants(callee);
                        fp = calleeFp;
                        closure = PackedValue.NONE;
                        pc = 0;
                    }
                    case Op.GET_ITEM_LIST -> {
                        long list = get(fp, code[pc + 2]), index = get(fp, code[pc + 3]);
                        long addr = list == PackedValue.NONE ? 0 : PackedValue.asPointer(list);
                        long n = addr == 0 ? -1 : M.get(JAVA_LONG_UNALIGNED, addr + ListObj.LENGTH);
                        long i = PackedValue.isInt(index) ? PackedValue.asInt(index) : Long.MIN_VALUE;
                        if (i < 0) i += n;
                        if (addr != 0 && i >= 0 && i < n) {
                            set(fp, code[pc + 1], M.get(JAVA_LONG_UNALIGNED, M.get(JAVA_LONG_UNALIGNED, addr + ListObj.ITEMS) + ListObj.ITEM0 + (i << 3)));
                            pc += 4;
                        } else {
                            pc = runtime.slowOp(this, id, f, fp, closure, pc); // None, out of range, boxed index: the exact error
                        }
                    }
                    case Op.SET_ITEM_LIST -> {
                        long list = get(fp, code[pc + 1]), index = get(fp, code[pc + 2]);
                        long addr = list == PackedValue.NONE ? 0 : PackedValue.asPointer(list);
                        long n = addr == 0 ? -1 : M.get(JAVA_LONG_UNALIGNED, addr + ListObj.LENGTH);
                        long i = PackedValue.isInt(index) ? PackedValue.asInt(index) : Long.MIN_VALUE;
                        if (i < 0) i += n;
                        if (addr != 0 && i >= 0 && i < n) {
                            M.set(JAVA_LONG_UNALIGNED, M.get(JAVA_LONG_UNALIGNED, addr + ListObj.ITEMS) + ListObj.ITEM0 + (i << 3), get(fp, code[pc + 3]));
                            pc += 4;
                        } else {
                            pc = runtime.slowOp(this, id, f, fp, closure, pc);
                        }
                    }
                    case Op.GET_FIELD -> {
                        long obj = get(fp, code[pc + 2]);
                        long v = PackedValue.isPointer(obj)
                                ? M.get(JAVA_LONG_UNALIGNED, PackedValue.asPointer(obj) + Runtime.INSTANCE_FIELDS + ((long) code[pc + 3] << 3))
                                : PackedValue.UNBOUND;
                        if (v == PackedValue.UNBOUND) throw runtime.missingField(obj, f, code[pc + 4]);
                        set(fp, code[pc + 1], v);
                        pc += 5;
                    }
                    case Op.SET_FIELD -> {
                        long obj = get(fp, code[pc + 1]);
                        if (!PackedValue.isPointer(obj)) throw runtime.setFieldOnNone(obj);
                        M.set(JAVA_LONG_UNALIGNED, PackedValue.asPointer(obj) + Runtime.INSTANCE_FIELDS + ((long) code[pc + 2] << 3),
                                get(fp, code[pc + 3]));
                        pc += 4;
                    }
                    case Op.ALLOC -> {
                        int cls = program.allocClassId(id, code[pc + 2]);
                        if (cls >= 0) {
                            long obj = Instance.alloc(runtime.heap, cls, program.fieldCount(cls));
                            set(fp, code[pc + 1], PackedValue.ofPointer(obj));
                            pc += 3;
                        } else {
                            pc = runtime.slowOp(this, id, f, fp, closure, pc);  // exceptions record their arguments
                        }
                    }
                    default -> pc = runtime.slowOp(this, id, f, fp, closure, pc);
                }
            }
        } catch (PyError e) {
            throw unwind(runtime.raise(e), id, pc, fp, entryFp);
        } catch (RoastException e) {
            throw unwind(e, id, pc, fp, entryFp);
        } catch (dev.roast.heap.HeapExhausted e) {
            // No room for an exception object now: MemoryError travels without one, frames and all.
            throw unwind(new RoastException(PackedValue.NONE, "MemoryError", null), id, pc, fp, entryFp);
        }
    }

    /**
     * Adds the frames of this activation to an exception's traceback, innermost first: the frame that raised
     * at {@code pc}, then each caller at its call instruction, down to the activation's first frame. (The
     * activation's entry restores top and depth.)
     */
    private RoastException unwind(RoastException e, int id, int pc, long fp, long entryFp) {
        while (true) {
            BytecodeFunction f = program.function(id);
            e.addFrame(f.info().name(), f.positions()[pc]);
            if (fp == entryFp) return e;
            pc = (int) raw(fp + CALLER_PC);
            fp = raw(fp + CALLER_FP);
            id = (int) raw(fp + FUNCTION_ID);
        }
    }

    /** The six comparisons in declaration order LT, LE, GT, GE, EQ, NE starting at {@code first}. */
    private static boolean compareInt(int op, int first, long a, long b) {
        return switch (op - first) {
            case 0 -> a < b;
            case 1 -> a <= b;
            case 2 -> a > b;
            case 3 -> a >= b;
            case 4 -> a == b;
            default -> a != b;
        };
    }

    private static boolean compareFloat(int op, int first, double a, double b) {
        return switch (op - first) {
            case 0 -> a < b;
            case 1 -> a <= b;
            case 2 -> a > b;
            case 3 -> a >= b;
            case 4 -> a == b;
            default -> a != b;
        };
    }

    /** Slot access for the runtime's slow paths. */
    static long slot(long fp, int slot) {
        return get(fp, slot);
    }

    static void setSlot(long fp, int slot, long v) {
        set(fp, slot, v);
    }
}
