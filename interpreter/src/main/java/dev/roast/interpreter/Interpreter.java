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
 * value stack (architecture decision 4): a frame is {@code frameSize} packed
 * words at {@code fp}, parameters first, constant slots last (filled from the
 * function's frame template); a callee's frame starts where its caller's
 * ends. The hot operations are inline here — moves, constants, int and float
 * arithmetic on inline values, comparisons, branches, direct and
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
    /** Activations on the value stack (machine code keeps it in the native context while it runs). */
    int depth;
    /** End of the deepest live frame: the value stack's GC roots are [stack base, top). */
    long top;
    /** Machine code's border (null until {@link #attach}: the interpreter alone, as in unit tests). */
    private MachineCode machine;
    private TierPolicy policy = TierPolicy.INTERPRETER_ONLY;
    /** The pc an activation is "at" while machine code runs it after on-stack replacement (its frames are in the exception). */
    private static final int IN_MACHINE_CODE = -2;

    Interpreter(Program program, Runtime runtime, long stackBase, long stackBytes, int maxDepth) {
        this.program = program;
        this.runtime = runtime;
        this.top = stackBase;
        this.stackLimit = stackBase + stackBytes;
        this.maxDepth = maxDepth;
    }

    /** Connects the tier policy and machine code's border; from then on hot code is offered to the policy. */
    void attach(MachineCode machine) {
        this.machine = machine;
        this.policy = machine.policy();
    }

    private static long get(long fp, int slot) {
        return M.get(JAVA_LONG_UNALIGNED, fp + ((long) slot << 3));
    }

    private static void set(long fp, int slot, long v) {
        M.set(JAVA_LONG_UNALIGNED, fp + ((long) slot << 3), v);
    }

    /** Calls function {@code id} with a frame at the current top; args are copied from the caller's slots. */
    long call(int id, long closure, long callerFp, int[] code, int argsAt, int argc) {
        BytecodeFunction f = program.function(id);
        long fp = top;
        long end = fp + ((long) f.frameSize() << 3);
        if (++depth > maxDepth || end > stackLimit) {
            depth--;
            throw runtime.raise(new PyError("RecursionError", "maximum recursion depth exceeded"));
        }
        // Two plain counted loops: one loop with an `i < argc` branch inside saved an inlined access but
        // made C2 add a profile predicate that failed whenever the argument count changed, recompiling
        // execute every ~200 ms (spectral_norm: 2x slower).
        long[] template = program.frameTemplate(id);
        for (int i = 0; i < argc; i++) set(fp, i, get(callerFp, code[argsAt + i]));
        for (int i = argc; i < template.length; i++) set(fp, i, template[i]);
        long saved = top;
        top = end;
        try {
            return enter(id, f, fp, closure);
        } finally {
            top = saved;
            depth--;
        }
    }

    /**
     * Calls function {@code id} from Java runtime code with these argument words (a sort key, `__str__`,
     * a function value); the frame goes on top of the value stack as for any call.
     */
    long invoke(int id, long closure, long... args) {
        BytecodeFunction f = program.function(id);
        long fp = top;
        long end = fp + ((long) f.frameSize() << 3);
        if (++depth > maxDepth || end > stackLimit) {
            depth--;
            throw runtime.raise(new PyError("RecursionError", "maximum recursion depth exceeded"));
        }
        long[] template = program.frameTemplate(id);
        for (int i = 0; i < args.length; i++) set(fp, i, args[i]);
        for (int i = args.length; i < template.length; i++) set(fp, i, template[i]);
        long saved = top;
        top = end;
        try {
            return enter(id, f, fp, closure);
        } finally {
            top = saved;
            depth--;
        }
    }

    /**
     * Runs a call of function {@code id} whose frame at {@code fp} is set up: counts it, offers the function to
     * the tier policy when it gets hot, and runs its machine code if it has some, else the interpreter.
     */
    long enter(int id, BytecodeFunction f, long fp, long closure) {
        FunctionProfile p = program.profile(id);
        p.calls++;
        if ((p.heat -= FunctionProfile.BACK_EDGES_PER_CALL) <= 0) {
            p.heat = Integer.MAX_VALUE;
            policy.functionHot(id);
        }
        if (machine != null) {
            long entry = machine.entry(id);
            if (entry != 0) return machine.run(id, f, fp, closure, entry);
        }
        return execute(id, f, fp, closure, 0);
    }

    /** Runs function {@code id}'s activation at {@code fp} in the interpreter from {@code startPc}; returns its result word. */
    long execute(int id, BytecodeFunction f, long fp, long closure, int startPc) {
        final int[] code = f.code();
        final long[] constants = program.constants(id);
        int pc = startPc;
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
                    case Op.LOAD_TRUE, Op.LOAD_FALSE, Op.LOAD_NONE -> {
                        int op = code[pc];
                        set(fp, code[pc + 1], op == Op.LOAD_TRUE ? PackedValue.TRUE : op == Op.LOAD_FALSE ? PackedValue.FALSE : PackedValue.NONE);
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
                    // Families share one case: each frame access is an FFM access that C2 inlines as ~30
                    // methods, and with one per operand per opcode it ran out of inlining budget (see
                    // scripts/check-dispatch-inlining).
                    case Op.ADD_INT, Op.SUB_INT, Op.MUL_INT, Op.ADD_INT_IMM -> {
                        int op = code[pc];
                        long a = get(fp, code[pc + 2]);
                        long b = op == Op.ADD_INT_IMM ? PackedValue.ofInt(code[pc + 3]) : get(fp, code[pc + 3]);
                        long r = PackedValue.NOT_INLINE;
                        if (PackedValue.isInt(a) && PackedValue.isInt(b)) {
                            // Written out rather than calling addExact48 & co. (35 bytes), which C2 stops
                            // inlining here at its node cutoff. Inline ints are 48-bit: a sum or difference
                            // cannot wrap 64 bits, so only the 48-bit fit is checked; a product can.
                            long x = PackedValue.asInt(a), y = PackedValue.asInt(b);
                            r = op == Op.SUB_INT ? x - y : op == Op.MUL_INT ? x * y : x + y;
                            if (op == Op.MUL_INT && Math.multiplyHigh(x, y) != r >> 63 || !PackedValue.fitsInline(r)) {
                                r = PackedValue.NOT_INLINE;
                            }
                        }
                        set(fp, code[pc + 1], r != PackedValue.NOT_INLINE ? PackedValue.ofInt(r) : runtime.intArith(op, a, b));
                        pc += 4;
                    }
                    case Op.FLOOR_DIV_INT, Op.MOD_INT -> {
                        long a = get(fp, code[pc + 2]), b = get(fp, code[pc + 3]);
                        long x = PackedValue.asInt(a), y = PackedValue.asInt(b);
                        long r;
                        if (PackedValue.isInt(a) && PackedValue.isInt(b) && y > 0) {
                            // Inline ints over a positive divisor: the result is inline too, and a 32-bit
                            // division (when both fit) is several times faster than a 64-bit one.
                            long q = x == (int) x && y == (int) y ? (int) x / (int) y : x / y;
                            long m = x - q * y;
                            if (m < 0) {  // truncated toward zero; Python floors
                                q--;
                                m += y;
                            }
                            r = PackedValue.ofInt(code[pc] == Op.MOD_INT ? m : q);
                        } else {
                            x = runtime.intValue(a);
                            y = runtime.intValue(b);
                            r = runtime.intOf(code[pc] == Op.MOD_INT ? IntArith.mod(x, y) : IntArith.floorDiv(x, y));
                        }
                        set(fp, code[pc + 1], r);
                        pc += 4;
                    }
                    case Op.ADD_FLOAT, Op.SUB_FLOAT, Op.MUL_FLOAT, Op.DIV_FLOAT -> {
                        int op = code[pc];
                        double a = PackedValue.asDouble(get(fp, code[pc + 2])), b = PackedValue.asDouble(get(fp, code[pc + 3]));
                        double r = op == Op.ADD_FLOAT ? a + b : op == Op.SUB_FLOAT ? a - b : op == Op.MUL_FLOAT ? a * b : FloatArith.div(a, b);
                        set(fp, code[pc + 1], PackedValue.ofDouble(r));
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
                            byte[] kinds = program.profile(id).operandKinds;
                            kinds[pc + 2] |= (byte) TypeFeedback.kindOfWord(a);
                            kinds[pc + 3] |= (byte) TypeFeedback.kindOfWord(b);
                            set(fp, code[pc + 1], PackedValue.ofBool((a == b) == (kind == IS)));
                            pc += 5;
                        // ANY_LT … ANY_NE are consecutive in LT, LE, GT, GE, EQ, NE order, as compareInt expects.
                        } else if (kind >= ANY_LT && kind <= ANY_NE && PackedValue.isInt(a) && PackedValue.isInt(b)) {
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
                    case Op.JUMP_LOOP -> {
                        FunctionProfile p = program.profile(id);
                        p.backEdges[code[pc + 2]]++;
                        pc = code[pc + 1];
                        if (--p.heat <= 0) {
                            int header = pc;
                            pc = IN_MACHINE_CODE;
                            pc = loopHot(id, fp, closure, header);
                            if (pc == MachineCode.RETURNED_PC) return machine.osrResult();
                        }
                    }
                    case Op.JUMP_IF_TRUE, Op.JUMP_IF_FALSE ->
                            pc = (get(fp, code[pc + 1]) == PackedValue.TRUE) == (code[pc] == Op.JUMP_IF_TRUE) ? code[pc + 2] : pc + 3;
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
                        FunctionProfile p = program.profile(id);
                        p.backEdges[code[pc + 1]]++;
                        if (--p.heat <= 0) {
                            int header = pc;
                            pc = IN_MACHINE_CODE;
                            pc = loopHot(id, fp, closure, header);
                            if (pc == MachineCode.RETURNED_PC) return machine.osrResult();
                            if (pc == header) pc += 2;
                        } else {
                            pc += 2;
                        }
                    }
                    case Op.RETURN -> {
                        return get(fp, code[pc + 1]);
                    }
                    case Op.RETURN_NONE -> {
                        return PackedValue.NONE;
                    }
                    case Op.CALL_DIRECT, Op.CALL_VIRTUAL -> {  // one inlined copy of call() for both
                        int argc = code[pc + 3];
                        set(fp, code[pc + 1], call(callee(id, f, fp, code, pc), PackedValue.NONE, fp, code, pc + 4, argc));
                        pc += 4 + argc;
                    }
                    case Op.GET_ITEM_LIST, Op.SET_ITEM_LIST -> {
                        boolean isGet = code[pc] == Op.GET_ITEM_LIST;
                        long list = get(fp, code[pc + (isGet ? 2 : 1)]), index = get(fp, code[pc + (isGet ? 3 : 2)]);
                        long addr = list == PackedValue.NONE ? 0 : PackedValue.asPointer(list);
                        long n = addr == 0 ? -1 : M.get(JAVA_LONG_UNALIGNED, addr + ListObj.LENGTH);
                        long i = PackedValue.isInt(index) ? PackedValue.asInt(index) : Long.MIN_VALUE;
                        if (i < 0) i += n;
                        if (addr != 0 && i >= 0 && i < n) {
                            long item = M.get(JAVA_LONG_UNALIGNED, addr + ListObj.ITEMS) + ListObj.ITEM0 + (i << 3);
                            if (isGet) set(fp, code[pc + 1], M.get(JAVA_LONG_UNALIGNED, item));
                            else M.set(JAVA_LONG_UNALIGNED, item, get(fp, code[pc + 3]));
                            pc += 4;
                        } else {
                            pc = runtime.slowOp(this, id, f, fp, closure, pc); // None, out of range, boxed index: the exact error
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
                    default -> pc = runtime.slowOp(this, id, f, fp, closure, pc);
                }
            }
        } catch (PyError e) {
            throw runtime.raise(e).addFrame(f.info().name(), f.positions()[pc]);
        } catch (RoastException e) {
            throw pc == IN_MACHINE_CODE ? e : e.addFrame(f.info().name(), f.positions()[pc]);
        } catch (dev.roast.heap.HeapExhausted e) {
            // No room for an exception object now: MemoryError travels without one, frames and all.
            throw new RoastException(PackedValue.NONE, "MemoryError", null).addFrame(f.info().name(), f.positions()[pc]);
        }
    }

    /** The function a CALL_DIRECT or CALL_VIRTUAL at {@code pc} reaches (a virtual call records it as feedback). */
    int callee(int id, BytecodeFunction f, long fp, int[] code, int pc) {
        if (code[pc] == Op.CALL_DIRECT) return program.calleeId(id, code[pc + 2]);
        int callee = runtime.virtualTarget(get(fp, code[pc + 4]), f, code[pc + 2]);
        program.profile(id).recordTarget(pc, callee);
        return callee;
    }

    /**
     * A loop with its header at {@code header} made function {@code id} hot: on-stack replacement if the policy
     * has machine code for it. Returns the pc to go on at, or {@link MachineCode#RETURNED_PC}.
     */
    private int loopHot(int id, long fp, long closure, int header) {
        program.profile(id).heat = Integer.MAX_VALUE;
        return machine == null ? header : machine.osr(id, fp, closure, header);
    }

    /** The six comparisons in declaration order LT, LE, GT, GE, EQ, NE starting at {@code first}. */
    static boolean compareInt(int op, int first, long a, long b) {
        return switch (op - first) {
            case 0 -> a < b;
            case 1 -> a <= b;
            case 2 -> a > b;
            case 3 -> a >= b;
            case 4 -> a == b;
            default -> a != b;
        };
    }

    static boolean compareFloat(int op, int first, double a, double b) {
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
