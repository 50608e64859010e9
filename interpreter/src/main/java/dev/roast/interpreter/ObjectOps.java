package dev.roast.interpreter;

import dev.roast.bytecode.BytecodeFunction;
import dev.roast.bytecode.Opcode;
import dev.roast.frontend.hir.Builtin;
import dev.roast.frontend.hir.FunctionInfo;
import dev.roast.frontend.hir.Variable;
import dev.roast.frontend.types.ClassInfo;
import dev.roast.heap.BoundMethod;
import dev.roast.heap.Cell;
import dev.roast.heap.FunctionObj;
import dev.roast.heap.HandleScope;
import dev.roast.heap.Header;
import dev.roast.heap.Instance;
import dev.roast.heap.ObjectKind;
import dev.roast.heap.RootVisitor;
import dev.roast.heap.Roots;
import dev.roast.heap.Str;
import dev.roast.runtime.format.StrRepr;
import dev.roast.values.PackedValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The opcodes on classes and functions: instances, class constants, closures
 * and cells, function values and calls of them, bound methods, dynamic
 * attributes, and raising. Each returns the next pc.
 *
 * <p><b>Class objects</b> (a class used as a value: {@code C}, {@code ValueError}) are INSTANCE objects
 * with no fields whose class id is negative: {@code -1 - id} for the class whose table id is {@code id}
 * ({@link #isClassObject}, {@link #classOfObject}). There is one per class, allocated on first use and
 * kept alive as roots by this object, so a class object is compared by identity like any other.
 *
 * <p><b>Class constants</b> ({@code K: int = 3}) are stored per class by name in one root array;
 * a read looks from the receiver's class (or the constant's owner) up through the bases, so a
 * subclass's own {@code K} wins, as in Python.
 *
 * <p><b>Exceptions</b> keep str(message) in field slot 0 (None: no message). For KeyError and its
 * subclasses the slot holds repr of the argument, which is what str(e) shows in Python.
 */
final class ObjectOps implements Roots {
    private final Runtime rt;
    /** The running interpreter, remembered from {@link #execute} (there is one per runtime). */
    private Interpreter in;
    /** Class id → its class object as a POINTER word (0: not allocated yet). A GC root. */
    private final long[] classObjects;
    /** Per class id: constant name → index into {@link #constantWords}. */
    private final List<Map<String, Integer>> constantSlots = new ArrayList<>();
    /** Values of class constants (UNBOUND until set). A GC root. */
    private long[] constantWords = new long[16];
    private int constantCount;

    ObjectOps(Runtime rt) {
        this.rt = rt;
        int n = rt.classes.size();
        classObjects = new long[n];
        for (int i = 0; i < n; i++) constantSlots.add(null);
        rt.heap.addRoots(this);
    }

    @Override
    public void forEachRoot(RootVisitor v) {
        v.visitArray(classObjects, 0, classObjects.length);
        v.visitArray(constantWords, 0, constantCount);
    }

    int execute(Interpreter in, int id, BytecodeFunction f, long fp, long closure, int pc) {
        this.in = in;
        int[] code = f.code();
        Object[] pool = f.constants();
        switch (code[pc]) {
            case Op.MAKE_FUNCTION -> {
                var fn = (FunctionInfo) pool[code[pc + 2]];
                int n = code[pc + 3];
                long obj = FunctionObj.alloc(rt.heap, rt.program.idOf(fn), n);
                for (int i = 0; i < n; i++) FunctionObj.setCell(obj, i, Interpreter.slot(fp, code[pc + 4 + i]));
                Interpreter.setSlot(fp, code[pc + 1], PackedValue.ofPointer(obj));
                return pc + 4 + n;
            }
            case Op.NEW_CELL -> {
                long v = code[pc + 2] < 0 ? PackedValue.UNBOUND : Interpreter.slot(fp, code[pc + 2]);
                Interpreter.setSlot(fp, code[pc + 1], PackedValue.ofPointer(Cell.alloc(rt.heap, v)));
                return pc + 3;
            }
            case Op.LOAD_CELL -> {
                long v = Cell.get(PackedValue.asPointer(Interpreter.slot(fp, code[pc + 2])));
                if (v == PackedValue.UNBOUND) throw unboundCell(f, (String) pool[code[pc + 3]]);
                Interpreter.setSlot(fp, code[pc + 1], v);
                return pc + 4;
            }
            case Op.STORE_CELL -> {
                Cell.set(PackedValue.asPointer(Interpreter.slot(fp, code[pc + 1])), Interpreter.slot(fp, code[pc + 2]));
                return pc + 3;
            }
            case Op.LOAD_CAPTURE -> {
                Interpreter.setSlot(fp, code[pc + 1], FunctionObj.cell(PackedValue.asPointer(closure), code[pc + 2]));
                return pc + 3;
            }
            case Op.LOAD_CLASS -> {
                Interpreter.setSlot(fp, code[pc + 1], classObject((ClassInfo) pool[code[pc + 2]]));
                return pc + 3;
            }
            case Op.ALLOC -> {
                // Not inline in the dispatch loop: the allocator's fast path would take a large share of
                // C2's inlining budget for that method (docs/architecture.md, Interpreter, Dispatch).
                int plain = rt.program.allocClassId(id, code[pc + 2]);
                if (plain >= 0) {
                    Interpreter.setSlot(fp, code[pc + 1], PackedValue.ofPointer(Instance.alloc(rt.heap, plain, rt.program.fieldCount(plain))));
                    return pc + 3;
                }
                var cls = (ClassInfo) pool[code[pc + 2]];
                long obj = alloc(cls);
                Interpreter.setSlot(fp, code[pc + 1], obj);
                int next = pc + 3;
                // `E(args)` for an exception class with its own __init__ is ALLOC then CALL_DIRECT of that
                // __init__ with the new object first: Python's BaseException.__new__ records the arguments,
                // which str(e) shows unless __init__ calls super().__init__.
                if (cls.isException() && next < code.length && code[next] == Op.CALL_DIRECT && code[next + 3] >= 1
                        && code[next + 4] == code[pc + 1]) {
                    int argc = code[next + 3] - 1;
                    long[] args = new long[argc];
                    for (int i = 0; i < argc; i++) args[i] = Interpreter.slot(fp, code[next + 5 + i]);
                    recordArgs(obj, args);
                }
                return next;
            }
            case Op.NEW_EXCEPTION -> {
                var cls = (ClassInfo) pool[code[pc + 2]];
                long msg = code[pc + 3] < 0 ? PackedValue.UNBOUND : Interpreter.slot(fp, code[pc + 3]);
                Interpreter.setSlot(fp, code[pc + 1], newException(cls, msg));
                return pc + 4;
            }
            case Op.INIT_EXCEPTION -> {
                long self = Interpreter.slot(fp, code[pc + 1]);
                long msg = code[pc + 2] < 0 ? PackedValue.UNBOUND : Interpreter.slot(fp, code[pc + 2]);
                initException(self, msg);
                return pc + 3;
            }
            case Op.GET_CONSTANT -> {
                long recv = code[pc + 2] < 0 ? PackedValue.UNBOUND : Interpreter.slot(fp, code[pc + 2]);
                Interpreter.setSlot(fp, code[pc + 1], getConstant(recv, (ClassInfo.Constant) pool[code[pc + 3]]));
                return pc + 4;
            }
            case Op.SET_CONSTANT -> {
                long recv = code[pc + 1] < 0 ? PackedValue.UNBOUND : Interpreter.slot(fp, code[pc + 1]);
                setConstant(recv, (ClassInfo.Constant) pool[code[pc + 2]], Interpreter.slot(fp, code[pc + 3]));
                return pc + 4;
            }
            case Op.GET_ATTR -> {
                Interpreter.setSlot(fp, code[pc + 1], getAttr(Interpreter.slot(fp, code[pc + 2]), (String) pool[code[pc + 3]]));
                return pc + 4;
            }
            case Op.SET_ATTR -> {
                setAttr(Interpreter.slot(fp, code[pc + 1]), (String) pool[code[pc + 2]], Interpreter.slot(fp, code[pc + 3]));
                return pc + 4;
            }
            case Op.BIND_METHOD -> {
                Interpreter.setSlot(fp, code[pc + 1], bindMethod(Interpreter.slot(fp, code[pc + 2]), (ClassInfo.Method) pool[code[pc + 3]]));
                return pc + 4;
            }
            case Op.CALL_VALUE -> {
                int argc = code[pc + 3];
                long[] args = new long[argc];
                for (int i = 0; i < argc; i++) args[i] = Interpreter.slot(fp, code[pc + 4 + i]);
                Interpreter.setSlot(fp, code[pc + 1], callValue(in, Interpreter.slot(fp, code[pc + 2]), args));
                return pc + 4 + argc;
            }
            case Op.CALL_DYNAMIC -> {
                int argc = code[pc + 4];
                long[] args = new long[argc];
                for (int i = 0; i < argc; i++) args[i] = Interpreter.slot(fp, code[pc + 5 + i]);
                Interpreter.setSlot(fp, code[pc + 1], callDynamic(in, Interpreter.slot(fp, code[pc + 2]), (String) pool[code[pc + 3]], args));
                return pc + 5 + argc;
            }
            case Op.RAISE -> throw raise(Interpreter.slot(fp, code[pc + 1]));
            case Op.RAISE_ASSERTION -> {
                ClassInfo cls = rt.classes.builtin("AssertionError");
                throw raise(newException(cls, code[pc + 1] < 0 ? PackedValue.UNBOUND : Interpreter.slot(fp, code[pc + 1])));
            }
            default -> throw Runtime.notYet("the operation " + Opcode.of(code[pc]).name().toLowerCase());
        }
    }

    // ---- closures ----

    private RoastException unboundCell(BytecodeFunction f, String name) {
        for (Variable v : f.info().captured()) {
            if (v.name().equals(name)) {
                return rt.raise(new PyError("NameError",
                        "cannot access free variable '" + name + "' where it is not associated with a value in enclosing scope"));
            }
        }
        return rt.raise(new PyError("UnboundLocalError", "cannot access local variable '" + name + "' where it is not associated with a value"));
    }

    // ---- classes and instances ----

    /** The class object of {@code cls} (one per class, immortal). */
    long classObject(ClassInfo cls) {
        int id = rt.classes.idOf(cls);
        long w = classObjects[id];
        if (w == 0) {
            w = PackedValue.ofPointer(Instance.alloc(rt.heap, -1L - id, 0));
            classObjects[id] = w;
        }
        return w;
    }

    /** Whether the word is a class object (a class used as a value). */
    static boolean isClassObject(long w) {
        return PackedValue.isPointer(w) && Header.kind(PackedValue.asPointer(w)) == ObjectKind.INSTANCE
                && Instance.classId(PackedValue.asPointer(w)) < 0;
    }

    /** The class a class object stands for. */
    ClassInfo classOfObject(long w) {
        return rt.classes.get((int) (-1L - Instance.classId(PackedValue.asPointer(w))));
    }

    /** Whether the word is an instance of a class (user or exception), not a class object. */
    static boolean isInstanceObject(long w) {
        if (!PackedValue.isPointer(w)) return false;
        long a = PackedValue.asPointer(w);
        int kind = Header.kind(a);
        return kind == ObjectKind.EXCEPTION || kind == ObjectKind.INSTANCE && Instance.classId(a) >= 0;
    }

    /** The class of an instance (a word for which {@link #isInstanceObject} holds). */
    ClassInfo classOf(long w) {
        return rt.classes.get((int) Instance.classId(PackedValue.asPointer(w)));
    }

    /** A new instance with every field unassigned; exception instances start without a message. */
    private long alloc(ClassInfo cls) {
        int id = rt.classes.idOf(cls);
        if (cls.isException()) {
            long obj = Instance.allocException(rt.heap, id, cls.fieldCount());
            Instance.set(obj, 0, PackedValue.NONE);
            return PackedValue.ofPointer(obj);
        }
        return PackedValue.ofPointer(Instance.alloc(rt.heap, id, cls.fieldCount()));
    }

    /** An instance of an exception class with the built-in `__init__`; msg UNBOUND when absent. */
    private long newException(ClassInfo cls, long msg) {
        HandleScope hs = rt.heap.handles();
        int mark = hs.mark();
        try {
            boolean absent = msg == PackedValue.UNBOUND;
            int m = hs.push(absent ? PackedValue.NONE : msg);
            int e = hs.push(alloc(cls));
            initException(hs.get(e), absent ? PackedValue.UNBOUND : hs.get(m));
            return hs.get(e);
        } finally {
            hs.reset(mark);
        }
    }

    /** `Exception.__init__(self, [msg])`: records str(msg) (repr for KeyError) in slot 0. */
    private void initException(long self, long msg) {
        if (msg == PackedValue.UNBOUND) {
            Instance.set(PackedValue.asPointer(self), 0, PackedValue.NONE);
            return;
        }
        HandleScope hs = rt.heap.handles();
        int mark = hs.mark();
        try {
            int s = hs.push(self);
            boolean keyError = classOf(self).isSubclassOf(rt.classes.builtin("KeyError"));
            long text;
            if (!keyError && isStr(msg)) {
                text = msg;
            } else {
                String t = keyError ? reprOf(msg) : strOf(msg);
                text = PackedValue.ofPointer(Str.of(rt.heap, t));
            }
            Instance.set(PackedValue.asPointer(hs.get(s)), 0, text);
        } finally {
            hs.reset(mark);
        }
    }

    /**
     * What BaseException.__new__ does with the constructor's arguments: str(e) shows the one argument
     * (repr for KeyError), a tuple of several, or nothing. The arguments are also in the caller's frame.
     */
    private void recordArgs(long exception, long[] args) {
        if (args.length == 0) return;
        if (args.length == 1) {
            initException(exception, args[0]);
            return;
        }
        var sb = new StringBuilder("(");
        for (int i = 0; i < args.length; i++) sb.append(i > 0 ? ", " : "").append(reprOf(args[i]));
        HandleScope hs = rt.heap.handles();
        int mark = hs.mark();
        try {
            int e = hs.push(exception);
            long text = PackedValue.ofPointer(Str.of(rt.heap, sb.append(')').toString()));
            Instance.set(PackedValue.asPointer(hs.get(e)), 0, text);
        } finally {
            hs.reset(mark);
        }
    }

    /** Constructs an instance of {@code cls} as `cls(*args)` does. */
    long construct(Interpreter in, ClassInfo cls, long... args) {
        ClassInfo.Method init = cls.method("__init__");
        if (init == null) {
            if (args.length > 0) throw new PyError("TypeError", cls.name() + "() takes no arguments");
            return alloc(cls);
        }
        int body = rt.classes.methodId(init);
        if (body < 0) { // the built-in Exception.__init__
            if (args.length > 1) throw new PyError("TypeError", cls.name() + "() takes at most 1 argument (" + args.length + " given)");
            return newException(cls, args.length == 0 ? PackedValue.UNBOUND : args[0]);
        }
        HandleScope hs = rt.heap.handles();
        int mark = hs.mark();
        try {
            int obj = hs.push(alloc(cls));
            if (cls.isException()) recordArgs(hs.get(obj), args);
            long[] all = new long[args.length + 1];
            all[0] = hs.get(obj);
            System.arraycopy(args, 0, all, 1, args.length);
            callFunction(in, body, PackedValue.NONE, all);
            return hs.get(obj);
        } finally {
            hs.reset(mark);
        }
    }

    // ---- class constants ----

    private ClassInfo receiverClass(long recv) {
        if (isClassObject(recv)) return classOfObject(recv);
        if (isInstanceObject(recv)) return classOf(recv);
        return null;
    }

    private long getConstant(long recv, ClassInfo.Constant k) {
        ClassInfo start = recv == PackedValue.UNBOUND ? k.owner() : receiverClass(recv);
        if (start == null) {
            if (recv == PackedValue.NONE) throw new PyError("AttributeError", "'NoneType' object has no attribute '" + k.name() + "'");
            start = k.owner();
        }
        long v = lookupConstant(start, k.name());
        if (v == PackedValue.UNBOUND) {
            throw new PyError("AttributeError", "type object '" + start.name() + "' has no attribute '" + k.name() + "'");
        }
        return v;
    }

    /** The constant named {@code name} from {@code cls} up through its bases (UNBOUND: none set). */
    private long lookupConstant(ClassInfo cls, String name) {
        for (ClassInfo c = cls; c != null; c = c.base()) {
            Map<String, Integer> slots = constantSlots.get(rt.classes.idOf(c));
            if (slots == null) continue;
            Integer i = slots.get(name);
            if (i != null && constantWords[i] != PackedValue.UNBOUND) return constantWords[i];
        }
        return PackedValue.UNBOUND;
    }

    private void setConstant(long recv, ClassInfo.Constant k, long v) {
        ClassInfo cls = recv == PackedValue.UNBOUND ? k.owner() : receiverClass(recv);
        if (cls == null) {
            if (recv == PackedValue.NONE) throw new PyError("AttributeError", "'NoneType' object has no attribute '" + k.name() + "'");
            cls = k.owner();
        }
        storeConstant(cls, k.name(), v);
    }

    private void storeConstant(ClassInfo cls, String name, long v) {
        int id = rt.classes.idOf(cls);
        Map<String, Integer> slots = constantSlots.get(id);
        if (slots == null) constantSlots.set(id, slots = new HashMap<>());
        Integer i = slots.get(name);
        if (i == null) {
            if (constantCount == constantWords.length) constantWords = Arrays.copyOf(constantWords, constantCount * 2);
            i = constantCount++;
            constantWords[i] = PackedValue.UNBOUND;
            slots.put(name, i);
        }
        constantWords[i] = v;
    }

    // ---- dynamic attributes and methods ----

    private long getAttr(long obj, String name) {
        if (isInstanceObject(obj)) {
            ClassInfo cls = classOf(obj);
            ClassInfo.Field field = cls.field(name);
            if (field != null) {
                long v = Instance.get(PackedValue.asPointer(obj), field.slot());
                if (v != PackedValue.UNBOUND) return v;
                throw noAttribute(obj, name);
            }
            long k = lookupConstant(cls, name);
            if (k != PackedValue.UNBOUND) return k;
            ClassInfo.Method m = cls.method(name);
            if (m != null && rt.classes.methodId(m) >= 0) return bindMethod(obj, m);
            throw noAttribute(obj, name);
        }
        if (isClassObject(obj)) {
            ClassInfo cls = classOfObject(obj);
            long k = lookupConstant(cls, name);
            if (k != PackedValue.UNBOUND) return k;
            ClassInfo.Method m = cls.method(name);
            if (m != null && rt.classes.methodId(m) >= 0) {
                return PackedValue.ofPointer(FunctionObj.alloc(rt.heap, rt.classes.methodId(m), 0));
            }
            throw new PyError("AttributeError", "type object '" + cls.name() + "' has no attribute '" + name + "'");
        }
        throw noAttribute(obj, name);
    }

    private void setAttr(long obj, String name, long v) {
        if (isInstanceObject(obj)) {
            ClassInfo.Field field = classOf(obj).field(name);
            if (field != null && !field.name().startsWith("<")) {
                Instance.set(PackedValue.asPointer(obj), field.slot(), v);
                return;
            }
        } else if (isClassObject(obj)) {
            storeConstant(classOfObject(obj), name, v);
            return;
        }
        throw noAttribute(obj, name);
    }

    private PyError noAttribute(long obj, String name) {
        return new PyError("AttributeError", "'" + typeName(obj) + "' object has no attribute '" + name + "'");
    }

    /** `obj.m` as a value: a bound method (the override the receiver's class has), or the function of a static method. */
    private long bindMethod(long recv, ClassInfo.Method m) {
        if (m.isStatic()) return PackedValue.ofPointer(FunctionObj.alloc(rt.heap, rt.classes.methodId(m), 0));
        if (!isInstanceObject(recv)) throw noAttribute(recv, m.name());
        int target = rt.classes.vtableEntry((int) Instance.classId(PackedValue.asPointer(recv)), m.vtableSlot());
        if (target < 0) target = rt.classes.methodId(m);
        return PackedValue.ofPointer(BoundMethod.alloc(rt.heap, recv, target));
    }

    /** `recv.name(*args)` on a receiver whose type is known only at run time. */
    long callDynamic(Interpreter in, long recv, String name, long... args) {
        if (isInstanceObject(recv)) {
            ClassInfo cls = classOf(recv);
            ClassInfo.Field field = cls.field(name);
            if (field != null && !field.name().startsWith("<")) {
                long v = Instance.get(PackedValue.asPointer(recv), field.slot());
                if (v == PackedValue.UNBOUND) throw noAttribute(recv, name);
                return callValue(in, v, args);
            }
            ClassInfo.Method m = cls.method(name);
            int body = m == null ? -1 : rt.classes.methodId(m);
            if (body >= 0) {
                if (m.isStatic()) return callFunction(in, body, PackedValue.NONE, args);
                long[] all = new long[args.length + 1];
                all[0] = recv;
                System.arraycopy(args, 0, all, 1, args.length);
                return callFunction(in, body, PackedValue.NONE, all);
            }
            if (m != null && m.name().equals("__init__")) { // the built-in Exception.__init__
                initException(recv, args.length == 0 ? PackedValue.UNBOUND : args[0]);
                return PackedValue.NONE;
            }
            long k = lookupConstant(cls, name);
            if (k != PackedValue.UNBOUND) return callValue(in, k, args);
            throw noAttribute(recv, name);
        }
        if (isClassObject(recv)) {
            ClassInfo cls = classOfObject(recv);
            ClassInfo.Method m = cls.method(name);
            int body = m == null ? -1 : rt.classes.methodId(m);
            if (body >= 0) return callFunction(in, body, PackedValue.NONE, args);
            long k = lookupConstant(cls, name);
            if (k != PackedValue.UNBOUND) return callValue(in, k, args);
            throw new PyError("AttributeError", "type object '" + cls.name() + "' has no attribute '" + name + "'");
        }
        if (recv == PackedValue.NONE || !PackedValue.isPointer(recv)) throw noAttribute(recv, name);
        int kind = Header.kind(PackedValue.asPointer(recv));
        if (kind == ObjectKind.STR || kind == ObjectKind.LIST || kind == ObjectKind.DICT) {
            return builtinMethodDynamic(in, recv, name, args);
        }
        throw noAttribute(recv, name);
    }

    // ---- function values ----

    /** Calls a function value, bound method, class or builtin with these arguments (sort keys use this too). */
    long callValue(Interpreter in, long callee, long... args) {
        this.in = in;
        if (PackedValue.isPointer(callee)) {
            long a = PackedValue.asPointer(callee);
            switch (Header.kind(a)) {
                case ObjectKind.FUNCTION -> {
                    long fid = FunctionObj.functionId(a);
                    if (fid >= 0) return callFunction(in, (int) fid, callee, args);
                }
                case ObjectKind.BOUND_METHOD -> {
                    long[] all = new long[args.length + 1];
                    all[0] = BoundMethod.receiver(a);
                    System.arraycopy(args, 0, all, 1, args.length);
                    return callFunction(in, (int) BoundMethod.functionId(a), PackedValue.NONE, all);
                }
                case ObjectKind.INSTANCE -> {
                    if (isClassObject(callee)) return construct(in, classOfObject(callee), args);
                }
                default -> { }
            }
        }
        Builtin b = builtinRef(callee);
        if (b != null) return callBuiltinValue(in, callee, args);
        throw new PyError("TypeError", "'" + typeName(callee) + "' object is not callable");
    }

    /** Calls function {@code id} (closure: its FUNCTION word, or None), checking the argument count as Python does. */
    private long callFunction(Interpreter in, int id, long closure, long[] args) {
        FunctionInfo info = rt.program.function(id).info();
        int n = info.params().size();
        if (args.length != n) throw arity(info, args.length);
        return in.invoke(id, closure, args);
    }

    private static PyError arity(FunctionInfo info, int given) {
        String name = pyQualifiedName(info) + "()";
        List<Variable> params = info.params();
        int n = params.size();
        if (given > n) {
            return new PyError("TypeError", name + " takes " + n + " positional argument" + (n == 1 ? "" : "s") + " but " + given
                    + (given == 1 ? " was" : " were") + " given");
        }
        var missing = new ArrayList<String>();
        for (int i = given; i < n; i++) missing.add("'" + params.get(i).name() + "'");
        String list;
        if (missing.size() == 1) list = missing.get(0);
        else if (missing.size() == 2) list = missing.get(0) + " and " + missing.get(1);
        else list = String.join(", ", missing.subList(0, missing.size() - 1)) + ", and " + missing.getLast();
        return new PyError("TypeError", name + " missing " + missing.size() + " required positional argument" + (missing.size() == 1 ? "" : "s")
                + ": " + list);
    }

    /** CPython's __qualname__: `C.m`, `outer.<locals>.inner`, `<lambda>`. */
    static String pyQualifiedName(FunctionInfo f) {
        String own = f.kind() == FunctionInfo.Kind.LAMBDA ? "<lambda>" : f.name();
        return switch (f.kind()) {
            case METHOD, STATIC_METHOD -> f.ownerClass().name() + "." + own;
            case MODULE -> own;
            default -> f.enclosing() == null || f.enclosing().kind() == FunctionInfo.Kind.MODULE
                    ? own : pyQualifiedName(f.enclosing()) + ".<locals>." + own;
        };
    }

    // ---- raising ----

    /** `raise v`: an exception instance, or an exception class (instantiated with no arguments). */
    RoastException raise(long v) {
        if (isClassObject(v) && classOfObject(v).isException()) v = construct(in, classOfObject(v));
        if (isInstanceObject(v) && Instance.isException(PackedValue.asPointer(v))) {
            HandleScope hs = rt.heap.handles();
            int mark = hs.mark();
            try {
                hs.push(v); // a user __str__ may allocate, and a new instance is in no frame
                return new RoastException(v, classOf(v).name(), text(v, false));
            } finally {
                hs.reset(mark);
            }
        }
        return rt.raise(new PyError("TypeError", "exceptions must derive from BaseException"));
    }

    // ---- isinstance ----

    /** `isinstance(value, cls)` where cls is a class object or a builtin type (int, float, bool, str, list, dict). */
    boolean isInstance(long value, long classOrBuiltinRef) {
        if (isClassObject(classOrBuiltinRef)) return isInstanceObject(value) && classOf(value).isSubclassOf(classOfObject(classOrBuiltinRef));
        Builtin b = builtinRef(classOrBuiltinRef);
        if (b == null) throw new PyError("TypeError", "isinstance() arg 2 must be a type, a tuple of types, or a union");
        return isInstance(value, b);
    }

    /** `isinstance(value, T)` for a builtin type T. Roast: bool is not an int. */
    boolean isInstance(long value, Builtin type) {
        int kind = PackedValue.isPointer(value) ? Header.kind(PackedValue.asPointer(value)) : -1;
        return switch (type) {
            case INT -> PackedValue.isInt(value) || kind == ObjectKind.BOXED_INT;
            case FLOAT -> PackedValue.isDouble(value);
            case BOOL -> value == PackedValue.TRUE || value == PackedValue.FALSE;
            case STR -> kind == ObjectKind.STR;
            case LIST -> kind == ObjectKind.LIST;
            case DICT -> kind == ObjectKind.DICT;
            default -> false;
        };
    }

    /** For CHECK_TYPE: whether the value is an instance of {@code cls} or a subclass. */
    boolean isInstanceOf(long value, ClassInfo cls) {
        return isInstanceObject(value) && classOf(value).isSubclassOf(cls);
    }

    // ---- text ----

    /**
     * str() or repr() of an INSTANCE or EXCEPTION object (class objects too): user `__str__`/`__repr__`,
     * else an exception's message, else `<ClassName object>` (spec §13 item 5).
     */
    String text(long obj, boolean repr) {
        if (isClassObject(obj)) {
            ClassInfo c = classOfObject(obj);
            return c.isBuiltin() ? "<class '" + c.name() + "'>" : "<class '__main__." + c.name() + "'>";
        }
        ClassInfo cls = classOf(obj);
        boolean exception = Instance.isException(PackedValue.asPointer(obj));
        ClassInfo.Method m = cls.method(repr ? "__repr__" : "__str__");
        if (m == null && !repr && !exception) m = cls.method("__repr__");
        if (m != null && !m.isStatic() && rt.classes.methodId(m) >= 0) {
            String which = m.name();
            long r = callFunction(in, rt.classes.methodId(m), PackedValue.NONE, new long[] {obj});
            if (!isStr(r)) throw new PyError("TypeError", which + " returned non-string (type " + typeName(r) + ")");
            return Str.toJavaString(PackedValue.asPointer(r));
        }
        if (exception) {
            long msg = Instance.get(PackedValue.asPointer(obj), 0);
            String s = msg == PackedValue.NONE || msg == PackedValue.UNBOUND ? null : strOf(msg);
            if (!repr) return s == null ? "" : s;
            if (s == null) return cls.name() + "()";
            boolean keyError = cls.isSubclassOf(rt.classes.builtin("KeyError"));
            return cls.name() + "(" + (keyError ? s : StrRepr.repr(s)) + ")";
        }
        return "<" + cls.name() + " object>";
    }

    /** The class name of the INSTANCE/EXCEPTION object at {@code address} ("type" for a class object). */
    String className(long address) {
        long id = Instance.classId(address);
        return id < 0 ? "type" : rt.classes.get((int) id).name();
    }

    /** `a == b` where at least one is an instance or class object: identity (`__eq__` is [full]). */
    boolean instanceEquals(long a, long b) {
        return a == b;
    }

    /** repr() of a FUNCTION or BOUND_METHOD word (builtin refs included); Python's address is left out. */
    String functionText(long word) {
        long a = PackedValue.asPointer(word);
        if (Header.kind(a) == ObjectKind.BOUND_METHOD) {
            FunctionInfo f = rt.program.function((int) BoundMethod.functionId(a)).info();
            return "<bound method " + pyQualifiedName(f) + " of " + reprOf(BoundMethod.receiver(a)) + ">";
        }
        Builtin b = builtinRef(word);
        if (b != null) return "<built-in function " + b.pyName + ">";
        return "<function " + pyQualifiedName(rt.program.function((int) FunctionObj.functionId(a)).info()) + ">";
    }

    /** The message an exception object shows (str(e)); null when it has none. */
    String message(long exception) {
        String s = text(exception, false);
        return s.isEmpty() ? null : s;
    }

    private static boolean isStr(long w) {
        return PackedValue.isPointer(w) && Header.kind(PackedValue.asPointer(w)) == ObjectKind.STR;
    }

    private String strOf(long v) {
        if (isInstanceObject(v) || isClassObject(v)) return text(v, false);
        return Repr.str(v);
    }

    private String reprOf(long v) {
        if (isInstanceObject(v) || isClassObject(v)) return text(v, true);
        return Repr.repr(v);
    }

    /** Python's type name of a value, for error messages (one implementation: Kinds). */
    String typeName(long v) {
        return dev.roast.interpreter.values.Kinds.typeName(rt.values, v);
    }

    /** The type name of an INSTANCE or EXCEPTION object: its class's, or "type" for a class object. */
    String instanceTypeName(long address) {
        long v = PackedValue.ofPointer(address);
        return isClassObject(v) ? "type" : classOf(v).name();
    }

    // ---- the bridge to ValueOps (builtins as values, built-in methods on `any` receivers) ----

    /** The builtin a LOAD_BUILTIN word stands for, or null. */
    private static Builtin builtinRef(long word) {
        return dev.roast.interpreter.values.BuiltinRefs.builtinOf(word);
    }

    private long callBuiltinValue(Interpreter in, long ref, long... args) {
        return rt.values.callBuiltinValue(in, ref, args);
    }

    private long builtinMethodDynamic(Interpreter in, long recv, String name, long... args) {
        return rt.values.callMethodDynamic(in, recv, name, args);
    }
}
