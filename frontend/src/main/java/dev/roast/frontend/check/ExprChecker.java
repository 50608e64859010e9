package dev.roast.frontend.check;

import dev.roast.frontend.ast.BinaryOp;
import dev.roast.frontend.ast.CompareOp;
import dev.roast.frontend.ast.Expr;
import dev.roast.frontend.ast.UnaryOp;
import dev.roast.frontend.diag.Diagnostics;
import dev.roast.frontend.diag.ErrorCode;
import dev.roast.frontend.hir.Binding;
import dev.roast.frontend.hir.Builtin;
import dev.roast.frontend.hir.BuiltinMethod;
import dev.roast.frontend.hir.FunctionInfo;
import dev.roast.frontend.hir.HExpr;
import dev.roast.frontend.hir.HStmt;
import dev.roast.frontend.hir.Variable;
import dev.roast.frontend.source.Span;
import dev.roast.frontend.types.ClassInfo;
import dev.roast.frontend.types.Type;
import dev.roast.frontend.types.TypeRules;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Type-checks expressions of one function body (or the module) and builds
 * their HIR. {@link #check} checks against an expected type and inserts the
 * implicit conversions; {@link #infer} synthesises a type.
 */
final class ExprChecker {
    final CheckState state;
    final Scope scope;
    final Diagnostics diags;
    final CallChecker calls;

    ExprChecker(CheckState state, Scope scope) {
        this.state = state;
        this.scope = scope;
        this.diags = state.diags;
        this.calls = new CallChecker(this);
    }

    // ---- entry points ----

    /** Checks {@code e} where a value of type {@code expected} is needed; {@code what} names that place in messages. */
    HExpr check(Expr e, Type expected, String what) {
        return coerce(synth(e, expected), expected, e.span(), what, null);
    }

    /** As {@link #check(Expr, Type, String)}, with a description built only if there is an error. */
    HExpr check(Expr e, Type expected, Supplier<String> what) {
        return coerce(synth(e, expected), expected, e.span(), null, what);
    }

    HExpr infer(Expr e) {
        return synth(e, null);
    }

    /** The type {@code e} would have, found without reporting errors or recording anything. */
    Type speculate(Expr e) {
        state.beginSpeculation();
        try {
            return infer(e).type();
        } finally {
            state.endSpeculation();
        }
    }

    /** Converts {@code h} to {@code to} where the rules allow it implicitly; reports E0308 otherwise. */
    HExpr coerce(HExpr h, Type to, Span at, String what) {
        return coerce(h, to, at, what, null);
    }

    private HExpr coerce(HExpr h, Type to, Span at, String what, Supplier<String> describe) {
        Type from = h.type();
        if (to == null || to == Type.ANY || from.equals(to) && from != Type.ANY) return h;
        if (from == Type.ANY) return new HExpr.Coerce(h, to, h.span());
        if (from == Type.INT && to == Type.FLOAT) return new HExpr.Coerce(h, Type.FLOAT, h.span());
        if (TypeRules.isSubtype(from, to)) return h;
        mismatch(at, describe != null ? describe.get() : what, from, to);
        return h;
    }

    void mismatch(Span at, String what, Type found, Type expected) {
        var d = diags.error(ErrorCode.MISMATCHED_TYPES, at,
                "expected '" + expected + "'" + (what == null ? "" : " for " + what) + ", found '" + found + "'");
        if (found == Type.NONE && !expected.isReference()) {
            diags.amendLast(d.withNote("'" + expected + "' values can never be None"));
        } else if (found == Type.BOOL && expected == Type.INT) {
            diags.amendLast(d.withNote("'bool' is not an 'int' in Roast; use int(...) to convert"));
        } else if (found instanceof Type.ListOf && expected instanceof Type.ListOf) {
            diags.amendLast(d.withNote("list element types must match exactly (lists are mutable)"));
        }
    }

    static HExpr poison(Span span) {
        return new HExpr.Load("<error>", new Binding.Builtin("<error>"), Type.ANY, span);
    }

    HExpr notYet(Span at, String what) {
        diags.error(ErrorCode.NOT_SUPPORTED_YET, at, what + " " + (what.endsWith("s") ? "are" : "is") + " not supported yet");
        return poison(at);
    }

    HExpr unsupported(Span at, String what) {
        diags.error(ErrorCode.NOT_SUPPORTED, at, what + " " + (what.endsWith("s") ? "are" : "is") + " not supported in Roast");
        return poison(at);
    }

    // ---- the forms ----

    HExpr synth(Expr e, Type hint) {
        return switch (e) {
            case Expr.IntLit i -> new HExpr.IntConst(i.value(), i.span());
            case Expr.FloatLit f -> new HExpr.FloatConst(f.value(), f.span());
            case Expr.StrLit s -> new HExpr.StrConst(s.value(), s.span());
            case Expr.BoolLit b -> new HExpr.BoolConst(b.value(), b.span());
            case Expr.NoneLit n -> new HExpr.NoneConst(n.span());
            case Expr.FString f -> fstring(f);
            case Expr.Name n -> load(n);
            case Expr.Binary b -> binary(b);
            case Expr.Unary u -> unary(u);
            case Expr.Compare c -> compare(c);
            case Expr.Logical l -> logical(l, hint);
            case Expr.Conditional c -> conditional(c, hint);
            case Expr.Lambda l -> lambda(l, hint);
            case Expr.Call c -> calls.call(c, hint);
            case Expr.Attribute a -> attribute(a);
            case Expr.Index i -> index(i);
            case Expr.ListLit l -> list(l, hint);
            case Expr.DictLit d -> dict(d, hint);
            case Expr.TupleLit t -> notYet(t.span(), "tuples");
            case Expr.SetLit s -> notYet(s.span(), "sets");
            case Expr.Comprehension c -> notYet(c.span(), switch (c.kind()) {
                case LIST -> "list comprehensions";
                case SET -> "set comprehensions";
                case DICT -> "dict comprehensions";
                case GENERATOR -> "generator expressions";
            });
            case Expr.Slice s -> notYet(s.span(), "slices");
            case Expr.Starred s -> notYet(s.span(), "unpacking with '*'");
            case Expr.Yield y -> unsupported(y.span(), "generators ('yield')");
            case Expr.Await a -> unsupported(a.span(), "'await'");
            case Expr.NamedExpr n -> notYet(n.span(), "assignment expressions (':=')");
            case Expr.Ellipsis el -> notYet(el.span(), "'...' as a value");
        };
    }

    private HExpr fstring(Expr.FString f) {
        var parts = new ArrayList<HExpr.FPart>();
        for (Expr.FPart p : f.parts()) {
            switch (p) {
                case Expr.FText t -> parts.add(new HExpr.FText(t.text()));
                case Expr.FField field -> parts.add(new HExpr.FField(infer(field.expr()), field.conversion(),
                        field.spec() == null ? null : fstring(field.spec())));
            }
        }
        return new HExpr.FString(List.copyOf(parts), f.span());
    }

    // ---- names ----

    HExpr load(Expr.Name n) {
        Binding b = resolve(n.id());
        if (b == null) return undefined(n);
        return switch (b) {
            case Binding.Local(Variable v) -> new HExpr.Load(n.id(), b, typeOf(v), n.span());
            case Binding.Free(Variable v, int i) -> new HExpr.Load(n.id(), b, typeOf(v), n.span());
            case Binding.Global(Variable v) -> new HExpr.Load(n.id(), b, typeOf(v), n.span());
            case Binding.Builtin(String name) -> builtinValue(name, n);
            case Binding.Module(String name) -> notYet(n.span(), "modules as values");
        };
    }

    HExpr undefined(Expr.Name n) {
        String name = n.id();
        if (Builtins.NEVER.contains(name)) return unsupported(n.span(), "'" + name + "'");
        if (Builtins.NOT_YET.contains(name)) return notYet(n.span(), "the builtin '" + name + "'");
        if (name.equals("super")) {
            diags.error(ErrorCode.BAD_SUPER, n.span(), "super is only allowed as super().method(...) inside a method");
            return poison(n.span());
        }
        var d = diags.error(ErrorCode.UNDEFINED_NAME, n.span(), "undefined name '" + name + "'");
        if (name.equals("true") || name.equals("false") || name.equals("null") || name.equals("none")) {
            diags.amendLast(d.withHelp("Roast writes it as 'True', 'False' or 'None'"));
        } else {
            String near = Suggestions.closest(name, visibleNames());
            if (near != null) diags.amendLast(d.withHelp("did you mean '" + near + "'?"));
        }
        return poison(n.span());
    }

    /** Every name this scope can see, for suggestions (only computed when reporting an error). */
    private List<String> visibleNames() {
        var names = new ArrayList<String>();
        for (Scope s = scope; s != null; s = s.parent) {
            names.addAll(s.variables.keySet());
            names.addAll(s.modules);
        }
        for (Builtin b : Builtin.values()) if (b.module == null && b.core) names.add(b.pyName);
        names.addAll(state.builtinClasses.keySet());
        return names;
    }

    private HExpr builtinValue(String name, Expr.Name n) {
        ClassInfo cls = state.builtinClasses.get(name);
        if (cls != null) return new HExpr.Load(name, new Binding.Builtin(name), new Type.ClassObject(cls), n.span());
        Builtin b = Builtin.named(name);
        if (b == null) return undefined(n);
        if (!b.core) return notYet(n.span(), "the builtin '" + name + "'");
        Type.Function t = Builtins.asValue(b);
        if (t == null) return notYet(n.span(), "'" + name + "' as a value");
        return new HExpr.BuiltinRef(b, t, n.span());
    }

    /** The static type of a variable, inferring it ahead from its first assignment if that is not checked yet. */
    Type typeOf(Variable v) {
        if (v.definedFunction() != null) return v.definedFunction().type();
        if (v.definedClass() != null) return new Type.ClassObject(v.definedClass());
        if (v.type() == null) inferAhead(v);
        return v.type() == null ? Type.ANY : v.type();
    }

    private void inferAhead(Variable v) {
        Scope owner = v.kind() == Variable.Kind.GLOBAL ? state.moduleScope : state.scopes.get(v.owner());
        if (owner == null || !state.inferring.add(v)) return;
        try {
            var checker = new ExprChecker(state, owner);
            Expr value = owner.firstValue.get(v);
            Expr iterable = owner.firstIterable.get(v);
            Type t = null;
            if (owner.rangeLoopVariables.contains(v)) {
                t = Type.INT;
            } else if (value != null) {
                t = checker.speculate(value);
            } else if (iterable != null) {
                t = TypeRules.elementOf(checker.speculate(iterable));
            }
            if (t != null && v.type() == null) v.setType(t);
        } finally {
            state.inferring.remove(v);
        }
    }

    /** Resolves a name by Python's rules: local, enclosing functions, module, builtins; null if undefined. */
    Binding resolve(String name) {
        Scope s = scope;
        Variable v = s.variables.get(name);
        if (v != null) return s.isModule() ? new Binding.Global(v) : new Binding.Local(v);
        if (!s.isModule() && s.globalDecls.containsKey(name)) return moduleBinding(name);
        if (s.modules.contains(name)) return new Binding.Module(name);
        for (Scope p = s.parent; p != null && !p.isModule(); p = p.parent) {
            if (p.globalDecls.containsKey(name)) return moduleBinding(name);
            Variable pv = p.variables.get(name);
            if (pv != null) return capture(pv);
            if (p.modules.contains(name)) return new Binding.Module(name);
        }
        Binding m = moduleBinding(name);
        if (m != null) return m;
        if (Builtin.named(name) != null || state.builtinClasses.containsKey(name)) return new Binding.Builtin(name);
        return null;
    }

    private Binding moduleBinding(String name) {
        Scope m = state.moduleScope;
        Variable v = m.variables.get(name);
        if (v != null) return new Binding.Global(v);
        if (m.modules.contains(name)) return new Binding.Module(name);
        return null;
    }

    /** A variable of an enclosing function: it moves to a cell, and every function in between passes it on. */
    private Binding capture(Variable v) {
        v.markCell();
        for (Scope c = scope; c != null && c.function != v.owner(); c = c.parent) c.function.captureIndex(v);
        return new Binding.Free(v, scope.function.captureIndex(v));
    }

    // ---- operators ----

    private HExpr binary(Expr.Binary b) {
        HExpr l = infer(b.left());
        HExpr r = infer(b.right());
        Type lt = l.type(), rt = r.type();
        BinaryOp op = b.op();
        if (lt == Type.ANY || rt == Type.ANY) {
            if (op == BinaryOp.MATMUL) return unsupported(b.span(), "the '@' operator");
            return new HExpr.Binary(op, l, r, Type.ANY, b.span());
        }
        Type result = Operators.binaryResult(op, lt, rt, b.right());
        if (result == null) {
            if (op == BinaryOp.MOD && lt == Type.STR) return notYet(b.span(), "printf-style formatting ('%' on str)");
            diags.error(ErrorCode.MISMATCHED_TYPES, b.span(), Operators.binaryMessage(op, lt, rt));
            return poison(b.span());
        }
        // Mixed int/float arithmetic converts the int side (not for int / int, which divides exactly).
        if (result == Type.FLOAT && (lt == Type.INT || rt == Type.INT) && !(lt == Type.INT && rt == Type.INT && op == BinaryOp.DIV)) {
            l = coerce(l, Type.FLOAT, b.left().span(), null);
            r = coerce(r, Type.FLOAT, b.right().span(), null);
        }
        return new HExpr.Binary(op, l, r, result, b.span());
    }

    private HExpr unary(Expr.Unary u) {
        HExpr v = infer(u.operand());
        Type t = v.type();
        Type result = switch (u.op()) {
            case NOT -> Type.BOOL;
            case NEG, POS -> t == Type.INT || t == Type.FLOAT || t == Type.ANY ? t : null;
            case INVERT -> t == Type.INT || t == Type.ANY ? t : null;
        };
        if (result == null) {
            diags.error(ErrorCode.MISMATCHED_TYPES, u.span(), "bad operand type for unary " + u.op().symbol + ": '" + t + "'");
            return poison(u.span());
        }
        return new HExpr.Unary(u.op(), v, result, u.span());
    }

    private HExpr compare(Expr.Compare c) {
        HExpr left = infer(c.left());
        HExpr prev = left;
        Expr prevAst = c.left();
        var rights = new ArrayList<HExpr>();
        for (int i = 0; i < c.ops().size(); i++) {
            CompareOp op = c.ops().get(i);
            Expr rAst = c.rights().get(i);
            HExpr r = infer(rAst);
            Span pair = prevAst.span().to(rAst.span());
            switch (op) {
                case LT, LE, GT, GE -> {
                    if (!TypeRules.orderable(prev.type(), r.type())) {
                        diags.error(ErrorCode.MISMATCHED_TYPES, pair, "'" + op.symbol + "' is not supported between '"
                                + prev.type() + "' and '" + r.type() + "'");
                    }
                }
                case IN, NOT_IN -> containment(prev, r, rAst, pair);
                default -> {}
            }
            rights.add(r);
            prev = r;
            prevAst = rAst;
        }
        return new HExpr.Compare(left, List.copyOf(c.ops()), List.copyOf(rights), c.span());
    }

    private void containment(HExpr item, HExpr container, Expr containerAst, Span pair) {
        Type ct = container.type();
        if (ct == Type.STR) {
            if (item.type() != Type.STR && item.type() != Type.ANY) {
                diags.error(ErrorCode.MISMATCHED_TYPES, pair, "'in <str>' requires a str on the left, found '" + item.type() + "'");
            }
        } else if (TypeRules.elementOf(ct) == null) {
            diags.error(ErrorCode.NOT_ITERABLE, containerAst.span(), "'" + ct + "' is not a container ('in' needs a str, list, dict or range)");
        }
    }

    private HExpr logical(Expr.Logical l, Type hint) {
        HExpr a = synth(l.left(), hint);
        HExpr b = synth(l.right(), hint);
        return new HExpr.Logical(l.isAnd(), a, b, TypeRules.join(a.type(), b.type()), l.span());
    }

    private HExpr conditional(Expr.Conditional c, Type hint) {
        HExpr test = infer(c.test());
        HExpr a = synth(c.then(), hint);
        HExpr b = synth(c.orElse(), hint);
        return new HExpr.Conditional(test, a, b, TypeRules.join(a.type(), b.type()), c.span());
    }

    private HExpr lambda(Expr.Lambda l, Type hint) {
        Type.Function expected = hint instanceof Type.Function f && f.params().size() == l.params().size() ? f : null;
        var fn = new FunctionInfo("<lambda>", FunctionInfo.Kind.LAMBDA, scope.function, null, l.span());
        var inner = new Scope(fn, scope, scope.ownerClass);
        ScopeBuilder.addParams(inner, l.params());
        for (int i = 0; i < l.params().size(); i++) {
            Expr.Param p = l.params().get(i);
            if (p.defaultValue() != null) notYet(p.span(), "default parameter values");
            if (p.kind() == Expr.ParamKind.VARARGS || p.kind() == Expr.ParamKind.KWARGS) unsupported(p.span(), "'*args' and '**kwargs' parameters");
            fn.params().get(i).setType(expected != null ? expected.params().get(i) : Type.ANY); // no duplicates: E0012
        }
        ScopeBuilder.buildLambda(inner, l.body());
        state.addFunction(fn, inner);
        var body = new ExprChecker(state, inner);
        Type resultHint = expected != null ? expected.result() : null;
        HExpr value = body.synth(l.body(), resultHint);
        Type result = expected != null && expected.result() != Type.ANY && TypeRules.isAssignable(value.type(), expected.result())
                ? expected.result() : value.type();
        value = body.coerce(value, result, l.body().span(), "the lambda's result");
        fn.setResult(result, false);
        fn.setBody(List.of(new HStmt.Return(value, l.body().span())));
        ScopeBuilder.finishFrame(fn);
        return new HExpr.Lambda(fn, l.span());
    }

    // ---- attributes and indexing ----

    private HExpr attribute(Expr.Attribute a) {
        if (a.object() instanceof Expr.Name m && resolve(m.id()) instanceof Binding.Module mod) {
            return moduleMember(mod.name(), a);
        }
        return member(infer(a.object()), a);
    }

    /** `module.name` not called: one of the module's values, or one of its functions as a value. */
    HExpr moduleMember(String module, Expr.Attribute a) {
        String name = a.name();
        Type value = Builtins.moduleValue(module, name);
        if (value != null) return new HExpr.ModuleConstant(module, name, value, a.span());
        if (module.equals("sys") && Builtins.SYS_NOT_YET.contains(name)) return notYet(a.span(), "'sys." + name + "'");
        Builtin b = Builtin.inModule(module, name);
        if (b == null) {
            diags.error(ErrorCode.NO_ATTRIBUTE, a.nameSpan(), "module '" + module + "' has no attribute '" + name + "'");
            return poison(a.span());
        }
        Type.Function t = Builtins.asValue(b);
        if (t == null) return notYet(a.span(), "'" + b.displayName() + "' as a value");
        return new HExpr.BuiltinRef(b, t, a.span());
    }

    /** `obj.name` where {@code obj} is already checked. */
    HExpr member(HExpr obj, Expr.Attribute a) {
        String name = a.name();
        switch (obj.type()) {
            case Type.Instance(ClassInfo c) -> {
                ClassInfo.Field f = c.field(name);
                if (f != null) return f.type() == null ? poison(a.span()) : new HExpr.GetField(obj, f, a.span());
                ClassInfo.Constant k = c.constant(name);
                if (k != null) return new HExpr.GetConstant(obj, k, a.span());
                ClassInfo.Method m = c.method(name);
                if (m != null) {
                    if (m.isStatic()) return notYet(a.span(), "static methods as values");
                    return new HExpr.BoundMethod(obj, m, a.span());
                }
            }
            case Type.ClassObject(ClassInfo c) -> {
                ClassInfo.Constant k = c.constant(name);
                if (k != null) return new HExpr.GetConstant(null, k, a.span());
                if (c.method(name) != null) return notYet(a.span(), "methods read from a class as values");
            }
            case Type.Prim p when p == Type.ANY -> {
                return new HExpr.GetAttrDynamic(obj, name, a.span());
            }
            default -> {}
        }
        return noAttribute(obj.type(), a);
    }

    HExpr noAttribute(Type t, Expr.Attribute a) {
        String what = t == Type.NONE ? "'None'" : "type '" + t + "'";
        var d = diags.error(ErrorCode.NO_ATTRIBUTE, a.nameSpan(), what + " has no attribute '" + a.name() + "'");
        String near = Suggestions.closest(a.name(), attributeNames(t));
        if (near != null) diags.amendLast(d.withHelp("did you mean '" + near + "'?"));
        return poison(a.span());
    }

    private static List<String> attributeNames(Type t) {
        var names = new ArrayList<String>();
        ClassInfo cls = t instanceof Type.Instance(ClassInfo c) ? c : t instanceof Type.ClassObject(ClassInfo c) ? c : null;
        for (ClassInfo k = cls; k != null; k = k.base()) {
            names.addAll(k.ownFields().keySet());
            names.addAll(k.ownMethods().keySet());
            names.addAll(k.ownConstants().keySet());
        }
        BuiltinMethod.Receiver receiver = t == Type.STR ? BuiltinMethod.Receiver.STR
                : t instanceof Type.ListOf ? BuiltinMethod.Receiver.LIST : t instanceof Type.DictOf ? BuiltinMethod.Receiver.DICT : null;
        for (BuiltinMethod m : BuiltinMethod.values()) if (m.receiver == receiver && m.core) names.add(m.pyName);
        return names;
    }

    private HExpr index(Expr.Index i) {
        if (i.index() instanceof Expr.Slice s) return notYet(s.span(), "slices");
        HExpr obj = infer(i.object());
        return switch (obj.type()) {
            case Type.ListOf(Type e) -> new HExpr.Index(obj, check(i.index(), Type.INT, "a list index"), e, i.span());
            case Type.DictOf(Type k, Type v) -> new HExpr.Index(obj, check(i.index(), k, () -> "a key of '" + obj.type() + "'"), v, i.span());
            case Type.View(Type.ViewKind kind, Type e) when kind == Type.ViewKind.RANGE ->
                    new HExpr.Index(obj, check(i.index(), Type.INT, "a range index"), Type.INT, i.span());
            case Type.Prim p when p == Type.STR -> new HExpr.Index(obj, check(i.index(), Type.INT, "a string index"), Type.STR, i.span());
            case Type.Prim p when p == Type.ANY -> new HExpr.Index(obj, infer(i.index()), Type.ANY, i.span());
            default -> {
                diags.error(ErrorCode.NOT_INDEXABLE, i.span(), "'" + obj.type() + "' cannot be indexed");
                yield poison(i.span());
            }
        };
    }

    // ---- displays ----

    private HExpr list(Expr.ListLit l, Type hint) {
        var elems = new ArrayList<HExpr>();
        if (hint instanceof Type.ListOf(Type e)) {
            for (Expr x : l.elements()) elems.add(check(x, e, () -> "an element of '" + hint + "'"));
            return new HExpr.ListDisplay(List.copyOf(elems), hint, l.span());
        }
        Type joined = null;
        for (Expr x : l.elements()) {
            HExpr h = infer(x);
            elems.add(h);
            joined = joined == null ? h.type() : TypeRules.join(joined, h.type());
        }
        return new HExpr.ListDisplay(List.copyOf(elems), new Type.ListOf(joined == null || joined == Type.NONE ? Type.ANY : joined), l.span());
    }

    private HExpr dict(Expr.DictLit d, Type hint) {
        var keys = new ArrayList<HExpr>();
        var values = new ArrayList<HExpr>();
        for (int i = 0; i < d.keys().size(); i++) {
            if (d.keys().get(i) == null) return notYet(d.values().get(i).span(), "'**' in dict displays");
        }
        if (hint instanceof Type.DictOf(Type k, Type v)) {
            for (int i = 0; i < d.keys().size(); i++) {
                keys.add(check(d.keys().get(i), k, () -> "a key of '" + hint + "'"));
                values.add(check(d.values().get(i), v, () -> "a value of '" + hint + "'"));
            }
            return new HExpr.DictDisplay(List.copyOf(keys), List.copyOf(values), hint, d.span());
        }
        Type kj = null, vj = null;
        for (int i = 0; i < d.keys().size(); i++) {
            HExpr k = infer(d.keys().get(i));
            HExpr v = infer(d.values().get(i));
            keys.add(k);
            values.add(v);
            kj = kj == null ? k.type() : TypeRules.join(kj, k.type());
            vj = vj == null ? v.type() : TypeRules.join(vj, v.type());
        }
        for (int i = 0; i < keys.size(); i++) Operators.checkKeyType(this, keys.get(i).type(), d.keys().get(i).span());
        Type t = new Type.DictOf(kj == null || kj == Type.NONE ? Type.ANY : kj, vj == null || vj == Type.NONE ? Type.ANY : vj);
        return new HExpr.DictDisplay(List.copyOf(keys), List.copyOf(values), t, d.span());
    }
}
