package dev.roast.interpreter;

import dev.roast.bytecode.BytecodeFunction;
import dev.roast.bytecode.Opcode;
import dev.roast.frontend.hir.Builtin;
import dev.roast.frontend.hir.BuiltinMethod;
import dev.roast.frontend.hir.FunctionInfo;
import dev.roast.frontend.types.ClassInfo;
import dev.roast.frontend.types.Type;
import dev.roast.heap.BoundMethod;
import dev.roast.heap.DictObj;
import dev.roast.heap.FunctionObj;
import dev.roast.heap.HandleScope;
import dev.roast.heap.Heap;
import dev.roast.heap.IteratorObj;
import dev.roast.heap.ListObj;
import dev.roast.heap.ObjectKind;
import dev.roast.heap.Str;
import dev.roast.heap.UnhashableKey;
import dev.roast.interpreter.builtins.Args;
import dev.roast.interpreter.builtins.BuiltinFunctions;
import dev.roast.interpreter.builtins.ListMethods;
import dev.roast.interpreter.values.Arith;
import dev.roast.interpreter.values.BuiltinRefs;
import dev.roast.interpreter.values.Compare;
import dev.roast.interpreter.values.Context;
import dev.roast.interpreter.values.Items;
import dev.roast.interpreter.values.Iteration;
import dev.roast.interpreter.values.Kinds;
import dev.roast.interpreter.values.Strings;
import dev.roast.interpreter.values.Text;
import dev.roast.mir.ArithOp;
import dev.roast.mir.CompareKind;
import dev.roast.mir.ItemKind;
import dev.roast.mir.UnaryKind;
import dev.roast.runtime.format.FormatException;
import dev.roast.runtime.format.NumberFormat;
import dev.roast.runtime.format.StringFormat;
import dev.roast.values.PackedValue;

/**
 * The opcodes on values that are not numbers: strings, lists, dicts, ranges,
 * iteration, f-string formatting, the `any` operators, and the calls of
 * builtins and of str/list/dict methods. Each returns the next pc. The work
 * itself is in the packages {@code values} (operators, items, iteration,
 * text) and {@code builtins} (one class per builtin family), which see the
 * interpreter through {@link Context}, implemented here.
 *
 * <p><b>Builtins as values</b> (LOAD_BUILTIN, `key=len`, `isinstance(x, int)`):
 * a FUNCTION object with no cells whose function id is {@code -1 - Builtin.ordinal()}
 * (see {@link BuiltinRefs}); one per builtin per run, cached here and kept alive
 * as a GC root, so `len is len`. Test with {@link #builtinOf} before treating a
 * FUNCTION as a Roast function; call with {@link #callBuiltinValue}.
 *
 * <p><b>Dict views</b> (`d.keys()`, `d.values()`): ITERATOR objects over the dict that
 * are never advanced themselves (see {@code values.Views}).
 */
final class ValueOps implements Context {
    /** The runtime the one-argument {@link Repr} methods use (single-threaded: the last one made). */
    static volatile ValueOps current;

    private final Runtime rt;
    private final long[] builtinRefs = new long[Builtin.values().length];
    private Interpreter in;

    ValueOps(Runtime rt) {
        this.rt = rt;
        rt.heap.addRoots(v -> v.visitArray(builtinRefs, 0, builtinRefs.length));
        current = this;
    }

    int execute(Interpreter in, int id, BytecodeFunction f, long fp, int pc) {
        this.in = in;
        return (int) guarded(() -> dispatch(f, fp, pc));
    }

    private static long slot(long fp, int s) { return Interpreter.slot(fp, s); }

    private static void set(long fp, int s, long v) { Interpreter.setSlot(fp, s, v); }

    private int dispatch(BytecodeFunction f, long fp, int pc) {
        int[] code = f.code();
        Object[] pool = f.constants();
        Heap heap = rt.heap;
        switch (code[pc]) {
            case Op.CALL_BUILTIN -> { return callBuiltin(f, fp, pc); }
            case Op.CALL_METHOD -> { return callMethod(f, fp, pc); }
            case Op.LEN -> {
                long v = slot(fp, code[pc + 2]);
                long n = switch (Kinds.kind(v)) {
                    case ObjectKind.STR -> Str.length(Kinds.addr(v));
                    case ObjectKind.LIST -> ListObj.length(Kinds.addr(v));
                    case ObjectKind.DICT -> DictObj.size(Kinds.addr(v));
                    default -> -1;
                };
                set(fp, code[pc + 1], n >= 0 ? PackedValue.ofInt(n)  // ranges, dict views, the TypeError:
                        : callBuiltin(Builtin.LEN, new Args(new long[] {v}, new String[0], new long[0])));
                return pc + 3;
            }
            case Op.LOAD_BUILTIN -> {
                set(fp, code[pc + 1], builtinRef((Builtin) pool[code[pc + 2]]));
                return pc + 3;
            }
            case Op.CONCAT_STR, Op.REPEAT_STR, Op.CONCAT_LIST, Op.REPEAT_LIST -> {
                long a = slot(fp, code[pc + 2]), b = slot(fp, code[pc + 3]);
                if (code[pc] == Op.CONCAT_STR && Kinds.isStr(a) && Kinds.isStr(b)) {
                    // Straight to the string: Arith.binary is a big method C1 declines to compile.
                    set(fp, code[pc + 1], PackedValue.ofPointer(Str.concat(heap, Kinds.addr(a), Kinds.addr(b))));
                    return pc + 4;
                }
                ArithOp op = switch (code[pc]) {
                    case Op.CONCAT_STR, Op.CONCAT_LIST -> ArithOp.ANY_ADD;
                    default -> ArithOp.ANY_MUL;
                };
                set(fp, code[pc + 1], Arith.binary(this, op, a, b));
                return pc + 4;
            }
            case Op.ARITH_ANY -> {
                ArithOp op = ArithOp.values()[code[pc + 4]];
                set(fp, code[pc + 1], Arith.binary(this, op, slot(fp, code[pc + 2]), slot(fp, code[pc + 3])));
                return pc + 5;
            }
            case Op.UNARY_ANY -> {
                set(fp, code[pc + 1], Arith.unary(this, UnaryKind.values()[code[pc + 3]], slot(fp, code[pc + 2])));
                return pc + 4;
            }
            case Op.TRUTH, Op.NOT -> {
                boolean t = Kinds.truth(slot(fp, code[pc + 2]));
                set(fp, code[pc + 1], PackedValue.ofBool(code[pc] == Op.TRUTH ? t : !t));
                return pc + 3;
            }
            case Op.CHECK_TYPE -> {
                set(fp, code[pc + 1], checkType(slot(fp, code[pc + 2]), (Type) pool[code[pc + 3]]));
                return pc + 4;
            }
            case Op.COMPARE -> {
                boolean r = compare(CompareKind.values()[code[pc + 4]], slot(fp, code[pc + 2]), slot(fp, code[pc + 3]));
                set(fp, code[pc + 1], PackedValue.ofBool(r));
                return pc + 5;
            }
            case Op.ITER_START -> {
                set(fp, code[pc + 1], PackedValue.ofPointer(Iteration.start(this, slot(fp, code[pc + 2]))));
                return pc + 3;
            }
            case Op.ITER_NEXT -> {
                long v = Iteration.next(this, Kinds.addr(slot(fp, code[pc + 2])));
                if (v == PackedValue.UNBOUND) return code[pc + 3];
                set(fp, code[pc + 1], v);
                return pc + 4;
            }
            case Op.MAKE_LIST -> {
                int n = code[pc + 2];
                long[] items = new long[n];
                for (int i = 0; i < n; i++) items[i] = slot(fp, code[pc + 3 + i]);
                set(fp, code[pc + 1], PackedValue.ofPointer(ListObj.of(heap, items)));
                return pc + 3 + n;
            }
            case Op.MAKE_DICT -> {
                int n = code[pc + 2];
                long d = DictObj.alloc(heap);
                rt.heap.handles().pushAddress(d);
                for (int i = 0; i < n; i += 2) {
                    dev.roast.interpreter.values.Dicts.put(this, d, slot(fp, code[pc + 3 + i]), slot(fp, code[pc + 4 + i]));
                }
                set(fp, code[pc + 1], PackedValue.ofPointer(d));
                return pc + 3 + n;
            }
            case Op.GET_ITEM_LIST, Op.GET_ITEM_STR, Op.GET_ITEM_DICT -> {
                set(fp, code[pc + 1], Items.get(this, slot(fp, code[pc + 2]), slot(fp, code[pc + 3])));
                return pc + 4;
            }
            case Op.GET_ITEM -> {
                set(fp, code[pc + 1], Items.get(this, slot(fp, code[pc + 2]), slot(fp, code[pc + 3])));
                return pc + 5;
            }
            case Op.SET_ITEM_LIST, Op.SET_ITEM_DICT -> {
                Items.set(this, slot(fp, code[pc + 1]), slot(fp, code[pc + 2]), slot(fp, code[pc + 3]));
                return pc + 4;
            }
            case Op.SET_ITEM -> {
                Items.set(this, slot(fp, code[pc + 1]), slot(fp, code[pc + 2]), slot(fp, code[pc + 3]));
                return pc + 5;
            }
            case Op.DEL_ITEM -> {
                Items.delete(this, slot(fp, code[pc + 1]), slot(fp, code[pc + 2]));
                return pc + 4;
            }
            case Op.LIST_IN_PLACE -> {
                long list = slot(fp, code[pc + 1]);
                boolean repeat = ArithOp.values()[code[pc + 3]] == ArithOp.LIST_REPEAT;
                if (!Kinds.isList(list)) {
                    throw Arith.unsupported(this, repeat ? ArithOp.ANY_MUL : ArithOp.ANY_ADD, list, slot(fp, code[pc + 2]));
                }
                ListMethods.inPlace(this, Kinds.addr(list), slot(fp, code[pc + 2]), repeat);
                return pc + 4;
            }
            case Op.FORMAT -> {
                int specReg = code[pc + 4];
                String spec = specReg < 0 ? "" : Strings.text(slot(fp, specReg));
                String s = format(slot(fp, code[pc + 2]), code[pc + 3], spec);
                set(fp, code[pc + 1], Strings.word(heap, s));
                return pc + 5;
            }
            case Op.BUILD_STRING -> {
                int n = code[pc + 2];
                var sb = new StringBuilder();
                for (int i = 0; i < n; i++) sb.append(Text.str(this, slot(fp, code[pc + 3 + i])));
                set(fp, code[pc + 1], Strings.word(heap, sb.toString()));
                return pc + 3 + n;
            }
            default -> throw Runtime.notYet("the operation " + Opcode.of(code[pc]).name().toLowerCase());
        }
    }

    // ---- comparisons ----

    private boolean compare(CompareKind k, long a, long b) {
        return switch (k) {
            case STR_EQ, ANY_EQ, INT_EQ, FLOAT_EQ -> Compare.eq(this, a, b);
            case STR_NE, ANY_NE, INT_NE, FLOAT_NE -> !Compare.eq(this, a, b);
            case STR_LT, ANY_LT, INT_LT, FLOAT_LT -> Compare.order(this, Compare.LT, a, b);
            case STR_LE, ANY_LE, INT_LE, FLOAT_LE -> Compare.order(this, Compare.LE, a, b);
            case STR_GT, ANY_GT, INT_GT, FLOAT_GT -> Compare.order(this, Compare.GT, a, b);
            case STR_GE, ANY_GE, INT_GE, FLOAT_GE -> Compare.order(this, Compare.GE, a, b);
            case IS -> a == b;
            case IS_NOT -> a != b;
            case IN -> Iteration.contains(this, b, a);
            case NOT_IN -> !Iteration.contains(this, b, a);
        };
    }

    // ---- f-strings ----

    private String format(long v, int conversion, String spec) {
        if (conversion != 0) {
            String s = switch (conversion) {
                case 'r' -> Text.repr(this, v);
                case 'a' -> Text.ascii(this, v);
                default -> Text.str(this, v);
            };
            return StringFormat.format(s, spec);
        }
        if (Kinds.isInt(v)) return NumberFormat.format(Kinds.intValue(v), spec);
        if (Kinds.isFloat(v)) return NumberFormat.format(PackedValue.asDouble(v), spec);
        if (PackedValue.isBool(v)) return NumberFormat.format(v == PackedValue.TRUE, spec);
        if (Kinds.isStr(v)) return StringFormat.format(Strings.text(v), spec);
        if (spec.isEmpty()) return Text.str(this, v);
        throw new PyError("TypeError", "unsupported format string passed to " + Kinds.typeName(this, v) + ".__format__");
    }

    // ---- run-time type checks ----

    private long checkType(long v, Type t) {
        boolean ok;
        switch (t) {
            case Type.Prim p -> {
                switch (p) {
                    case INT -> ok = Kinds.isInt(v);
                    case FLOAT -> {
                        if (Kinds.isInt(v)) return PackedValue.ofDouble((double) Kinds.intValue(v));
                        ok = Kinds.isFloat(v);
                    }
                    case BOOL -> ok = PackedValue.isBool(v);
                    case STR -> ok = v == PackedValue.NONE || Kinds.isStr(v);
                    case NONE -> ok = v == PackedValue.NONE;
                    default -> ok = true;
                }
            }
            case Type.ListOf l -> ok = v == PackedValue.NONE || Kinds.isList(v);
            case Type.DictOf d -> ok = v == PackedValue.NONE || Kinds.isDict(v);
            case Type.View view -> ok = v == PackedValue.NONE || Kinds.kind(v) == ObjectKind.RANGE || Kinds.kind(v) == ObjectKind.ITERATOR;
            case Type.Instance i -> ok = v == PackedValue.NONE || rt.objects.isInstanceOf(v, i.cls());
            case Type.Function fn -> {
                int k = Kinds.kind(v);
                ok = v == PackedValue.NONE || k == ObjectKind.FUNCTION || k == ObjectKind.BOUND_METHOD || ObjectOps.isClassObject(v);
            }
            default -> ok = true;
        }
        if (!ok) throw new PyError("TypeError", "expected " + t + ", got " + Kinds.typeName(this, v));
        return v;
    }

    // ---- builtins ----

    private long builtinRef(Builtin b) {
        long w = builtinRefs[b.ordinal()];
        if (w == 0) {
            w = BuiltinRefs.alloc(rt.heap, b);
            builtinRefs[b.ordinal()] = w;
        }
        return w;
    }

    /** The builtin a word refers to (a LOAD_BUILTIN value), or null if it is not a builtin ref. */
    Builtin builtinOf(long word) {
        return BuiltinRefs.builtinOf(word);
    }

    /** Calls a builtin ref (from LOAD_BUILTIN) with positional arguments. */
    long callBuiltinValue(Interpreter in, long ref, long... args) {
        this.in = in;
        Builtin b = builtinOf(ref);
        if (b == null) throw new PyError("TypeError", "'" + Kinds.typeName(this, ref) + "' object is not callable");
        return guarded(() -> callBuiltin(b, new Args(args, new String[0], new long[0])));
    }

    /** `recv.name(*args)` for a str/list/dict receiver of static type `any` (CALL_DYNAMIC). */
    long callMethodDynamic(Interpreter in, long recv, String name, long... args) {
        this.in = in;
        BuiltinMethod.Receiver r = Kinds.isStr(recv) ? BuiltinMethod.Receiver.STR
                : Kinds.isList(recv) ? BuiltinMethod.Receiver.LIST : Kinds.isDict(recv) ? BuiltinMethod.Receiver.DICT : null;
        BuiltinMethod m = r == null ? null : BuiltinMethod.find(r, name);
        if (m == null) {
            throw new PyError("AttributeError", "'" + Kinds.typeName(this, recv) + "' object has no attribute '" + name + "'");
        }
        return guarded(() -> BuiltinFunctions.callMethod(this, m, recv, new Args(args, new String[0], new long[0])));
    }

    private interface WordSupplier { long get(); }

    /** Runs runtime-library code: its handle-scope use is undone after, its exceptions become Python's. */
    private long guarded(WordSupplier s) {
        HandleScope hs = rt.heap.handles();
        int mark = hs.mark();
        try {
            return s.get();
        } catch (FormatException e) {
            throw new PyError(e.pythonType(), e.getMessage());
        } catch (UnhashableKey e) {
            throw new PyError("TypeError", e.getMessage());
        } catch (IteratorObj.DictChangedSize e) {
            throw new PyError("RuntimeError", "dictionary changed size during iteration");
        } finally {
            hs.reset(mark);
        }
    }

    private long callBuiltin(Builtin b, Args a) {
        return switch (b) {
            case PRINT -> Print.print(rt, a.positional(), a.keywordNames(), a.keywords());
            case ISINSTANCE -> {
                a.count("isinstance", 2, 2);
                yield PackedValue.ofBool(rt.objects.isInstance(a.get(0), a.get(1)));
            }
            default -> BuiltinFunctions.call(this, b, a);
        };
    }

    private int callBuiltin(BytecodeFunction f, long fp, int pc) {
        int[] code = f.code();
        Object[] pool = f.constants();
        var b = (Builtin) pool[code[pc + 2]];
        int argc = code[pc + 3];
        int kwNamesAt = pc + 4 + argc;
        String[] kwNames = (String[]) pool[code[kwNamesAt]];
        int kwc = code[kwNamesAt + 1];
        long[] args = new long[argc];
        for (int i = 0; i < argc; i++) args[i] = slot(fp, code[pc + 4 + i]);
        long[] kw = new long[kwc];
        for (int i = 0; i < kwc; i++) kw[i] = slot(fp, code[kwNamesAt + 2 + i]);
        long result = callBuiltin(b, new Args(args, kwNames, kw));
        set(fp, code[pc + 1], result);
        return kwNamesAt + 2 + kwc;
    }

    private int callMethod(BytecodeFunction f, long fp, int pc) {
        int[] code = f.code();
        Object[] pool = f.constants();
        var m = (BuiltinMethod) pool[code[pc + 2]];
        long recv = slot(fp, code[pc + 3]);
        int argc = code[pc + 4];
        int kwNamesAt = pc + 5 + argc;
        String[] kwNames = (String[]) pool[code[kwNamesAt]];
        int kwc = code[kwNamesAt + 1];
        long[] args = new long[argc];
        for (int i = 0; i < argc; i++) args[i] = slot(fp, code[pc + 5 + i]);
        long[] kw = new long[kwc];
        for (int i = 0; i < kwc; i++) kw[i] = slot(fp, code[kwNamesAt + 2 + i]);
        long result = BuiltinFunctions.callMethod(this, m, recv, new Args(args, kwNames, kw));
        set(fp, code[pc + 1], result);
        return kwNamesAt + 2 + kwc;
    }

    // ---- Context ----

    @Override
    public Heap heap() { return rt.heap; }

    @Override
    public String className(long address) { return rt.objects.instanceTypeName(address); }

    @Override
    public String instanceText(long word, boolean repr) { return rt.objects.text(word, repr); }

    @Override
    public boolean instanceEquals(long a, long b) {
        if (ObjectOps.isInstanceObject(a)) {
            ClassInfo.Method eq = rt.objects.classOf(a).method("__eq__");
            if (eq != null && !eq.isStatic() && rt.classes.methodId(eq) >= 0) {
                return Kinds.truth(rt.objects.callDynamic(in, a, "__eq__", b));
            }
        }
        if (ObjectOps.isInstanceObject(b)) {
            ClassInfo.Method eq = rt.objects.classOf(b).method("__eq__");
            if (eq != null && !eq.isStatic() && rt.classes.methodId(eq) >= 0) {
                return Kinds.truth(rt.objects.callDynamic(in, b, "__eq__", a));
            }
        }
        return a == b;
    }

    @Override
    public String functionText(long word) {
        Builtin b = builtinOf(word);
        if (b != null) return "<built-in function " + b.pyName + ">";
        long a = Kinds.addr(word);
        if (Kinds.kind(word) == ObjectKind.FUNCTION) {
            FunctionInfo info = rt.program.function((int) FunctionObj.functionId(a)).info();
            return "<function " + ObjectOps.pyQualifiedName(info) + ">";
        }
        FunctionInfo info = rt.program.function((int) BoundMethod.functionId(a)).info();
        return "<bound method " + ObjectOps.pyQualifiedName(info) + " of " + Text.repr(this, BoundMethod.receiver(a)) + ">";
    }

    @Override
    public long call(long function, long... args) {
        if (builtinOf(function) != null) return callBuiltinValue(in, function, args);
        return rt.objects.callValue(in, function, args);
    }

    /** Str.of for callers in this package. */
    long str(String s) { return PackedValue.ofPointer(Str.of(rt.heap, s)); }
}
