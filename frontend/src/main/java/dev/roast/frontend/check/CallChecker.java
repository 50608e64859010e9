package dev.roast.frontend.check;

import dev.roast.frontend.ast.Expr;
import dev.roast.frontend.diag.ErrorCode;
import dev.roast.frontend.hir.Binding;
import dev.roast.frontend.hir.Builtin;
import dev.roast.frontend.hir.BuiltinMethod;
import dev.roast.frontend.hir.FunctionInfo;
import dev.roast.frontend.hir.HExpr;
import dev.roast.frontend.hir.Variable;
import dev.roast.frontend.types.ClassInfo;
import dev.roast.frontend.types.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Type-checks calls: of module-level functions (direct), function values,
 * methods (virtual), constructors, `super()` methods, and hands builtins to
 * {@link BuiltinCallChecker}.
 */
final class CallChecker {
    private final ExprChecker ex;
    private final BuiltinCallChecker builtins;

    CallChecker(ExprChecker ex) {
        this.ex = ex;
        this.builtins = new BuiltinCallChecker(ex);
    }

    HExpr call(Expr.Call c, Type hint) {
        switch (c.callee()) {
            case Expr.Name n -> {
                return callName(n, c, hint);
            }
            case Expr.Attribute a -> {
                if (isSuperCall(a.object())) return superCall(a, c);
                if (a.object() instanceof Expr.Name m && ex.resolve(m.id()) instanceof Binding.Module mod) {
                    Builtin b = Builtin.inModule(mod.name(), a.name());
                    // Not a function: a value (`math.pi()`, `sys.argv()` are not callable) or an unknown or unsupported name.
                    if (b == null) return callValue(ex.moduleMember(mod.name(), a), c);
                    return builtins.call(b, c, hint);
                }
                return methodCall(ex.infer(a.object()), a, c, hint);
            }
            default -> {
                return callValue(ex.infer(c.callee()), c);
            }
        }
    }

    private boolean isSuperCall(Expr e) {
        return e instanceof Expr.Call sc && sc.callee() instanceof Expr.Name sn && sn.id().equals("super")
                && ex.resolve("super") == null;
    }

    private HExpr callName(Expr.Name n, Expr.Call c, Type hint) {
        Binding b = ex.resolve(n.id());
        if (b == null) {
            if (n.id().equals("super")) {
                ex.diags.error(ErrorCode.BAD_SUPER, c.span(), "super() must be followed by a method call, as in super().__init__(...)");
                return ExprChecker.poison(c.span());
            }
            inferArgs(c);
            return ex.undefined(n);
        }
        switch (b) {
            case Binding.Builtin(String name) -> {
                ClassInfo cls = ex.state.builtinClasses.get(name);
                if (cls != null) return constructor(cls, c);
                Builtin bi = Builtin.named(name);
                if (!bi.core) return ex.notYet(n.span(), "the builtin '" + name + "'");
                return builtins.call(bi, c, hint);
            }
            case Binding.Module m -> {
                ex.diags.error(ErrorCode.NOT_CALLABLE, n.span(), "module '" + m.name() + "' is not callable");
                return ExprChecker.poison(c.span());
            }
            default -> {
                Variable v = switch (b) {
                    case Binding.Local l -> l.variable();
                    case Binding.Global g -> g.variable();
                    case Binding.Free f -> f.variable();
                    default -> null;
                };
                if (v != null && v.definedClass() != null) {
                    ex.load(n); // records the use (captures, if any)
                    return constructor(v.definedClass(), c);
                }
                FunctionInfo fn = v == null ? null : v.definedFunction();
                if (fn != null && fn.enclosing() != null && fn.enclosing().kind() == FunctionInfo.Kind.MODULE
                        && b instanceof Binding.Global) {
                    var args = userArgs(c, fn.type().params(), "'" + fn.name() + "'");
                    return new HExpr.CallFunction(fn, args, fn.result(), c.span());
                }
                return callValue(ex.load(n), c);
            }
        }
    }

    /** A call of an arbitrary value: a function-typed expression, `any`, or a class object. */
    private HExpr callValue(HExpr f, Expr.Call c) {
        return switch (f.type()) {
            case Type.Function(List<Type> params, Type result) ->
                    new HExpr.Call(f, userArgs(c, params, "the function"), result, c.span());
            case Type.ClassObject(ClassInfo cls) -> constructor(cls, c);
            case Type.Prim p when p == Type.ANY -> new HExpr.Call(f, inferArgs(c), Type.ANY, c.span());
            default -> {
                ex.diags.error(ErrorCode.NOT_CALLABLE, c.callee().span(), "'" + f.type() + "' is not callable");
                inferArgs(c);
                yield ExprChecker.poison(c.span());
            }
        };
    }

    private HExpr methodCall(HExpr recv, Expr.Attribute a, Expr.Call c, Type hint) {
        String name = a.name();
        switch (recv.type()) {
            case Type.Instance(ClassInfo cls) -> {
                ClassInfo.Method m = cls.method(name);
                if (m != null) {
                    var args = methodArgs(m, c, cls.name() + "." + name);
                    if (m.isStatic()) return new HExpr.CallFunction(ex.state.methodBodies.get(m), args, m.signature().result(), c.span());
                    return new HExpr.CallMethod(recv, m, args, m.signature().result(), c.span());
                }
                if (cls.field(name) != null || cls.constant(name) != null) {
                    return callValue(ex.member(recv, a), c);
                }
            }
            case Type.ClassObject(ClassInfo cls) -> {
                ClassInfo.Method m = cls.method(name);
                if (m != null && m.isStatic()) {
                    var args = userArgs(c, m.signature().params(), "'" + cls.name() + "." + name + "'");
                    return new HExpr.CallFunction(ex.state.methodBodies.get(m), args, m.signature().result(), c.span());
                }
                if (m != null) return ex.notYet(a.span(), "calling a method through its class");
                if (cls.constant(name) != null) return callValue(ex.member(recv, a), c);
            }
            case Type.Prim p when p == Type.STR -> {
                return builtins.method(recv, BuiltinMethod.Receiver.STR, a, c, hint);
            }
            case Type.ListOf l -> {
                return builtins.method(recv, BuiltinMethod.Receiver.LIST, a, c, hint);
            }
            case Type.DictOf d -> {
                return builtins.method(recv, BuiltinMethod.Receiver.DICT, a, c, hint);
            }
            case Type.Prim p when p == Type.ANY -> {
                for (Expr.Arg arg : c.args()) {
                    if (arg.kind() != Expr.ArgKind.POSITIONAL) return ex.notYet(arg.span(), "keyword arguments in calls on 'any' values");
                }
                return new HExpr.CallDynamic(recv, name, inferArgs(c), c.span());
            }
            default -> {}
        }
        inferArgs(c);
        return ex.noAttribute(recv.type(), a);
    }

    private List<HExpr> methodArgs(ClassInfo.Method m, Expr.Call c, String display) {
        if (m.owner().isBuiltin()) return exceptionArgs(c, display);
        return userArgs(c, m.signature().params(), "'" + display + "'");
    }

    /** `C(args)`: checked against the nearest `__init__` (none means no arguments). */
    private HExpr constructor(ClassInfo cls, Expr.Call c) {
        ClassInfo.Method init = cls.method("__init__");
        List<HExpr> args = init == null ? userArgs(c, List.of(), "'" + cls.name() + "'") : methodArgs(init, c, cls.name());
        return new HExpr.New(cls, init, args, c.span());
    }

    /** Built-in exceptions take an optional message of any type. */
    private List<HExpr> exceptionArgs(Expr.Call c, String display) {
        var args = positional(c);
        if (args.size() > 1) {
            ex.diags.error(ErrorCode.ARGUMENT_COUNT, c.span(), "'" + display + "' takes at most 1 argument but " + args.size() + " were given");
        }
        var out = new ArrayList<HExpr>();
        for (Expr e : args) out.add(ex.infer(e));
        return out;
    }

    private HExpr superCall(Expr.Attribute a, Expr.Call c) {
        Scope scope = ex.scope;
        Expr superCall = a.object();
        ClassInfo cls = scope.ownerClass;
        if (cls == null || scope.function.kind() != FunctionInfo.Kind.METHOD || scope.function.params().isEmpty()) {
            ex.diags.error(ErrorCode.BAD_SUPER, superCall.span(), "super() is only allowed directly inside a method");
            inferArgs(c);
            return ExprChecker.poison(c.span());
        }
        if (cls.base() == null) {
            ex.diags.error(ErrorCode.BAD_SUPER, superCall.span(), "class '" + cls.name() + "' has no base class");
            inferArgs(c);
            return ExprChecker.poison(c.span());
        }
        if (!((Expr.Call) superCall).args().isEmpty()) {
            ex.diags.error(ErrorCode.BAD_SUPER, superCall.span(), "write super() without arguments");
        }
        ClassInfo.Method m = cls.base().method(a.name());
        if (m == null) {
            inferArgs(c);
            return ex.noAttribute(new Type.Instance(cls.base()), a);
        }
        var args = methodArgs(m, c, cls.base().name() + "." + a.name());
        if (m.isStatic()) return new HExpr.CallFunction(ex.state.methodBodies.get(m), args, m.signature().result(), c.span());
        Variable self = scope.function.params().get(0);
        var selfLoad = new HExpr.Load(self.name(), new Binding.Local(self), self.type(), superCall.span());
        return new HExpr.CallSuper(m, selfLoad, args, m.signature().result(), c.span());
    }

    /** Positional arguments checked against a user function's parameter types. */
    List<HExpr> userArgs(Expr.Call c, List<Type> params, String display) {
        var args = positional(c);
        boolean allPositional = args.size() == c.args().size(); // else already reported; a count error would be noise
        if (allPositional && args.size() != params.size()) {
            ex.diags.error(ErrorCode.ARGUMENT_COUNT, c.span(), display + " takes " + count(params.size()) + " but "
                    + args.size() + (args.size() == 1 ? " was" : " were") + " given");
        }
        var out = new ArrayList<HExpr>();
        for (int i = 0; i < args.size(); i++) {
            if (i < params.size()) out.add(ex.check(args.get(i), params.get(i), argument(i, display)));
            else out.add(ex.infer(args.get(i)));
        }
        return out;
    }

    /** "argument N of F", built only when an error needs it. */
    static Supplier<String> argument(int index, String function) {
        return () -> "argument " + (index + 1) + " of " + function;
    }

    static String count(int n) {
        return n == 1 ? "1 argument" : n + " arguments";
    }

    /** The positional argument expressions; keyword and unpacked arguments are reported as not supported yet. */
    private List<Expr> positional(Expr.Call c) {
        var out = new ArrayList<Expr>();
        for (Expr.Arg a : c.args()) {
            switch (a.kind()) {
                case POSITIONAL -> out.add(a.value());
                case KEYWORD -> {
                    ex.notYet(a.span(), "keyword arguments to user-defined functions");
                    ex.infer(a.value());
                }
                case STAR, DOUBLE_STAR -> ex.notYet(a.span(), "argument unpacking with '*' and '**'");
            }
        }
        return out;
    }

    private List<HExpr> inferArgs(Expr.Call c) {
        var out = new ArrayList<HExpr>();
        for (Expr.Arg a : c.args()) out.add(ex.infer(a.value()));
        return out;
    }
}
