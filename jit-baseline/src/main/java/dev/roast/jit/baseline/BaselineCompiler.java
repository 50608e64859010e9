package dev.roast.jit.baseline;

import static dev.roast.jit.baseline.Registers.CLOSURE;
import static dev.roast.jit.baseline.Registers.CONTEXT;
import static dev.roast.jit.baseline.Registers.FP;
import static dev.roast.jit.baseline.Registers.INT_TAG;

import dev.roast.bytecode.BytecodeFunction;
import dev.roast.bytecode.Opcode;
import dev.roast.bytecode.Operand;
import dev.roast.codegen.x64.Assembler;
import dev.roast.codegen.x64.Cond;
import dev.roast.codegen.x64.Label;
import dev.roast.codegen.x64.Mem;
import dev.roast.codegen.x64.Reg;
import dev.roast.codegen.x64.Xmm;
import dev.roast.frontend.hir.Builtin;
import dev.roast.heap.DictObj;
import dev.roast.heap.Header;
import dev.roast.heap.Heap;
import dev.roast.heap.Instance;
import dev.roast.heap.IteratorObj;
import dev.roast.heap.ListObj;
import dev.roast.heap.ObjectKind;
import dev.roast.heap.RangeObj;
import dev.roast.heap.Str;
import dev.roast.interpreter.ExitReason;
import dev.roast.interpreter.NativeContext;
import dev.roast.interpreter.Program;
import dev.roast.mir.ArithOp;
import dev.roast.mir.CompareKind;
import dev.roast.values.PackedValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The baseline tier: one pass over a function's bytecode, one small emitter per opcode (V8's Sparkplug is
 * the model), on the interpreter's own frame — every value stays in its frame slot, so the interpreter can
 * take over at any instruction. Typed int and float arithmetic, comparisons and branches, globals, fields,
 * list items, len, for-loop steps over lists and ranges, math.sqrt, direct calls and new instances of plain
 * classes are inline; each inline fast path that meets something unusual (a boxed or overflowing int, a zero
 * divisor, an unbound name, an index out of range, the recursion limit, an allocator out of ready memory)
 * jumps to an out-of-line slow path that has the runtime execute that one instruction ({@code slowOp} upcall), as
 * does every other opcode. An exception leaves by status return: the activation's frame goes into the
 * traceback ({@code unwind}) and the function returns THREW to its caller.
 */
public final class BaselineCompiler {
    /** Offset of a field slot 0 in an instance. */
    private static final int FIELDS = Instance.FIELDS;
    /** Up to this many words, {@link #fill} stores each; past it, a loop. */
    private static final int UNROLLED_STORES = 16;

    private final Program program;
    private final int id;
    private final BytecodeFunction f;
    private final int[] code;
    /** The slots whose inline int is known here: int emitters use it as an immediate, with no load or check. */
    private final IntConstantSlots constants;
    private final Assembler asm = new Assembler();
    /** The label of each instruction's first byte, by pc (and one at the end of the code); null between. */
    private final Label[] at;
    /**
     * Out-of-line code, emitted after the body so that fast paths fall through. Records rather than
     * lambdas: each lambda's first use links an invokedynamic call site, milliseconds of a cold compile.
     */
    private sealed interface OutOfLine {}

    /** The runtime executes the instruction at pc (its fast path failed), then on to the next one. */
    private record SlowPath(int pc, Label label) implements OutOfLine {}

    /** A direct call's callee did not return: run it in the interpreter (EXITED), or leave with its exception. */
    private record CallNotReturned(int pc, int callee, int calleeFrame, Label label, Label returned) implements OutOfLine {}

    /** The activation leaves at pc with the pending exception. */
    private record ExceptionExit(int pc, Label label) implements OutOfLine {}

    private final List<OutOfLine> outOfLine = new ArrayList<>();
    /** Per pc, the code that leaves the activation with the pending exception. */
    private final Map<Integer, Label> exceptionExits = new HashMap<>();
    /**
     * The function's one slowOp call and one exception exit, shared by every pc (ECX = pc): each slow path
     * is then 15 bytes rather than 60, which halves the code and the time to make it.
     */
    private final Label slowOpStub = asm.newLabel(), exceptionExitStub = asm.newLabel();
    /** The weight of the instruction being visited (by its loop depth), and the weights by kind of code so far. */
    private long weight, inlineWeight, callWeight, runtimeWeight;

    private BaselineCompiler(Program program, int id) {
        this.program = program;
        this.id = id;
        this.f = program.function(id);
        this.code = f.code();
        this.constants = IntConstantSlots.of(f, program.frameTemplate(id));
        this.at = new Label[code.length + 1];
    }

    /** Compiles function {@code id} of {@code program}. */
    public static BaselineCode compile(Program program, int id) {
        return new BaselineCompiler(program, id).compile();
    }

    /**
     * Where direct calls of a function without machine code go: it tells its caller (status EXITED, reason
     * NOT_COMPILED, pc 0) to run the callee in the interpreter from its first instruction.
     */
    public static byte[] notCompiledStub() {
        var a = new Assembler();
        a.mov(Mem.of(CONTEXT, NativeContext.DEOPT_PC), 0);
        a.mov(Mem.of(CONTEXT, NativeContext.DEOPT_REASON), ExitReason.NOT_COMPILED.ordinal());
        a.mov(Reg.RAX, NativeContext.EXITED);
        a.ret();
        return a.finish();
    }

    private BaselineCode compile() {
        var headers = loopHeaders();
        for (int pc = 0; pc < code.length; pc += Opcode.lengthAt(code, pc)) at[pc] = asm.newLabel();
        at[code.length] = asm.newLabel();

        int directEntry = asm.position();
        int instructions = 0;
        int[] depth = loopDepths();
        for (int pc = 0; pc < code.length; pc += Opcode.lengthAt(code, pc)) {
            asm.bind(at[pc]);
            weight = 1L << 3 * Math.min(depth[pc], 4);
            long outOfLineWeight = callWeight + runtimeWeight;
            visit(pc);
            if (callWeight + runtimeWeight == outOfLineWeight) inlineWeight += weight;
            instructions++;
        }
        asm.bind(at[code.length]);
        asm.int3();  // no instruction falls off the end; a bug would trap here rather than run on

        asm.align(16);
        int entry = asm.position();
        entryWrapper(at[0]);
        Map<Integer, Integer> osr = new HashMap<>();
        for (int header : headers) {
            asm.align(16);
            osr.put(header, asm.position());
            entryWrapper(at[header]);
        }
        for (int i = 0; i < outOfLine.size(); i++) emit(outOfLine.get(i));  // may add more as it goes
        emitSharedStubs();
        return new BaselineCode(asm.finish(), entry, directEntry, osr, instructions,
                new BaselineCode.Mix(inlineWeight, callWeight, runtimeWeight));
    }

    /** Per pc, how many loops contain it: a backward branch from b to t makes [t, b] a loop. */
    private int[] loopDepths() {
        int[] delta = new int[code.length + 1];
        for (int pc = 0; pc < code.length; pc += Opcode.lengthAt(code, pc)) {
            int operand = pc + 1;
            for (Operand o : Opcode.of(code[pc]).operands()) {
                if (o == Operand.TARGET && code[operand] <= pc) {
                    delta[code[operand]]++;
                    delta[pc + 1]--;
                }
                operand += o == Operand.REGS ? 1 + code[operand] : 1;
            }
        }
        int[] depth = new int[code.length];
        for (int pc = 0, d = 0; pc < code.length; pc++) depth[pc] = d += delta[pc];
        return depth;
    }

    /** The pcs where on-stack replacement may enter: the targets of JUMP_LOOP, and LOOP instructions. */
    private TreeSet<Integer> loopHeaders() {
        var headers = new TreeSet<Integer>();
        for (int pc = 0; pc < code.length; pc += Opcode.lengthAt(code, pc)) {
            if (code[pc] == Opcode.JUMP_LOOP.ordinal()) headers.add(code[pc + 1]);
            if (code[pc] == Opcode.LOOP.ordinal()) headers.add(pc);
        }
        return headers;
    }

    /**
     * An entry for the interpreter, {@code status fn(fp = RDI, context = RSI, closure = RDX)} in the C ABI:
     * saves the fixed registers, loads them and calls the body at {@code target} (its first instruction, or a
     * loop header for on-stack replacement), then leaves the result where the interpreter reads it.
     * Only here are the fixed registers saved: calls between compiled functions go straight to the body
     * (see {@link #callDirect}).
     */
    private void entryWrapper(Label target) {
        asm.push(FP);
        asm.push(CONTEXT);
        asm.push(CLOSURE);
        asm.push(INT_TAG);  // 4 pushes + the return address: the call below leaves the body's RSP 16-byte aligned
        asm.mov(FP, Reg.RDI);
        asm.mov(CONTEXT, Reg.RSI);
        asm.mov(CLOSURE, Reg.RDX);
        asm.mov(INT_TAG, PackedValue.INT_TAG_BITS);
        asm.call(target);
        asm.mov(context(NativeContext.RESULT), Reg.RDX);  // read only when the status is RETURNED
        asm.pop(INT_TAG);
        asm.pop(CLOSURE);
        asm.pop(CONTEXT);
        asm.pop(FP);
        asm.ret();
    }

    private static Mem slot(int s) {
        return Mem.of(FP, 8 * s);
    }

    private Mem context(int offset) {
        return Mem.of(CONTEXT, offset);
    }

    // ---- one emitter per opcode ----

    private void visit(int pc) {
        Opcode op = Opcode.of(code[pc]);
        switch (op) {
            case MOVE -> {
                asm.mov(Reg.RAX, slot(code[pc + 2]));
                asm.mov(slot(code[pc + 1]), Reg.RAX);
            }
            case LOAD_INT -> store(code[pc + 1], PackedValue.ofInt(code[pc + 2]));
            case LOAD_CONST -> store(code[pc + 1], program.constants(id)[code[pc + 2]]);
            case LOAD_TRUE -> store(code[pc + 1], PackedValue.TRUE);
            case LOAD_FALSE -> store(code[pc + 1], PackedValue.FALSE);
            case LOAD_NONE -> store(code[pc + 1], PackedValue.NONE);
            case LOAD_GLOBAL -> loadGlobal(pc);
            case STORE_GLOBAL -> {
                asm.mov(Reg.RAX, slot(code[pc + 2]));
                asm.mov(Reg.RCX, program.globalsAddress());
                asm.mov(Mem.of(Reg.RCX, 8 * code[pc + 1]), Reg.RAX);
            }
            case ADD_INT, SUB_INT, MUL_INT, ADD_INT_IMM -> intArith(pc, op);
            case ARITH_ANY -> {  // `any` operands: inline when both are inline ints, else the runtime
                int arith = code[pc + 4];
                if (arith == ArithOp.ANY_ADD.ordinal()) intArith(pc, Opcode.ADD_INT);
                else if (arith == ArithOp.ANY_SUB.ordinal()) intArith(pc, Opcode.SUB_INT);
                else if (arith == ArithOp.ANY_MUL.ordinal()) intArith(pc, Opcode.MUL_INT);
                else runtimeOp(pc);
            }
            case COMPARE -> {
                int kind = code[pc + 4];
                if (kind == CompareKind.IS.ordinal() || kind == CompareKind.IS_NOT.ordinal()) {
                    asm.mov(Reg.RAX, slot(code[pc + 2]));  // identity is word equality
                    asm.cmp(Reg.RAX, slot(code[pc + 3]));
                    setBool(kind == CompareKind.IS.ordinal() ? Cond.E : Cond.NE, code[pc + 1]);
                } else if (kind >= CompareKind.ANY_LT.ordinal() && kind <= CompareKind.ANY_NE.ordinal()) {
                    compareInt(pc, intCond(kind - CompareKind.ANY_LT.ordinal()));  // LT … NE, in compareInt's order
                } else {
                    runtimeOp(pc);
                }
            }
            case FLOOR_DIV_INT, MOD_INT -> intDivision(pc, op);
            case ADD_FLOAT, SUB_FLOAT, MUL_FLOAT, DIV_FLOAT -> floatArith(pc, op);
            case INT_TO_FLOAT -> intToFloat(pc);
            case LT_INT, LE_INT, GT_INT, GE_INT, EQ_INT, NE_INT -> compareInt(pc, intCond(op.ordinal() - Opcode.LT_INT.ordinal()));
            case LT_FLOAT, LE_FLOAT, GT_FLOAT, GE_FLOAT, EQ_FLOAT, NE_FLOAT -> compareFloat(pc, op);
            case JUMP, JUMP_LOOP -> asm.jmp(at[code[pc + 1]]);
            case LOOP -> { }  // back-edges are counted by the interpreter only; compiled code has tiered up already
            case JUMP_IF_TRUE, JUMP_IF_FALSE -> {
                asm.mov(Reg.RAX, slot(code[pc + 1]));
                asm.mov(Reg.RCX, PackedValue.TRUE);
                asm.cmp(Reg.RAX, Reg.RCX);
                asm.jcc(op == Opcode.JUMP_IF_TRUE ? Cond.E : Cond.NE, at[code[pc + 2]]);
            }
            case JUMP_UNLESS_LT_INT, JUMP_UNLESS_LE_INT, JUMP_UNLESS_GT_INT, JUMP_UNLESS_GE_INT, JUMP_UNLESS_EQ_INT,
                 JUMP_UNLESS_NE_INT -> jumpUnlessInt(pc, op);
            case JUMP_UNLESS_LT_FLOAT, JUMP_UNLESS_LE_FLOAT, JUMP_UNLESS_GT_FLOAT, JUMP_UNLESS_GE_FLOAT,
                 JUMP_UNLESS_EQ_FLOAT, JUMP_UNLESS_NE_FLOAT -> jumpUnlessFloat(pc, op);
            case RETURN -> {
                asm.mov(Reg.RDX, slot(code[pc + 1]));
                asm.mov(Reg.RAX, NativeContext.RETURNED);
                asm.ret();
            }
            case RETURN_NONE -> {
                asm.mov(Reg.RDX, PackedValue.NONE);
                asm.mov(Reg.RAX, NativeContext.RETURNED);
                asm.ret();
            }
            case CALL_DIRECT -> callDirect(pc);
            case GET_FIELD -> getField(pc);
            case SET_FIELD -> setField(pc);
            case GET_ITEM_LIST, SET_ITEM_LIST -> listItem(pc, op == Opcode.GET_ITEM_LIST);
            case ALLOC -> alloc(pc);
            case LEN -> len(pc);
            case ITER_NEXT -> iterNext(pc);
            case CALL_BUILTIN -> {
                if (isSqrtOfOne(pc)) sqrt(pc);
                else runtimeOp(pc);
            }
            default -> runtimeOp(pc);  // everything else: the runtime executes it
        }
    }

    private void store(int dst, long word) {
        if (word == (int) word) {
            asm.mov(slot(dst), (int) word);
        } else {
            asm.mov(Reg.RAX, word);
            asm.mov(slot(dst), Reg.RAX);
        }
    }

    private void loadGlobal(int pc) {
        Label slow = slowPath(pc);
        asm.mov(Reg.RCX, program.globalsAddress());
        asm.mov(Reg.RAX, Mem.of(Reg.RCX, 8 * code[pc + 2]));
        asm.mov(Reg.RDX, PackedValue.UNBOUND);
        asm.cmp(Reg.RAX, Reg.RDX);
        asm.jcc(Cond.E, slow);
        asm.mov(slot(code[pc + 1]), Reg.RAX);
    }

    /**
     * ADD/SUB/MUL_INT (and ARITH_ANY's +, -, * given as those) on inline ints. The payloads are shifted to the top
     * 48 bits, where the CPU's overflow flag is exactly "does not fit 48 bits"; a logical shift back and the tag
     * make the result word. A constant operand goes to the right (+ and * commute), where it can be an immediate.
     */
    private void intArith(int pc, Opcode op) {
        Label slow = slowPath(pc);
        IntOperand a = intOperand(code[pc + 2]);
        IntOperand b = op == Opcode.ADD_INT_IMM ? IntOperand.known(code[pc + 3]) : intOperand(code[pc + 3]);
        if (a.isKnown() && !b.isKnown() && op != Opcode.SUB_INT) {
            IntOperand t = a;
            a = b;
            b = t;
        }
        loadShifted(Reg.RAX, a, slow);
        if (op == Opcode.MUL_INT) {
            // (a << 16) * b = (a b) << 16
            if (b.isKnown() && b.value() == (int) b.value()) {
                asm.imul(Reg.RAX, Reg.RAX, (int) b.value());
            } else {
                loadUntagged(Reg.RCX, b, slow);
                asm.imul(Reg.RAX, Reg.RCX);
            }
        } else {
            shiftedOp(op == Opcode.SUB_INT ? ShiftedOp.SUB : ShiftedOp.ADD, b, slow);
        }
        asm.jcc(Cond.O, slow);
        asm.shr(Reg.RAX, 16);
        asm.or(Reg.RAX, INT_TAG);
        asm.mov(slot(code[pc + 1]), Reg.RAX);
    }

    /**
     * Floor division and modulo of inline ints by a positive divisor (the result is inline too). A constant
     * positive divisor needs no divide instruction; a zero or negative one always takes the slow path, the
     * runtime's (ZeroDivisionError; -2^47 // -1 does not fit inline).
     */
    private void intDivision(int pc, Opcode op) {
        Label slow = slowPath(pc);
        IntOperand dividend = intOperand(code[pc + 2]), divisor = intOperand(code[pc + 3]);
        if (divisor.isKnown()) {
            if (divisor.value() > 0) divideByConstant(op, dividend, ConstantDivisor.of(divisor.value()), code[pc + 1], slow);
            else asm.jmp(slow);
            return;
        }
        loadUntagged(Reg.RAX, dividend, slow);
        loadUntagged(Reg.RCX, divisor, slow);
        asm.test(Reg.RCX, Reg.RCX);
        asm.jcc(Cond.LE, slow);
        // A 32-bit idiv when both fit is several times faster than the 64-bit one (as in the interpreter).
        Label wide = asm.newLabel(), divided = asm.newLabel();
        fitsSigned(Reg.RAX, 32, wide);
        fitsSigned(Reg.RCX, 32, wide);
        asm.cdq();
        asm.idiv32(Reg.RCX);
        asm.shl(Reg.RAX, 32);  // sign-extend the 32-bit quotient and remainder
        asm.sar(Reg.RAX, 32);
        asm.shl(Reg.RDX, 32);
        asm.sar(Reg.RDX, 32);
        asm.jmp(divided);
        asm.bind(wide);
        asm.cqo();
        asm.idiv(Reg.RCX);
        asm.bind(divided);
        Label floored = asm.newLabel();
        asm.test(Reg.RDX, Reg.RDX);
        asm.jcc(Cond.NS, floored);
        asm.sub(Reg.RAX, 1);  // truncated toward zero; Python floors
        asm.add(Reg.RDX, Reg.RCX);
        asm.bind(floored);
        Reg result = op == Opcode.MOD_INT ? Reg.RDX : Reg.RAX;
        tag(result);
        asm.mov(slot(code[pc + 1]), result);
    }

    /** dst = n // d or n % d for a constant d > 0, by shifts or a multiply (see {@link ConstantDivisor}). */
    private void divideByConstant(Opcode op, IntOperand n, ConstantDivisor d, int dst, Label slow) {
        boolean mod = op == Opcode.MOD_INT;
        Reg result = Reg.RAX;
        // instanceof, not a pattern switch (see emit(OutOfLine))
        if (d instanceof ConstantDivisor.PowerOfTwo(int k) && !mod) {
            loadWord(Reg.RAX, n, slow);
            asm.shl(Reg.RAX, 16);
            asm.sar(Reg.RAX, 16 + k);  // untagged and shifted right by k at once: n >> k floors
            tag(Reg.RAX);
        } else if (d instanceof ConstantDivisor.PowerOfTwo(int k)) {
            loadWord(Reg.RAX, n, slow);  // checked even for n % 1: a boxed n goes to the runtime
            if (k == 0) {
                asm.mov(Reg.RAX, PackedValue.ofInt(0));
            } else {  // the payload's low k bits: a non-negative int, its own payload
                asm.shl(Reg.RAX, 64 - k);
                asm.shr(Reg.RAX, 64 - k);
                asm.or(Reg.RAX, INT_TAG);
            }
        } else if (d instanceof ConstantDivisor.Reciprocal r) {
            loadUntagged(Reg.RAX, n, slow);
            asm.mov(Reg.RCX, r.offset());
            asm.add(Reg.RCX, Reg.RAX);  // x = n + offset: not negative, the same remainder
            asm.mov(Reg.RAX, r.multiplier());
            asm.mul(Reg.RCX);
            asm.shr(Reg.RDX, r.shift());  // x / d
            if (mod) {
                imul(Reg.RDX, r.divisor());
                asm.sub(Reg.RCX, Reg.RDX);  // x - (x / d) d: in [0, d), its own payload
                asm.or(Reg.RCX, INT_TAG);
                result = Reg.RCX;
            } else {
                sub(Reg.RDX, r.offsetQuotient());
                tag(Reg.RDX);
                result = Reg.RDX;
            }
        }
        asm.mov(slot(dst), result);
    }

    private void floatArith(int pc, Opcode op) {
        asm.movsd(Xmm.XMM0, slot(code[pc + 2]));
        if (op == Opcode.DIV_FLOAT) {
            Label slow = slowPath(pc);  // ZeroDivisionError
            asm.movsd(Xmm.XMM1, slot(code[pc + 3]));
            asm.xorpd(Xmm.XMM2, Xmm.XMM2);
            Label nonZero = asm.newLabel();
            asm.ucomisd(Xmm.XMM1, Xmm.XMM2);
            asm.jcc(Cond.P, nonZero);
            asm.jcc(Cond.E, slow);
            asm.bind(nonZero);
            asm.divsd(Xmm.XMM0, Xmm.XMM1);
        } else if (op == Opcode.ADD_FLOAT) {
            asm.addsd(Xmm.XMM0, slot(code[pc + 3]));
        } else if (op == Opcode.SUB_FLOAT) {
            asm.subsd(Xmm.XMM0, slot(code[pc + 3]));
        } else {
            asm.mulsd(Xmm.XMM0, slot(code[pc + 3]));
        }
        storeDouble(code[pc + 1]);
    }

    /** Stores XMM0 as a double word: a NaN becomes the one canonical NaN, as PackedValue.ofDouble does. */
    private void storeDouble(int dst) {
        asm.movq(Reg.RAX, Xmm.XMM0);
        Label ordered = asm.newLabel();
        asm.ucomisd(Xmm.XMM0, Xmm.XMM0);
        asm.jcc(Cond.NP, ordered);
        asm.mov(Reg.RAX, PackedValue.CANONICAL_NAN);
        asm.bind(ordered);
        asm.mov(slot(dst), Reg.RAX);
    }

    private void intToFloat(int pc) {
        Label slow = slowPath(pc);
        asm.mov(Reg.RAX, slot(code[pc + 2]));
        checkInt(Reg.RAX, slow);
        untag(Reg.RAX);
        asm.cvtsi2sd(Xmm.XMM0, Reg.RAX);
        asm.movq(Reg.RAX, Xmm.XMM0);
        asm.mov(slot(code[pc + 1]), Reg.RAX);
    }

    /** The condition "a op b" of the six int comparisons, in Opcode's order LT, LE, GT, GE, EQ, NE. */
    private static Cond intCond(int which) {
        return switch (which) {
            case 0 -> Cond.L;
            case 1 -> Cond.LE;
            case 2 -> Cond.G;
            case 3 -> Cond.GE;
            case 4 -> Cond.E;
            default -> Cond.NE;
        };
    }

    /** Compares two inline ints shifted left by 16 (so signed conditions order them), or goes slow. */
    private void compareInts(int a, int b, Label slow) {
        loadShifted(Reg.RAX, intOperand(a), slow);
        shiftedOp(ShiftedOp.CMP, intOperand(b), slow);
    }

    /** dst = a cond b on two inline ints (LT_INT … and the `any` comparisons' int fast path), else the runtime. */
    private void compareInt(int pc, Cond cond) {
        Label slow = slowPath(pc);
        compareInts(code[pc + 2], code[pc + 3], slow);
        setBool(cond, code[pc + 1]);
    }

    private void jumpUnlessInt(int pc, Opcode op) {
        Label slow = slowPath(pc);
        compareInts(code[pc + 1], code[pc + 2], slow);
        asm.jcc(intCond(op.ordinal() - Opcode.JUMP_UNLESS_LT_INT.ordinal()).negate(), at[code[pc + 3]]);
    }

    /** RAX = the bool word of condition {@code c} on the flags; stored to {@code dst}. */
    private void setBool(Cond c, int dst) {
        asm.setcc(c, Reg.RAX);
        asm.movzx8(Reg.RAX, Reg.RAX);
        asm.mov(Reg.RCX, PackedValue.FALSE);
        asm.or(Reg.RAX, Reg.RCX);
        asm.mov(slot(dst), Reg.RAX);
    }

    /**
     * Float comparisons follow IEEE: every comparison with a NaN is false but !=. With XMM0 = a, XMM1 = b,
     * a < b is "b above a" (CF and ZF clear, which an unordered result never gives), and so on.
     */
    private void compareFloat(int pc, Opcode op) {
        asm.movsd(Xmm.XMM0, slot(code[pc + 2]));
        asm.movsd(Xmm.XMM1, slot(code[pc + 3]));
        int dst = code[pc + 1];
        switch (op.ordinal() - Opcode.LT_FLOAT.ordinal()) {
            case 0 -> { asm.ucomisd(Xmm.XMM1, Xmm.XMM0); setBool(Cond.A, dst); }
            case 1 -> { asm.ucomisd(Xmm.XMM1, Xmm.XMM0); setBool(Cond.AE, dst); }
            case 2 -> { asm.ucomisd(Xmm.XMM0, Xmm.XMM1); setBool(Cond.A, dst); }
            case 3 -> { asm.ucomisd(Xmm.XMM0, Xmm.XMM1); setBool(Cond.AE, dst); }
            default -> {  // EQ: equal and ordered; NE: not equal or unordered
                boolean eq = op == Opcode.EQ_FLOAT;
                asm.ucomisd(Xmm.XMM0, Xmm.XMM1);
                asm.setcc(eq ? Cond.E : Cond.NE, Reg.RAX);
                asm.setcc(eq ? Cond.NP : Cond.P, Reg.RCX);
                asm.movzx8(Reg.RAX, Reg.RAX);
                asm.movzx8(Reg.RCX, Reg.RCX);
                if (eq) asm.and(Reg.RAX, Reg.RCX);
                else asm.or(Reg.RAX, Reg.RCX);
                asm.mov(Reg.RCX, PackedValue.FALSE);
                asm.or(Reg.RAX, Reg.RCX);
                asm.mov(slot(dst), Reg.RAX);
            }
        }
    }

    private void jumpUnlessFloat(int pc, Opcode op) {
        asm.movsd(Xmm.XMM0, slot(code[pc + 1]));
        asm.movsd(Xmm.XMM1, slot(code[pc + 2]));
        Label target = at[code[pc + 3]];
        switch (op.ordinal() - Opcode.JUMP_UNLESS_LT_FLOAT.ordinal()) {
            case 0 -> { asm.ucomisd(Xmm.XMM1, Xmm.XMM0); asm.jcc(Cond.BE, target); }
            case 1 -> { asm.ucomisd(Xmm.XMM1, Xmm.XMM0); asm.jcc(Cond.B, target); }
            case 2 -> { asm.ucomisd(Xmm.XMM0, Xmm.XMM1); asm.jcc(Cond.BE, target); }
            case 3 -> { asm.ucomisd(Xmm.XMM0, Xmm.XMM1); asm.jcc(Cond.B, target); }
            case 4 -> {  // unless a == b: jump when unordered or not equal
                asm.ucomisd(Xmm.XMM0, Xmm.XMM1);
                asm.jcc(Cond.P, target);
                asm.jcc(Cond.NE, target);
            }
            default -> {  // unless a != b: jump when ordered and equal
                Label notEqual = asm.newLabel();
                asm.ucomisd(Xmm.XMM0, Xmm.XMM1);
                asm.jcc(Cond.P, notEqual);
                asm.jcc(Cond.E, target);
                asm.bind(notEqual);
            }
        }
    }

    private void getField(int pc) {
        Label slow = slowPath(pc);
        asm.mov(Reg.RAX, slot(code[pc + 2]));
        checkPointer(Reg.RAX, slow);
        asm.mov(Reg.RAX, Mem.of(Reg.RAX, FIELDS + 8 * code[pc + 3]));
        asm.mov(Reg.RDX, PackedValue.UNBOUND);
        asm.cmp(Reg.RAX, Reg.RDX);
        asm.jcc(Cond.E, slow);
        asm.mov(slot(code[pc + 1]), Reg.RAX);
    }

    private void setField(int pc) {
        Label slow = slowPath(pc);
        asm.mov(Reg.RAX, slot(code[pc + 1]));
        checkPointer(Reg.RAX, slow);
        asm.mov(Reg.RCX, slot(code[pc + 3]));
        asm.mov(Mem.of(Reg.RAX, FIELDS + 8 * code[pc + 2]), Reg.RCX);
    }

    /** GET_ITEM_LIST dst, list, index / SET_ITEM_LIST list, index, value: an inline index within range (negative counts from the end). */
    private void listItem(int pc, boolean get) {
        Label slow = slowPath(pc);
        int list = code[pc + (get ? 2 : 1)], index = code[pc + (get ? 3 : 2)];
        asm.mov(Reg.RAX, slot(list));
        checkPointer(Reg.RAX, slow);
        asm.mov(Reg.RCX, slot(index));
        checkInt(Reg.RCX, slow);
        untag(Reg.RCX);
        asm.mov(Reg.RDX, Mem.of(Reg.RAX, ListObj.LENGTH));
        Label positive = asm.newLabel();
        asm.test(Reg.RCX, Reg.RCX);
        asm.jcc(Cond.NS, positive);
        asm.add(Reg.RCX, Reg.RDX);
        asm.bind(positive);
        asm.cmp(Reg.RCX, Reg.RDX);
        asm.jcc(Cond.AE, slow);  // unsigned: a still negative index is huge
        asm.mov(Reg.RAX, Mem.of(Reg.RAX, ListObj.ITEMS));
        Mem item = Mem.of(Reg.RAX, Reg.RCX, 8, ListObj.ITEM0);
        if (get) {
            asm.mov(Reg.RAX, item);
            asm.mov(slot(code[pc + 1]), Reg.RAX);
        } else {
            asm.mov(Reg.RDX, slot(code[pc + 3]));
            asm.mov(item, Reg.RDX);
        }
    }

    /**
     * ALLOC dst, class: an instance of a plain class, allocated inline, with every field UNBOUND (as
     * Instance.alloc). Exception classes (the runtime records their arguments) and instances too big for a
     * small block are the runtime's.
     */
    private void alloc(int pc) {
        int classId = program.allocClassId(id, code[pc + 2]);
        if (classId < 0 || instanceBytes(classId) > Heap.SMALL_MAX) {
            runtimeOp(pc);
            return;
        }
        int s = allocateSmall(pc, ObjectKind.INSTANCE, instanceBytes(classId));
        asm.mov(Mem.of(Reg.RAX, Instance.CLASS_ID), classId);
        fill(Reg.RAX, FIELDS, s, PackedValue.UNBOUND);
        asm.mov(Reg.RCX, PackedValue.POINTER_TAG_BITS);
        asm.or(Reg.RAX, Reg.RCX);
        asm.mov(slot(code[pc + 1]), Reg.RAX);
    }

    private long instanceBytes(int classId) {
        return FIELDS + 8L * program.fieldCount(classId);
    }

    /**
     * RAX = a new block of {@code size} bytes (small) with its header written, by the heap's own inline
     * sequence (Heap's class comment): the free list of its block size first, then the bump region, else
     * the instruction at pc goes to the runtime (which allocates, and may collect). The block is not
     * zeroed: the caller writes every word past the header before anything can collect. Returns the block
     * size; clobbers RCX and RDX.
     */
    private int allocateSmall(int pc, int kind, long size) {
        int s = Heap.smallBlockSize(size);
        Label slow = slowPath(pc), bump = asm.newLabel(), init = asm.newLabel();
        Mem freeHead = Mem.of(Reg.RDX, Heap.STATE_FREE_HEADS + s);
        asm.mov(Reg.RDX, program.heapStateAddress());
        asm.mov(Reg.RAX, freeHead);
        asm.test(Reg.RAX, Reg.RAX);
        asm.jcc(Cond.E, bump);
        asm.mov(Reg.RCX, Mem.of(Reg.RAX, 8));  // a free block's link word
        asm.mov(freeHead, Reg.RCX);
        asm.jmp(init);
        asm.bind(bump);
        asm.mov(Reg.RAX, Mem.of(Reg.RDX, Heap.STATE_TOP));
        asm.lea(Reg.RCX, Mem.of(Reg.RAX, s));
        asm.cmp(Reg.RCX, Mem.of(Reg.RDX, Heap.STATE_END));
        asm.jcc(Cond.A, slow);  // also when there is no region: top == end == 0
        asm.mov(Mem.of(Reg.RDX, Heap.STATE_TOP), Reg.RCX);
        asm.bind(init);
        asm.add(Mem.of(Reg.RDX, Heap.STATE_ALLOCATED), s);  // the collector's trigger counts every byte
        asm.mov(Reg.RCX, Header.make(kind, s));
        asm.mov(Mem.of(Reg.RAX, 0), Reg.RCX);
        return s;
    }

    /**
     * Stores {@code word} in every word of {@code [base + from, base + to)}: one store each for a few, a
     * loop for more (a class with hundreds of fields would otherwise take kilobytes of code). Clobbers RCX,
     * RDX and RDI.
     */
    private void fill(Reg base, int from, int to, long word) {
        if (from == to) return;
        asm.mov(Reg.RDX, word);
        if ((to - from) / 8 <= UNROLLED_STORES) {
            for (int off = from; off < to; off += 8) asm.mov(Mem.of(base, off), Reg.RDX);
            return;
        }
        Label loop = asm.newLabel();
        asm.lea(Reg.RCX, Mem.of(base, from));
        asm.lea(Reg.RDI, Mem.of(base, to));
        asm.bind(loop);
        asm.mov(Mem.of(Reg.RCX, 0), Reg.RDX);
        asm.add(Reg.RCX, 8);
        asm.cmp(Reg.RCX, Reg.RDI);
        asm.jcc(Cond.B, loop);
    }

    /**
     * LEN dst, x on a list, dict or str: the length word (a dict's live entries), or a str's int32 count of
     * code points, as the interpreter's LEN reads them. Ranges, dict views and the TypeError go to the runtime.
     */
    private void len(int pc) {
        Label slow = slowPath(pc), counted = asm.newLabel();
        asm.mov(Reg.RAX, slot(code[pc + 2]));
        checkPointer(Reg.RAX, slow);
        loadKind(Reg.RCX, Reg.RAX);
        Label notList = asm.newLabel(), notDict = asm.newLabel();
        asm.cmp32(Reg.RCX, ObjectKind.LIST);
        asm.jcc(Cond.NE, notList);
        asm.mov(Reg.RAX, Mem.of(Reg.RAX, ListObj.LENGTH));
        asm.jmp(counted);
        asm.bind(notList);
        asm.cmp32(Reg.RCX, ObjectKind.DICT);
        asm.jcc(Cond.NE, notDict);
        asm.mov(Reg.RAX, Mem.of(Reg.RAX, DictObj.SIZE_FIELD));
        asm.jmp(counted);
        asm.bind(notDict);
        asm.cmp32(Reg.RCX, ObjectKind.STR);
        asm.jcc(Cond.NE, slow);
        asm.mov32(Reg.RAX, Mem.of(Reg.RAX, Str.LENGTH));  // never negative: zero-extending is exact
        asm.bind(counted);
        tag(Reg.RAX);  // lengths are far below 2^47 (a list's capacity, a dict's slots, a str's int32)
        asm.mov(slot(code[pc + 1]), Reg.RAX);
    }

    /**
     * ITER_NEXT dst, iterator, ->target over a list or a range, as IteratorObj.next: the list's live length
     * bounds each step (items appended in the loop are seen); at the end the iterator drops its iterable
     * (None) and the loop exits to target. An iterator already exhausted, a str or dict iterator, and a
     * range value past the inline ints go to the runtime.
     */
    private void iterNext(int pc) {
        Label slow = slowPath(pc), notList = asm.newLabel(), advance = asm.newLabel(), exhausted = asm.newLabel();
        asm.mov(Reg.RAX, slot(code[pc + 2]));
        checkPointer(Reg.RAX, slow);  // always an ITERATOR: ITER_START made it
        asm.mov(Reg.RCX, Mem.of(Reg.RAX, IteratorObj.ITERABLE));
        checkPointer(Reg.RCX, slow);
        asm.mov(Reg.RDX, Mem.of(Reg.RAX, IteratorObj.POSITION));
        asm.mov(Reg.RSI, Mem.of(Reg.RAX, IteratorObj.WHAT));
        asm.cmp(Reg.RSI, IteratorObj.LIST);
        asm.jcc(Cond.NE, notList);
        asm.cmp(Reg.RDX, Mem.of(Reg.RCX, ListObj.LENGTH));
        asm.jcc(Cond.GE, exhausted);
        asm.mov(Reg.RCX, Mem.of(Reg.RCX, ListObj.ITEMS));
        asm.mov(Reg.RCX, Mem.of(Reg.RCX, Reg.RDX, 8, ListObj.ITEM0));
        asm.jmp(advance);
        asm.bind(notList);
        asm.cmp(Reg.RSI, IteratorObj.RANGE);
        asm.jcc(Cond.NE, slow);
        asm.cmp(Reg.RDX, Mem.of(Reg.RAX, IteratorObj.LIMIT));
        asm.jcc(Cond.GE, exhausted);
        asm.mov(Reg.RSI, Mem.of(Reg.RCX, RangeObj.STEP));  // start + position × step, wrapping as Java's
        asm.imul(Reg.RSI, Reg.RDX);
        asm.add(Reg.RSI, Mem.of(Reg.RCX, RangeObj.START));
        fitsSigned(Reg.RSI, 48, slow);  // else a boxed int: the runtime allocates it
        asm.mov(Reg.RCX, Reg.RSI);
        tag(Reg.RCX);
        asm.bind(advance);  // RCX: the value
        asm.add(Reg.RDX, 1);
        asm.mov(Mem.of(Reg.RAX, IteratorObj.POSITION), Reg.RDX);
        asm.mov(slot(code[pc + 1]), Reg.RCX);
        Label done = asm.newLabel();
        asm.jmp(done);
        asm.bind(exhausted);
        asm.mov(Mem.of(Reg.RAX, IteratorObj.ITERABLE), (int) PackedValue.NONE);  // all ones: sign-extended -1
        asm.jmp(at[code[pc + 3]]);
        asm.bind(done);
    }

    /** Whether the CALL_BUILTIN at pc is math.sqrt with one positional argument and no keywords. */
    private boolean isSqrtOfOne(int pc) {
        int argc = code[pc + 3];
        return f.constants()[code[pc + 2]] == Builtin.MATH_SQRT && argc == 1 && code[pc + 4 + argc + 1] == 0;
    }

    /**
     * math.sqrt(x) of a float x that is not below zero (-0.0 and NaN included: sqrtsd gives -0.0 and NaN, as
     * Math.sqrt). A negative x (the ValueError) and an int or other argument go to the runtime.
     */
    private void sqrt(int pc) {
        Label slow = slowPath(pc);
        asm.mov(Reg.RAX, slot(code[pc + 4]));
        asm.mov(Reg.RCX, PackedValue.DOUBLE_LIMIT);
        asm.cmp(Reg.RAX, Reg.RCX);
        asm.jcc(Cond.AE, slow);  // unsigned: every other tag is at or above the limit
        asm.movq(Xmm.XMM0, Reg.RAX);
        asm.xorpd(Xmm.XMM1, Xmm.XMM1);
        asm.ucomisd(Xmm.XMM1, Xmm.XMM0);
        asm.jcc(Cond.A, slow);  // 0 > x, ordered: a NaN stays on the fast path
        asm.sqrtsd(Xmm.XMM0, Xmm.XMM0);
        storeDouble(code[pc + 1]);
    }

    /**
     * CALL_DIRECT dst, function, args: the callee's frame starts where this one ends; the call goes through the
     * callee's entry word, which is its body's direct entry or the not-compiled stub (then the runtime runs the
     * callee in the interpreter: {@code resume}). The depth and stack checks are the interpreter's, so that
     * when they fail its own call raises the RecursionError, traceback and all.
     * <p>Between compiled functions the convention is internal, not the C ABI: the callee gets its frame in
     * FP and its closure in CLOSURE, shares CONTEXT and INT_TAG, saves nothing, and returns its status in RAX
     * and its result in RDX. The caller moves FP back and keeps its own CLOSURE on the stack, which also keeps
     * the callee's RSP 16-byte aligned. (fib: ~15 fewer instructions per call than with the C ABI's entry.)
     */
    private void callDirect(int pc) {
        int callee = program.calleeId(id, code[pc + 2]);
        int argc = code[pc + 3];
        BytecodeFunction g = program.function(callee);
        int calleeFrame = f.frameSize();  // the callee's slot 0, in this frame's slot numbering
        callWeight += weight;
        Label slow = slowPath(pc);
        asm.mov(Reg.RAX, context(NativeContext.DEPTH));
        asm.add(Reg.RAX, 1);
        asm.cmp(Reg.RAX, context(NativeContext.MAX_DEPTH));
        asm.jcc(Cond.G, slow);
        asm.lea(Reg.RCX, slot(calleeFrame + g.frameSize()));
        asm.cmp(Reg.RCX, context(NativeContext.STACK_LIMIT));
        asm.jcc(Cond.A, slow);
        asm.mov(context(NativeContext.DEPTH), Reg.RAX);
        for (int i = 0; i < argc; i++) {
            asm.mov(Reg.RAX, slot(code[pc + 4 + i]));
            asm.mov(slot(calleeFrame + i), Reg.RAX);
        }
        long[] template = program.frameTemplate(callee);
        Long inRax = null;
        for (int s = argc; s < template.length; s++) {
            long w = template[s];
            if (w == (int) w) {
                asm.mov(slot(calleeFrame + s), (int) w);
            } else {
                if (inRax == null || inRax != w) asm.mov(Reg.RAX, w);
                inRax = w;
                asm.mov(slot(calleeFrame + s), Reg.RAX);
            }
        }
        asm.push(CLOSURE);  // with the return address, keeps the callee's RSP 16-byte aligned
        asm.lea(FP, slot(calleeFrame));
        asm.mov(CLOSURE, PackedValue.NONE);
        asm.call(context(NativeContext.ENTRIES + 8 * callee));
        asm.lea(FP, slot(-calleeFrame));
        asm.pop(CLOSURE);
        Label notReturned = asm.newLabel(), returned = asm.newLabel();
        asm.test(Reg.RAX, Reg.RAX);
        asm.jcc(Cond.NE, notReturned);
        asm.bind(returned);
        asm.dec(context(NativeContext.DEPTH));
        asm.mov(slot(code[pc + 1]), Reg.RDX);
        outOfLine.add(new CallNotReturned(pc, callee, calleeFrame, notReturned, returned));
    }

    // ---- the runtime's share ----

    /** The instruction at pc, executed by the runtime; then on to wherever it says. */
    private void runtimeOp(int pc) {
        runtimeWeight += weight;
        callSlowOp(pc);
        jumpToTargets(pc);
        if (Opcode.of(code[pc]).isUnconditionalTransfer()) asm.jmp(exceptionExit(pc));  // RAISE and friends never return normally
    }

    /** {@code slowOp(id, fp, closure, pc)} through the shared stub; an exception leaves the activation; RAX is the next pc. */
    private void callSlowOp(int pc) {
        asm.mov(Reg.RCX, pc);
        asm.call(slowOpStub);
    }

    /**
     * The shared code behind every pc's slow path and exception exit, ECX holding the pc. The stub is called
     * from the body (so RSP is 8 off its 16-byte alignment): it pushes ECX, which realigns RSP for the upcall
     * and keeps the pc for an exception exit.
     */
    private void emitSharedStubs() {
        asm.bind(slowOpStub);
        asm.push(Reg.RCX);
        asm.mov(Reg.RDI, id);
        asm.mov(Reg.RSI, FP);
        asm.mov(Reg.RDX, CLOSURE);
        asm.call(context(NativeContext.SLOW_OP));  // (id, fp, closure, pc = ECX)
        asm.pop(Reg.RCX);
        asm.cmp32(Reg.RAX, -1);
        Label threw = asm.newLabel();
        asm.jcc(Cond.E, threw);
        asm.ret();
        asm.bind(threw);
        asm.add(Reg.RSP, 8);  // the body's return address: leave from the body's own stack level
        asm.bind(exceptionExitStub);
        asm.mov(Reg.RDI, id);
        asm.mov(Reg.RSI, FP);
        asm.mov(Reg.RDX, CLOSURE);
        asm.call(context(NativeContext.UNWIND));  // (id, fp, closure, pc = ECX)
        asm.mov(Reg.RAX, NativeContext.THREW);
        asm.ret();
    }

    /** A new out-of-line slow path for the instruction at pc: the runtime executes it, then on to the next one. */
    private Label slowPath(int pc) {
        Label slow = asm.newLabel();
        outOfLine.add(new SlowPath(pc, slow));
        return slow;
    }

    /** Leaves the activation at pc with the pending exception: its frame joins the traceback, status THREW. */
    private Label exceptionExit(int pc) {
        Label exit = exceptionExits.get(pc);
        if (exit == null) {
            exit = asm.newLabel();
            exceptionExits.put(pc, exit);
            outOfLine.add(new ExceptionExit(pc, exit));
        }
        return exit;
    }

    /**
     * Tests by instanceof, not a pattern switch: a pattern switch's first run has the JVM spin a class for it
     * (~1.4 ms, more than half of a cold first compile).
     */
    private void emit(OutOfLine o) {
        if (o instanceof SlowPath(int pc, Label label)) {
            asm.bind(label);
            callSlowOp(pc);
            jumpToTargets(pc);
            asm.jmp(at[pc + Opcode.lengthAt(code, pc)]);
        } else if (o instanceof CallNotReturned(int pc, int callee, int calleeFrame, Label label, Label returned)) {
            asm.bind(label);
            Label threw = asm.newLabel();
            asm.cmp32(Reg.RAX, NativeContext.EXITED);
            asm.jcc(Cond.NE, threw);
            asm.mov(Reg.RDI, callee);
            asm.lea(Reg.RSI, slot(calleeFrame));
            asm.mov(Reg.RDX, PackedValue.NONE);
            asm.mov(Reg.RCX, context(NativeContext.DEOPT_PC));
            asm.call(context(NativeContext.RESUME));
            asm.mov(Reg.RDX, context(NativeContext.RESULT));  // the callee's result, as a compiled callee returns it
            asm.cmp32(Reg.RAX, NativeContext.RETURNED);  // an upcall's int: the upper half of RAX is undefined
            asm.jcc(Cond.E, returned);
            asm.bind(threw);
            asm.dec(context(NativeContext.DEPTH));
            asm.jmp(exceptionExit(pc));
        } else if (o instanceof ExceptionExit(int pc, Label label)) {
            asm.bind(label);
            asm.mov(Reg.RCX, pc);
            asm.jmp(exceptionExitStub);
        }
    }

    /** After the runtime executed the instruction at pc (RAX: the next pc), on to any of its jump targets it chose. */
    private void jumpToTargets(int pc) {
        Opcode op = Opcode.of(code[pc]);
        int operand = pc + 1;
        for (Operand o : op.operands()) {
            if (o == Operand.TARGET) {
                asm.cmp32(Reg.RAX, code[operand]);
                asm.jcc(Cond.E, at[code[operand]]);
            }
            operand += o == Operand.REGS ? 1 + code[operand] : 1;
        }
    }

    // ---- int operands ----

    /**
     * An int operand: known when compiling (an int constant slot's value, or an instruction's immediate), or
     * a slot to load and check.
     */
    private record IntOperand(int slot, boolean isKnown, long value) {
        static IntOperand known(long value) {
            return new IntOperand(-1, true, value);
        }
    }

    private IntOperand intOperand(int slot) {
        return constants.has(slot) ? new IntOperand(slot, true, constants.value(slot)) : new IntOperand(slot, false, 0);
    }

    /** r = the operand's inline int word: the constant, or the slot's word if it is an inline int (else slow). */
    private void loadWord(Reg r, IntOperand x, Label slow) {
        if (x.isKnown()) {
            asm.mov(r, PackedValue.ofInt(x.value()));
        } else {
            asm.mov(r, slot(x.slot()));
            checkInt(r, slow);
        }
    }

    /** r = the operand's value. */
    private void loadUntagged(Reg r, IntOperand x, Label slow) {
        if (x.isKnown()) {
            asm.mov(r, x.value());
        } else {
            loadWord(r, x, slow);
            untag(r);
        }
    }

    /** r = the operand's value shifted left by 16: how signed compares, adds and subtracts see 48-bit ints. */
    private void loadShifted(Reg r, IntOperand x, Label slow) {
        if (x.isKnown()) {
            asm.mov(r, x.value() << 16);
        } else {
            loadWord(r, x, slow);
            asm.shl(r, 16);
        }
    }

    private enum ShiftedOp { ADD, SUB, CMP }

    /** RAX op= (b << 16), with RAX shifted too: b an immediate when it is known and fits (|b| < 2^15), else from RCX. */
    private void shiftedOp(ShiftedOp op, IntOperand b, Label slow) {
        long shifted = b.value() << 16;
        if (b.isKnown() && shifted == (int) shifted) {
            int imm = (int) shifted;
            switch (op) {
                case ADD -> asm.add(Reg.RAX, imm);
                case SUB -> asm.sub(Reg.RAX, imm);
                case CMP -> asm.cmp(Reg.RAX, imm);
            }
        } else {
            loadShifted(Reg.RCX, b, slow);
            switch (op) {
                case ADD -> asm.add(Reg.RAX, Reg.RCX);
                case SUB -> asm.sub(Reg.RAX, Reg.RCX);
                case CMP -> asm.cmp(Reg.RAX, Reg.RCX);
            }
        }
    }

    /** r *= c, c an immediate when it fits 32 bits (else through RAX). */
    private void imul(Reg r, long c) {
        if (c == (int) c) {
            asm.imul(r, r, (int) c);
        } else {
            asm.mov(Reg.RAX, c);
            asm.imul(r, Reg.RAX);
        }
    }

    /** r -= c, c an immediate when it fits 32 bits (else through RAX). */
    private void sub(Reg r, long c) {
        if (c == (int) c) {
            asm.sub(r, (int) c);
        } else {
            asm.mov(Reg.RAX, c);
            asm.sub(r, Reg.RAX);
        }
    }

    // ---- value checks ----

    /** Jumps to {@code slow} unless {@code r} holds an inline int (tag 0xFFFC); clobbers R11. */
    private void checkInt(Reg r, Label slow) {
        asm.mov(Reg.R11, r);
        asm.shr(Reg.R11, PackedValue.TAG_SHIFT);
        asm.cmp32(Reg.R11, PackedValue.INT_TAG);
        asm.jcc(Cond.NE, slow);
    }

    /** Jumps to {@code slow} unless {@code r} holds a pointer; then makes {@code r} the address. Clobbers R11. */
    private void checkPointer(Reg r, Label slow) {
        asm.mov(Reg.R11, r);
        asm.shr(Reg.R11, PackedValue.TAG_SHIFT);
        asm.cmp32(Reg.R11, PackedValue.POINTER_TAG);
        asm.jcc(Cond.NE, slow);
        asm.shl(r, 16);
        asm.shr(r, 16);
    }

    /** {@code dst} = the kind byte of the object at address {@code obj} (its header's low byte). */
    private void loadKind(Reg dst, Reg obj) {
        asm.mov(dst, Mem.of(obj, 0));
        asm.movzx8(dst, dst);
    }

    /** Jumps to {@code no} unless the value in {@code r} fits {@code bits} bits signed; clobbers R11. */
    private void fitsSigned(Reg r, int bits, Label no) {
        asm.mov(Reg.R11, r);
        asm.shl(Reg.R11, 64 - bits);
        asm.sar(Reg.R11, 64 - bits);
        asm.cmp(Reg.R11, r);
        asm.jcc(Cond.NE, no);
    }

    /** An inline int word → its value (sign-extends the 48-bit payload). */
    private void untag(Reg r) {
        asm.shl(r, 16);
        asm.sar(r, 16);
    }

    /** A value that fits 48 bits → its inline int word. */
    private void tag(Reg r) {
        asm.shl(r, 16);
        asm.shr(r, 16);
        asm.or(r, INT_TAG);
    }
}
