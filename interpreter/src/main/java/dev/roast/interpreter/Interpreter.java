package dev.roast.interpreter;

import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;

import dev.roast.bytecode.BytecodeFunction;
import dev.roast.heap.ListObj;
import dev.roast.interpreter.arith.FloatArith;
import dev.roast.interpreter.arith.IntArith;
import dev.roast.values.PackedValue;
import java.lang.foreign.MemorySegment;

/**
 * The dispatch loop over register bytecode. Frames live on the one off-heap
 * value stack (architecture decision 4): a three-word header, then
 * {@code frameSize} packed words at {@code fp}, parameters first; a callee's
 * frame starts where its caller's ends. The hot operations are inline here —
 * moves, constants, int and float arithmetic on inline values, comparisons,
 * branches, direct and virtual calls and returns (which stay in this loop),
 * globals, fields and list items — and everything else is one call into
 * {@link Runtime}. The loop's shape (operands fetched and results stored once,
 * see {@link Dispatch}) keeps it inside C2's inlining budget.
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
     * Frame header: three words just below each frame's {@code fp}, written by the call and read by the
     * return and by exception unwinding, like a machine stack's saved frame pointer and return address:
     * the caller's fp (0 for an activation's first frame), where to return to (the caller's function id in
     * the high half, the pc of its call instruction in the low half), and this frame's closure (a packed
     * value, so it stays alive). Raw addresses and small integers are plain doubles to the GC (only
     * NaN-tagged pointers are roots), so the stack scan needs no special case for them.
     */
    static final int HEADER_WORDS = 3;
    static final int CALLER_FP = -24, RETURN_TO = -16, CLOSURE = -8;

    private static long returnTo(int function, int pc) {
        return ((long) function << 32) | pc;
    }

    /** The closure of the frame at {@code fp} (the runtime reads captured cells through it). */
    static long closureOf(long fp) {
        return raw(fp + CLOSURE);
    }

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
        putRaw(fp + RETURN_TO, 0);
        putRaw(fp + CLOSURE, closure);
        long savedTop = top;
        int savedDepth = depth;
        top = fp + ((long) f.frameSize() << 3);
        depth++;
        try {
            return execute(id, f, fp);
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
    long execute(int id, BytecodeFunction f, long fp) {
        program.profile(id).calls++;
        final long entryFp = fp;
        int[] code = f.code();
        long[] constants = program.constants(id);
        int pc = 0;
        int dst = -1;  // where the previous instruction's result r goes, or -1
        long r = 0;
        try {
            while (true) {
                // Operand fetch and result store are shared by every instruction (see Dispatch): one read site
                // per operand and one write site keep this method inside C2's inlining budget. The store is
                // at the loop head, not after the switch, because C2 parses it first there: the budget can
                // never run out before it.
                if (dst >= 0) {
                    set(fp, dst, r);
                    dst = -1;
                }
                int op = code[pc];
                int in = Dispatch.INPUTS[op];
                long a = (in & 0xFF) != 0 ? get(fp, code[pc + (in & 0xFF)]) : 0;
                long b = (in >>> 8) != 0 ? get(fp, code[pc + (in >>> 8)]) : 0;
                switch (op) {
                    case Op.MOVE -> r = a;
                    case Op.LOAD_INT -> r = PackedValue.ofInt(code[pc + 2]);
                    case Op.LOAD_CONST -> r = constants[code[pc + 2]];
                    case Op.LOAD_TRUE -> r = PackedValue.TRUE;
                    case Op.LOAD_FALSE -> r = PackedValue.FALSE;
                    case Op.LOAD_NONE -> r = PackedValue.NONE;
                    case Op.LOAD_GLOBAL -> {
                        r = program.global(code[pc + 2]);
                        if (r == PackedValue.UNBOUND) throw runtime.unboundGlobal(f, code[pc + 3]);
                    }
                    case Op.STORE_GLOBAL -> {
                        program.setGlobal(code[pc + 1], a);
                        pc += 3;
                        continue;
                    }
                    case Op.ADD_INT, Op.SUB_INT, Op.MUL_INT, Op.ADD_INT_IMM, Op.FLOOR_DIV_INT, Op.MOD_INT -> {
                        if (op == Op.ADD_INT_IMM) b = PackedValue.ofInt(code[pc + 3]);
                        long x = PackedValue.NOT_INLINE;
                        if (PackedValue.isInt(a) && PackedValue.isInt(b)) {
                            long i = PackedValue.asInt(a), j = PackedValue.asInt(b);
                            x = switch (op) {
                                case Op.SUB_INT -> PackedValue.subExact48(i, j);
                                case Op.MUL_INT -> PackedValue.mulExact48(i, j);
                                // 48-bit operands: only floorDiv(-2^47, -1) leaves the inline range.
                                case Op.FLOOR_DIV_INT -> j == 0 || (i == PackedValue.INLINE_MIN && j == -1) ? PackedValue.NOT_INLINE : Math.floorDiv(i, j);
                                case Op.MOD_INT -> j == 0 ? PackedValue.NOT_INLINE : Math.floorMod(i, j);
                                default -> PackedValue.addExact48(i, j);
                            };
                        }
                        r = x != PackedValue.NOT_INLINE ? PackedValue.ofInt(x) : runtime.intArith(op, a, b);
                    }
                    case Op.ADD_FLOAT -> r = PackedValue.ofDouble(PackedValue.asDouble(a) + PackedValue.asDouble(b));
                    case Op.SUB_FLOAT -> r = PackedValue.ofDouble(PackedValue.asDouble(a) - PackedValue.asDouble(b));
                    case Op.MUL_FLOAT -> r = PackedValue.ofDouble(PackedValue.asDouble(a) * PackedValue.asDouble(b));
                    case Op.DIV_FLOAT -> r = PackedValue.ofDouble(FloatArith.div(PackedValue.asDouble(a), PackedValue.asDouble(b)));
                    case Op.INT_TO_FLOAT -> r = PackedValue.ofDouble(PackedValue.isInt(a) ? PackedValue.asInt(a) : runtime.intValue(a));
                    case Op.LT_INT, Op.LE_INT, Op.GT_INT, Op.GE_INT, Op.EQ_INT, Op.NE_INT ->
                            r = PackedValue.ofBool(compareInt(op, Op.LT_INT, intOf(a), intOf(b)));
                    case Op.LT_FLOAT, Op.LE_FLOAT, Op.GT_FLOAT, Op.GE_FLOAT, Op.EQ_FLOAT, Op.NE_FLOAT ->
                            r = PackedValue.ofBool(compareFloat(op, Op.LT_FLOAT, PackedValue.asDouble(a), PackedValue.asDouble(b)));
                    case Op.ARITH_ANY -> {
                        int kind = code[pc + 4];
                        long x = PackedValue.NOT_INLINE;
                        if (PackedValue.isInt(a) && PackedValue.isInt(b)) {
                            long i = PackedValue.asInt(a), j = PackedValue.asInt(b);
                            if (kind == ANY_ADD) x = PackedValue.addExact48(i, j);
                            else if (kind == ANY_SUB) x = PackedValue.subExact48(i, j);
                            else if (kind == ANY_MUL) x = PackedValue.mulExact48(i, j);
                        }
                        if (x == PackedValue.NOT_INLINE) {
                            pc = runtime.slowOp(this, id, f, fp, pc);
                            continue;
                        }
                        byte[] kinds = program.profile(id).operandKinds;
                        kinds[pc + 2] |= TypeFeedback.INT;
                        kinds[pc + 3] |= TypeFeedback.INT;
                        r = PackedValue.ofInt(x);
                    }
                    case Op.COMPARE -> {
                        int kind = code[pc + 4];
                        if (kind == IS || kind == IS_NOT) {  // identity is word equality
                            byte[] kinds = program.profile(id).operandKinds;
                            kinds[pc + 2] |= (byte) TypeFeedback.kindOfWord(a);
                            kinds[pc + 3] |= (byte) TypeFeedback.kindOfWord(b);
                            r = PackedValue.ofBool((a == b) == (kind == IS));
                        } else if (kind >= ANY_LT && kind <= ANY_NE && PackedValue.isInt(a) && PackedValue.isInt(b)) {
                            // ANY_LT … ANY_NE are consecutive in LT, LE, GT, GE, EQ, NE order, as compareInt expects.
                            byte[] kinds = program.profile(id).operandKinds;
                            kinds[pc + 2] |= TypeFeedback.INT;
                            kinds[pc + 3] |= TypeFeedback.INT;
                            r = PackedValue.ofBool(compareInt(kind, ANY_LT, PackedValue.asInt(a), PackedValue.asInt(b)));
                        } else {
                            pc = runtime.slowOp(this, id, f, fp, pc);
                            continue;
                        }
                    }
                    case Op.JUMP -> {
                        pc = code[pc + 1];
                        continue;
                    }
                    case Op.JUMP_IF_TRUE -> {
                        pc = a == PackedValue.TRUE ? code[pc + 2] : pc + 3;
                        continue;
                    }
                    case Op.JUMP_IF_FALSE -> {
                        pc = a == PackedValue.TRUE ? pc + 3 : code[pc + 2];
                        continue;
                    }
                    case Op.JUMP_UNLESS_LT_INT, Op.JUMP_UNLESS_LE_INT, Op.JUMP_UNLESS_GT_INT, Op.JUMP_UNLESS_GE_INT,
                         Op.JUMP_UNLESS_EQ_INT, Op.JUMP_UNLESS_NE_INT -> {
                        pc = compareInt(op, Op.JUMP_UNLESS_LT_INT, intOf(a), intOf(b)) ? pc + 4 : code[pc + 3];
                        continue;
                    }
                    case Op.JUMP_UNLESS_LT_FLOAT, Op.JUMP_UNLESS_LE_FLOAT, Op.JUMP_UNLESS_GT_FLOAT, Op.JUMP_UNLESS_GE_FLOAT,
                         Op.JUMP_UNLESS_EQ_FLOAT, Op.JUMP_UNLESS_NE_FLOAT -> {
                        pc = compareFloat(op, Op.JUMP_UNLESS_LT_FLOAT, PackedValue.asDouble(a), PackedValue.asDouble(b)) ? pc + 4 : code[pc + 3];
                        continue;
                    }
                    case Op.LOOP -> {
                        program.profile(id).backEdges[code[pc + 1]]++;
                        pc += 2;
                        continue;
                    }
                    case Op.RETURN, Op.RETURN_NONE -> {
                        r = op == Op.RETURN ? a : PackedValue.NONE;
                        if (fp == entryFp) return r;
                        // Pop the frame: back to the caller's function at its call instruction, whose DST gets r.
                        top = fp - (HEADER_WORDS << 3);
                        depth--;
                        long ret = raw(fp + RETURN_TO);
                        fp = raw(fp + CALLER_FP);
                        id = (int) (ret >>> 32);
                        pc = (int) ret;
                        f = program.function(id);
                        code = f.code();
                        constants = program.constants(id);
                        dst = code[pc + 1];
                        pc += 4 + code[pc + 3];
                        continue;
                    }
                    case Op.CALL_DIRECT, Op.CALL_VIRTUAL -> {
                        int callee;
                        if (op == Op.CALL_DIRECT) {
                            callee = program.calleeId(id, code[pc + 2]);
                        } else {
                            callee = runtime.virtualTarget(a, f, code[pc + 2]);  // a: the receiver (see Dispatch)
                            program.profile(id).recordTarget(pc, callee);
                        }
                        BytecodeFunction g = program.function(callee);
                        int argc = code[pc + 3], size = g.frameSize();
                        long calleeFp = top + (HEADER_WORDS << 3), end = calleeFp + ((long) size << 3);
                        if (depth >= maxDepth || end > stackLimit) {
                            throw runtime.raise(new PyError("RecursionError", "maximum recursion depth exceeded"));
                        }
                        // Each loop is one inlined access however many words it writes (see Dispatch); C2
                        // unrolls the header's three.
                        for (int h = 0; h < HEADER_WORDS; h++) {
                            putRaw(calleeFp + CALLER_FP + 8L * h, h == 0 ? fp : h == 1 ? returnTo(id, pc) : PackedValue.NONE);
                        }
                        for (int i = 0; i < size; i++) set(calleeFp, i, i < argc ? get(fp, code[pc + 4 + i]) : PackedValue.UNBOUND);
                        top = end;
                        depth++;
                        program.profile(callee).calls++;
                        id = callee;
                        f = g;
                        code = g.code();
                        constants = program.constants(callee);
                        fp = calleeFp;
                        pc = 0;
                        continue;
                    }
                    case Op.GET_ITEM_LIST, Op.SET_ITEM_LIST -> {
                        long addr = listAddress(a, b);
                        if (addr == 0) {  // None, out of range, boxed index: the runtime raises the exact error
                            pc = runtime.slowOp(this, id, f, fp, pc);
                            continue;
                        }
                        if (op == Op.SET_ITEM_LIST) {
                            M.set(JAVA_LONG_UNALIGNED, addr, get(fp, code[pc + 3]));
                            pc += 4;
                            continue;
                        }
                        r = M.get(JAVA_LONG_UNALIGNED, addr);
                    }
                    case Op.GET_FIELD -> {
                        r = PackedValue.isPointer(a)
                                ? M.get(JAVA_LONG_UNALIGNED, PackedValue.asPointer(a) + Runtime.INSTANCE_FIELDS + ((long) code[pc + 3] << 3))
                                : PackedValue.UNBOUND;
                        if (r == PackedValue.UNBOUND) throw runtime.missingField(a, f, code[pc + 4]);
                    }
                    case Op.SET_FIELD -> {
                        if (!PackedValue.isPointer(a)) throw runtime.setFieldOnNone(a);
                        M.set(JAVA_LONG_UNALIGNED, PackedValue.asPointer(a) + Runtime.INSTANCE_FIELDS + ((long) code[pc + 2] << 3), b);
                        pc += 4;
                        continue;
                    }
                    default -> {
                        pc = runtime.slowOp(this, id, f, fp, pc);
                        continue;
                    }
                }
                dst = code[pc + 1];
                pc += Dispatch.LENGTH[op];
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
            long ret = raw(fp + RETURN_TO);
            fp = raw(fp + CALLER_FP);
            id = (int) (ret >>> 32);
            pc = (int) ret;
        }
    }

    /** An int operand's value: inline, or the boxed int it points to. */
    private long intOf(long word) {
        return PackedValue.isInt(word) ? PackedValue.asInt(word) : runtime.intValue(word);
    }

    /** The address of item {@code index} of {@code list}, or 0 when the fast path does not apply. */
    private static long listAddress(long list, long index) {
        if (!PackedValue.isPointer(list) || !PackedValue.isInt(index)) return 0;
        long addr = PackedValue.asPointer(list);
        long n = M.get(JAVA_LONG_UNALIGNED, addr + ListObj.LENGTH);
        long i = PackedValue.asInt(index);
        if (i < 0) i += n;
        if (i < 0 || i >= n) return 0;
        return M.get(JAVA_LONG_UNALIGNED, addr + ListObj.ITEMS) + ListObj.ITEM0 + (i << 3);
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
