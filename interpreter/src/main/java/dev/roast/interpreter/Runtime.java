package dev.roast.interpreter;

import dev.roast.bytecode.BytecodeFunction;
import dev.roast.frontend.hir.Builtin;
import dev.roast.frontend.hir.FunctionInfo;
import dev.roast.frontend.types.ClassInfo;
import dev.roast.heap.BoxedInt;
import dev.roast.heap.FunctionObj;
import dev.roast.heap.Heap;
import dev.roast.heap.HeapExhausted;
import dev.roast.heap.Instance;
import dev.roast.heap.ListObj;
import dev.roast.heap.RootVisitor;
import dev.roast.heap.Roots;
import dev.roast.heap.Str;
import dev.roast.interpreter.arith.FloatArith;
import dev.roast.interpreter.arith.IntArith;
import dev.roast.values.PackedValue;
import java.util.List;

/**
 * Everything the dispatch loop does not do inline: operations that allocate
 * or go through the object model, error construction, and the rarer
 * opcodes ({@link #slowOp}). Also the GC's view of the interpreter: the
 * constant pools, the globals and the live value stack are its roots.
 */
final class Runtime implements Roots {
    /** Offset of field slot 0 in an instance (the dispatch loop reads fields inline). */
    static final int INSTANCE_FIELDS = Instance.FIELDS;

    final Heap heap;
    final Program program;
    final ClassTable classes;
    final Output out;
    /** Strings, containers, formatting, builtins (see ValueOps). */
    final ValueOps values;
    /** Classes, closures, function values, raising (see ObjectOps). */
    final ObjectOps objects;
    private final OutOfLineOps outOfLine;
    private final long stackBase;
    private Interpreter interpreter;
    /** `sys.argv`: one list for the whole run, so the program's changes to it stay (a root). */
    private long sysArgv = PackedValue.NONE;

    Runtime(Heap heap, Program program, Output out, long stackBase, List<String> argv) {
        this.heap = heap;
        this.program = program;
        this.out = out;
        this.stackBase = stackBase;
        this.classes = new ClassTable(program.hir(), program);
        program.linkClasses(classes);
        program.linkHeap(heap);
        this.values = new ValueOps(this);
        this.objects = new ObjectOps(this);
        this.outOfLine = new OutOfLineOps(this, program);
        heap.addRoots(this);
        for (int id = 0; id < program.functionCount(); id++) packConstants(id);
        long list = ListObj.alloc(heap, argv.size());
        sysArgv = PackedValue.ofPointer(list);  // a root before the strings allocate
        for (String a : argv) ListObj.append(heap, list, PackedValue.ofPointer(Str.of(heap, a)));
    }

    void attach(Interpreter interpreter) {
        this.interpreter = interpreter;
    }

    /** LOAD_CONST reads these: numbers encoded, strings allocated once (and kept alive as roots). */
    private void packConstants(int id) {
        Object[] pool = program.function(id).constants();
        long[] packed = new long[pool.length];
        // Installed before it fills, so the strings already in it are roots while the next one allocates;
        // the zeros not yet filled read as the double 0.0, never as pointers.
        program.setConstants(id, packed);
        for (int k = 0; k < pool.length; k++) {
            packed[k] = switch (pool[k]) {
                case Long v -> intOf(v);
                case Double d -> PackedValue.ofDouble(d);
                case String s -> PackedValue.ofPointer(Str.of(heap, s));
                default -> 0L;
            };
        }
        BytecodeFunction f = program.function(id);
        long[] frame = new long[f.frameSize()];
        java.util.Arrays.fill(frame, PackedValue.UNBOUND);
        int[] cs = f.constantSlots();
        for (int i = 0; i < cs.length; i += 2) frame[cs[i]] = packed[cs[i + 1]];
        program.setFrameTemplate(id, frame);
    }

    @Override
    public void forEachRoot(RootVisitor v) {
        for (int id = 0; id < program.functionCount(); id++) {
            long[] c = program.constants(id);
            if (c != null) v.visitArray(c, 0, c.length);
        }
        v.visitRange(program.globalsAddress(), program.globalCount());
        v.visit(sysArgv);
        if (interpreter != null) v.visitRange(stackBase, (interpreter.top - stackBase) >>> 3);
    }

    // ---- ints beyond 48 bits ----

    long intOf(long v) {
        return PackedValue.fitsInline(v) ? PackedValue.ofInt(v) : PackedValue.ofPointer(BoxedInt.alloc(heap, v));
    }

    /** ADD/SUB/MUL_INT (and ADD_INT_IMM) on int words beyond the inline range: the dispatch loop's slow path. */
    long intArith(int op, long a, long b) {
        long x = intValue(a), y = intValue(b);
        return intOf(switch (op) {
            case Op.SUB_INT -> IntArith.sub(x, y);
            case Op.MUL_INT -> IntArith.mul(x, y);
            default -> IntArith.add(x, y);
        });
    }

    long intValue(long word) {
        return PackedValue.isInt(word) ? PackedValue.asInt(word) : BoxedInt.value(PackedValue.asPointer(word));
    }

    // ---- errors ----

    /** A Roast exception of the built-in class named by {@code e}, with its message. */
    RoastException raise(PyError e) {
        return newException(classes.builtin(e.type()), e.getMessage());
    }

    RoastException newException(ClassInfo cls, String message) {
        long obj;
        try {
            obj = Instance.allocException(heap, classes.idOf(cls), cls.fieldCount());
            int mark = heap.handles().pushAddress(obj);
            Instance.set(obj, 0, message == null ? PackedValue.NONE : PackedValue.ofPointer(Str.of(heap, message)));
            heap.handles().reset(mark);
        } catch (HeapExhausted oom) {
            throw new RoastException(PackedValue.NONE, "MemoryError", null);
        }
        return new RoastException(PackedValue.ofPointer(obj), cls.name(), message);
    }

    RoastException unboundGlobal(BytecodeFunction f, int k) {
        return raise(new PyError("NameError", "name '" + f.constants()[k] + "' is not defined"));
    }

    RoastException missingField(long obj, BytecodeFunction f, int k) {
        var field = (ClassInfo.Field) f.constants()[k];
        if (obj == PackedValue.NONE) return raise(new PyError("AttributeError", "'NoneType' object has no attribute '" + field.name() + "'"));
        String cls = classes.get((int) Instance.classId(PackedValue.asPointer(obj))).name();
        return raise(new PyError("AttributeError", "'" + cls + "' object has no attribute '" + field.name() + "'"));
    }

    RoastException setFieldOnNone(long obj) {
        return raise(new PyError("AttributeError", "'NoneType' object has no attribute assignment"));
    }

    /** The function a CALL_VIRTUAL on {@code receiver} reaches (constant k is the method). */
    int virtualTarget(long receiver, BytecodeFunction f, int k) {
        var m = (ClassInfo.Method) f.constants()[k];
        if (!PackedValue.isPointer(receiver)) {
            throw raise(new PyError("AttributeError", "'NoneType' object has no attribute '" + m.name() + "'"));
        }
        return classes.vtableEntry((int) Instance.classId(PackedValue.asPointer(receiver)), m.vtableSlot());
    }

    /** The function a call of this value reaches, for call-site feedback (MANY_TARGETS when it is not one function). */
    private static int callTarget(long callee) {
        if (!PackedValue.isPointer(callee)) return FunctionProfile.MANY_TARGETS;
        long a = PackedValue.asPointer(callee);
        return switch (dev.roast.heap.Header.kind(a)) {
            case dev.roast.heap.ObjectKind.FUNCTION -> (int) FunctionObj.functionId(a);  // builtins: -1 - ordinal
            case dev.roast.heap.ObjectKind.BOUND_METHOD -> (int) dev.roast.heap.BoundMethod.functionId(a);
            default -> FunctionProfile.MANY_TARGETS;
        };
    }

    // ---- the opcodes not handled inline ----

    /** Executes the instruction at {@code pc}; returns the next pc. */
    int slowOp(Interpreter in, int id, BytecodeFunction f, long fp, long closure, int pc) {
        int[] code = f.code();
        Object[] pool = f.constants();
        if (TypeFeedback.recordsOperands(code[pc])) TypeFeedback.recordOperands(program.profile(id), code, pc, fp);
        if (code[pc] == Op.CALL_VALUE) program.profile(id).recordTarget(pc, callTarget(Interpreter.slot(fp, code[pc + 2])));
        switch (code[pc]) {
            case Op.CHECK_BOUND -> {
                if (Interpreter.slot(fp, code[pc + 1]) == PackedValue.UNBOUND) {
                    throw raise(new PyError("UnboundLocalError",
                            "cannot access local variable '" + pool[code[pc + 2]] + "' where it is not associated with a value"));
                }
                return pc + 3;
            }
            case Op.TRUE_DIV_INT, Op.POW_INT, Op.AND_INT, Op.OR_INT, Op.XOR_INT, Op.SHL_INT, Op.SHR_INT -> {
                long a = intValue(Interpreter.slot(fp, code[pc + 2])), b = intValue(Interpreter.slot(fp, code[pc + 3]));
                long r = switch (code[pc]) {
                    case Op.TRUE_DIV_INT -> PackedValue.ofDouble(IntArith.trueDiv(a, b));
                    case Op.POW_INT -> intOf(IntArith.pow(a, b));
                    case Op.AND_INT -> intOf(a & b);
                    case Op.OR_INT -> intOf(a | b);
                    case Op.XOR_INT -> intOf(a ^ b);
                    case Op.SHL_INT -> intOf(IntArith.shiftLeft(a, b));
                    default -> intOf(IntArith.shiftRight(a, b));
                };
                Interpreter.setSlot(fp, code[pc + 1], r);
                return pc + 4;
            }
            case Op.FLOOR_DIV_FLOAT, Op.MOD_FLOAT, Op.POW_FLOAT -> {
                double a = PackedValue.asDouble(Interpreter.slot(fp, code[pc + 2])), b = PackedValue.asDouble(Interpreter.slot(fp, code[pc + 3]));
                double r = switch (code[pc]) {
                    case Op.FLOOR_DIV_FLOAT -> FloatArith.floorDiv(a, b);
                    case Op.MOD_FLOAT -> FloatArith.mod(a, b);
                    default -> FloatArith.pow(a, b);
                };
                Interpreter.setSlot(fp, code[pc + 1], PackedValue.ofDouble(r));
                return pc + 4;
            }
            case Op.AND_BOOL, Op.OR_BOOL, Op.XOR_BOOL -> {
                boolean a = Interpreter.slot(fp, code[pc + 2]) == PackedValue.TRUE, b = Interpreter.slot(fp, code[pc + 3]) == PackedValue.TRUE;
                boolean r = code[pc] == Op.AND_BOOL ? a & b : code[pc] == Op.OR_BOOL ? a | b : a ^ b;
                Interpreter.setSlot(fp, code[pc + 1], PackedValue.ofBool(r));
                return pc + 4;
            }
            case Op.NEG_INT, Op.INVERT_INT -> {
                long a = intValue(Interpreter.slot(fp, code[pc + 2]));
                Interpreter.setSlot(fp, code[pc + 1], intOf(code[pc] == Op.NEG_INT ? IntArith.neg(a) : ~a));
                return pc + 3;
            }
            case Op.NEG_FLOAT -> {
                Interpreter.setSlot(fp, code[pc + 1], PackedValue.ofDouble(-PackedValue.asDouble(Interpreter.slot(fp, code[pc + 2]))));
                return pc + 3;
            }
            case Op.INT_TO_FLOAT -> {
                Interpreter.setSlot(fp, code[pc + 1], PackedValue.ofDouble((double) intValue(Interpreter.slot(fp, code[pc + 2]))));
                return pc + 3;
            }
            case Op.LOAD_MODULE_VALUE -> {
                Interpreter.setSlot(fp, code[pc + 1], moduleValue((String) pool[code[pc + 2]]));
                return pc + 3;
            }
            // Strings, containers, iteration, formatting, `any` operators, builtins and built-in methods.
            case Op.LOAD_BUILTIN, Op.CONCAT_STR, Op.REPEAT_STR, Op.CONCAT_LIST, Op.REPEAT_LIST, Op.ARITH_ANY, Op.UNARY_ANY,
                 Op.TRUTH, Op.NOT, Op.CHECK_TYPE, Op.COMPARE, Op.ITER_START, Op.ITER_NEXT, Op.CALL_BUILTIN, Op.CALL_METHOD,
                 Op.MAKE_LIST, Op.MAKE_DICT, Op.GET_ITEM_LIST, Op.GET_ITEM_STR, Op.GET_ITEM_DICT, Op.GET_ITEM,
                 Op.SET_ITEM_LIST, Op.SET_ITEM_DICT, Op.SET_ITEM, Op.DEL_ITEM, Op.LIST_IN_PLACE, Op.FORMAT, Op.BUILD_STRING, Op.LEN ->
                    pc = values.execute(in, id, f, fp, pc);
            // Classes, instances, closures, function values and their calls, dynamic attributes, raising.
            case Op.NEW_CELL, Op.LOAD_CELL, Op.STORE_CELL, Op.LOAD_CAPTURE, Op.MAKE_FUNCTION, Op.LOAD_CLASS, Op.ALLOC,
                 Op.NEW_EXCEPTION, Op.INIT_EXCEPTION, Op.GET_CONSTANT, Op.SET_CONSTANT, Op.GET_ATTR, Op.SET_ATTR,
                 Op.BIND_METHOD, Op.CALL_VALUE, Op.CALL_DYNAMIC, Op.RAISE, Op.RAISE_ASSERTION ->
                    pc = objects.execute(in, id, f, fp, closure, pc);
            default -> {
                // The dispatch loop's inline operations, which come here only from machine code's slow paths.
                if (OutOfLineOps.handles(code[pc])) return outOfLine.execute(in, id, f, fp, pc);
                throw notYet("the operation " + dev.roast.bytecode.Opcode.of(code[pc]).name().toLowerCase());
            }
        }
        return pc;
    }

    /** A module's value that only exists at run time (LOAD_MODULE_VALUE), by qualified name. */
    private long moduleValue(String name) {
        if (name.equals("sys.argv")) return sysArgv;
        throw notYet("the module value " + name);
    }

    /** An opcode the runtime does not implement yet: an internal error naming it (the [interpreter] issue is in progress). */
    static UnsupportedOperationException notYet(String what) {
        return new UnsupportedOperationException(what + " is not implemented in the interpreter yet");
    }
}
