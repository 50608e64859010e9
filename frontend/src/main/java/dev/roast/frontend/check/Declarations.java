package dev.roast.frontend.check;

import dev.roast.frontend.ast.Expr;
import dev.roast.frontend.ast.Stmt;
import dev.roast.frontend.diag.ErrorCode;
import dev.roast.frontend.hir.FunctionInfo;
import dev.roast.frontend.hir.Variable;
import dev.roast.frontend.source.Span;
import dev.roast.frontend.types.ClassInfo;
import dev.roast.frontend.types.Type;
import dev.roast.frontend.types.TypeRules;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Declares what bodies are checked against: classes with their bases,
 * fields (from `__init__` and class-body annotations), constants and methods;
 * and every function's signature and scope. Queues each body for checking.
 */
final class Declarations {
    private final CheckState state;
    private final Checker checker;

    Declarations(CheckState state, Checker checker) {
        this.state = state;
        this.checker = checker;
    }

    // ---- module level ----

    /** The class statements that declared a class (a duplicate does not), keyed by identity: AST records compare deeply. */
    private final Map<Stmt.ClassDef, ClassInfo> declaredClasses = new IdentityHashMap<>();

    /** First the class names, so that every annotation can name any class of the module. */
    void declareClasses(List<Stmt> body) {
        for (Stmt s : body) {
            if (s instanceof Stmt.ClassDef c) {
                ClassInfo cls = declareClass(c);
                if (cls != null) declaredClasses.put(c, cls);
            }
        }
    }

    /** Then signatures and class members, in source order. */
    void declareFunctionsAndMembers(List<Stmt> body) {
        for (Stmt s : body) {
            if (s instanceof Stmt.FunctionDef d) {
                Variable v = state.moduleScope.variables.get(d.name());
                if (v.definedFunction() != null || v.definedClass() != null) {
                    state.diags.error(ErrorCode.DUPLICATE_DEFINITION, d.nameSpan(), "'" + d.name() + "' is already defined");
                    continue;
                }
                FunctionInfo fn = declareFunction(d, state.moduleScope, null, FunctionInfo.Kind.FUNCTION);
                v.setDefinedFunction(fn);
                v.setType(fn.type());
            } else if (s instanceof Stmt.ClassDef c && declaredClasses.containsKey(c)) {
                declareMembers(c, declaredClasses.get(c));
            }
        }
    }

    private ClassInfo declareClass(Stmt.ClassDef c) {
        Variable v = state.moduleScope.variables.get(c.name());
        if (v.definedClass() != null) {
            state.diags.error(ErrorCode.DUPLICATE_DEFINITION, c.nameSpan(), "class '" + c.name() + "' is already defined");
            return null;
        }
        for (Expr d : c.decorators()) unsupportedDecorator(d);
        if (!c.typeParams().isEmpty()) notYet(c.typeParams().get(0).span(), "generic classes");
        ClassInfo base = null;
        int positional = 0;
        for (Expr.Arg a : c.bases()) {
            if (a.kind() != Expr.ArgKind.POSITIONAL) {
                state.diags.error(ErrorCode.NOT_SUPPORTED, a.span(), "metaclasses and class keywords are not supported in Roast");
                continue;
            }
            if (++positional == 2) {
                state.diags.error(ErrorCode.NOT_SUPPORTED, a.span(), "multiple inheritance is not supported in Roast");
            } else if (positional == 1) {
                base = resolveBase(a.value(), c);
            }
        }
        var cls = new ClassInfo(c.name(), base, false, c.nameSpan());
        v.setDefinedClass(cls);
        v.setType(new Type.ClassObject(cls));
        state.classes.add(cls);
        return cls;
    }

    private ClassInfo resolveBase(Expr e, Stmt.ClassDef c) {
        if (e instanceof Expr.Name n) {
            if (n.id().equals("object")) return null;
            Variable v = state.moduleScope.variables.get(n.id());
            if (v != null && v.definedClass() != null) return v.definedClass();
            if (v == null && state.builtinClasses.containsKey(n.id())) return state.builtinClasses.get(n.id());
            if (v == null) {
                state.diags.error(ErrorCode.UNDEFINED_NAME, n.span(), "undefined name '" + n.id() + "'");
                return null;
            }
            state.diags.error(ErrorCode.BAD_BASE, e.span(), "'" + n.id() + "' is not a class defined before '" + c.name() + "'");
            return null;
        }
        state.diags.error(ErrorCode.BAD_BASE, e.span(), "a base class must be the name of a class");
        return null;
    }

    private void declareMembers(Stmt.ClassDef c, ClassInfo cls) {
        Stmt.FunctionDef init = null;
        FunctionInfo initFunction = null;
        for (Stmt s : c.body()) {
            switch (s) {
                case Stmt.FunctionDef d -> {
                    FunctionInfo fn = declareMethod(d, cls);
                    if (d.name().equals("__init__") && fn != null) {
                        init = d;
                        initFunction = fn;
                    }
                }
                case Stmt.AnnAssign a when a.target() instanceof Expr.Name n -> {
                    if (cls.ownFields().containsKey(n.id()) || cls.ownConstants().containsKey(n.id())) {
                        state.diags.error(ErrorCode.DUPLICATE_DEFINITION, n.span(), "'" + n.id() + "' is already declared in class '" + cls.name() + "'");
                    } else if (a.value() == null) {
                        cls.addField(n.id(), state.annotations.resolve(a.annotation()), n.span());
                    } else {
                        cls.addConstant(n.id(), state.annotations.resolve(a.annotation()), n.span());
                    }
                }
                case Stmt.Assign a when a.targets().size() == 1 && a.targets().get(0) instanceof Expr.Name n -> {
                    if (cls.ownConstants().containsKey(n.id()) || cls.ownFields().containsKey(n.id())) {
                        state.diags.error(ErrorCode.DUPLICATE_DEFINITION, n.span(), "'" + n.id() + "' is already declared in class '" + cls.name() + "'");
                    } else {
                        Type t = new ExprChecker(state, state.moduleScope).speculate(a.value());
                        cls.addConstant(n.id(), t == Type.NONE ? Type.ANY : t, n.span());
                    }
                }
                case Stmt.ExprStmt e when e.expr() instanceof Expr.StrLit || e.expr() instanceof Expr.Ellipsis -> {}
                case Stmt.Pass p -> {}
                default -> notYet(s.span(), "statements other than definitions in a class body");
            }
        }
        if (init != null) declareFields(init, initFunction, cls);
    }

    private FunctionInfo declareMethod(Stmt.FunctionDef d, ClassInfo cls) {
        boolean isStatic = false;
        for (Expr dec : d.decorators()) {
            if (dec instanceof Expr.Name n && n.id().equals("staticmethod")) isStatic = true;
            else unsupportedDecorator(dec);
        }
        if (cls.ownMethods().containsKey(d.name())) {
            state.diags.error(ErrorCode.DUPLICATE_DEFINITION, d.nameSpan(), "method '" + d.name() + "' is already defined in class '" + cls.name() + "'");
            return null;
        }
        if (!isStatic && (d.params().isEmpty() || d.params().get(0).kind() != Expr.ParamKind.POSITIONAL)) {
            state.diags.error(ErrorCode.BAD_PARAMETERS, d.nameSpan(), "method '" + d.name() + "' must take 'self' as its first parameter");
            return null;
        }
        var kind = isStatic ? FunctionInfo.Kind.STATIC_METHOD : FunctionInfo.Kind.METHOD;
        FunctionInfo fn = declareFunction(d, state.moduleScope, cls, kind);
        var m = cls.addMethod(d.name(), fn.type(), isStatic, d.nameSpan());
        fn.setMethod(m);
        state.methodBodies.put(m, fn);
        checkSpecialMethod(d, fn);
        checkOverride(d, cls, m);
        return fn;
    }

    private void checkSpecialMethod(Stmt.FunctionDef d, FunctionInfo fn) {
        String problem = switch (d.name()) {
            case "__init__" -> fn.result() != Type.NONE ? "__init__ must return None, not '" + fn.result() + "'" : null;
            case "__str__", "__repr__" -> {
                if (fn.kind() != FunctionInfo.Kind.METHOD || fn.params().size() != 1) yield d.name() + " must take only 'self'";
                if (fn.result() != Type.STR && fn.result() != Type.ANY) yield d.name() + " must return 'str', not '" + fn.result() + "'";
                yield null;
            }
            default -> null;
        };
        if (problem != null) state.diags.error(ErrorCode.BAD_SPECIAL_METHOD, d.nameSpan(), problem);
    }

    private void checkOverride(Stmt.FunctionDef d, ClassInfo cls, ClassInfo.Method m) {
        if (cls.base() == null || d.name().equals("__init__")) return;
        ClassInfo.Method base = cls.base().method(d.name());
        if (base == null) return;
        Type.Function b = base.signature(), o = m.signature();
        boolean ok = base.isStatic() == m.isStatic() && b.params().size() == o.params().size()
                && TypeRules.isSubtype(o.result(), b.result());
        for (int i = 0; ok && i < b.params().size(); i++) ok = TypeRules.isSubtype(b.params().get(i), o.params().get(i));
        if (!ok) {
            var diag = state.diags.error(ErrorCode.BAD_OVERRIDE, d.nameSpan(), "method '" + d.name() + "' overrides '"
                    + base.owner().name() + "." + d.name() + "' with an incompatible signature");
            state.diags.amendLast(diag.withNote("'" + base.owner().name() + "." + d.name() + "' is " + b)
                    .withNote("'" + cls.name() + "." + d.name() + "' is " + o));
        }
    }

    /** A field declared by an unannotated `self.x = value`: its type is inferred from the value. */
    private record PendingField(ClassInfo.Field field, Expr value) {}

    /** Instance fields are the `self.x` assignments of `__init__`, wherever in its body (spec §7). */
    private void declareFields(Stmt.FunctionDef init, FunctionInfo initFunction, ClassInfo cls) {
        String self = init.params().get(0).name();
        var pending = new ArrayList<PendingField>();
        collectFields(init.body(), self, cls, pending);
        var checker = new ExprChecker(state, state.scopes.get(initFunction));
        for (PendingField p : pending) cls.setFieldType(p.field(), checker.speculate(p.value()));
    }

    private void collectFields(List<Stmt> body, String self, ClassInfo cls, List<PendingField> pending) {
        for (Stmt s : body) {
            switch (s) {
                case Stmt.Assign a -> {
                    for (Expr t : a.targets()) declareField(t, null, a.value(), self, cls, pending);
                }
                case Stmt.AnnAssign a -> declareField(a.target(), a.annotation(), a.value(), self, cls, pending);
                case Stmt.If i -> { collectFields(i.body(), self, cls, pending); collectFields(i.orElse(), self, cls, pending); }
                case Stmt.While w -> collectFields(w.body(), self, cls, pending);
                case Stmt.For f -> collectFields(f.body(), self, cls, pending);
                default -> {}
            }
        }
    }

    private void declareField(Expr target, Expr annotation, Expr value, String self, ClassInfo cls, List<PendingField> pending) {
        if (!(target instanceof Expr.Attribute a && a.object() instanceof Expr.Name n && n.id().equals(self))) return;
        if (cls.field(a.name()) != null || cls.method(a.name()) != null) return;
        if (cls.constant(a.name()) != null) {
            state.diags.error(ErrorCode.DUPLICATE_DEFINITION, a.nameSpan(), "'" + a.name() + "' is already a class constant of '" + cls.name() + "'");
            return;
        }
        if (annotation != null) {
            cls.addField(a.name(), state.annotations.resolve(annotation), a.nameSpan());
        } else {
            var f = cls.addField(a.name(), null, a.nameSpan());
            pending.add(new PendingField(f, value));
        }
    }

    // ---- functions ----

    /** Creates a function's info and scope from its def, resolving its signature; queues its body. */
    FunctionInfo declareFunction(Stmt.FunctionDef d, Scope enclosing, ClassInfo ownerClass, FunctionInfo.Kind kind) {
        var fn = new FunctionInfo(d.name(), kind, enclosing.function, ownerClass, d.span());
        var scope = new Scope(fn, enclosing, ownerClass);
        if (kind == FunctionInfo.Kind.FUNCTION) {
            for (Expr dec : d.decorators()) unsupportedDecorator(dec);
        }
        if (d.isAsync()) state.diags.error(ErrorCode.NOT_SUPPORTED, new Span(d.span().start(), d.span().start() + 5), "'async def' is not supported in Roast");
        var typeVariables = new ArrayList<String>();
        if (!d.typeParams().isEmpty()) {
            notYet(d.typeParams().get(0).span(), "generic functions");
            for (Stmt.TypeParam tp : d.typeParams()) typeVariables.add(tp.name());
        }
        for (Expr.Param p : d.params()) {
            switch (p.kind()) {
                case VARARGS, KWARGS -> state.diags.error(ErrorCode.NOT_SUPPORTED, p.span(), "'*args' and '**kwargs' parameters are not supported in Roast");
                case KEYWORD_ONLY, POSITIONAL_ONLY -> notYet(p.span(), "keyword-only and positional-only parameters");
                default -> {
                    if (p.defaultValue() != null) notYet(p.span(), "default parameter values");
                }
            }
        }
        ScopeBuilder.addParams(scope, d.params());
        state.annotations.typeVariables.addAll(typeVariables);
        for (int i = 0; i < d.params().size() && i < fn.params().size(); i++) {
            Expr.Param p = d.params().get(i);
            Variable v = fn.params().get(i);
            if (i == 0 && kind == FunctionInfo.Kind.METHOD) v.setType(new Type.Instance(ownerClass));
            else if (p.annotation() != null) v.setType(state.annotations.resolve(p.annotation()));
            else v.setType(Type.ANY);
        }
        if (d.returns() != null) fn.setResult(state.annotations.resolve(d.returns()), true);
        else fn.setResult(ReturnFlow.returnsValue(d.body()) ? Type.ANY : Type.NONE, false);
        state.annotations.typeVariables.removeAll(typeVariables);

        ScopeBuilder.build(scope, d.body());
        resolveAnnotations(scope);
        checkScopeDeclarations(scope, d);
        state.addFunction(fn, scope);
        state.pendingBodies.add(() -> checker.checkBody(fn, scope, d));
        return fn;
    }

    /** Annotated variables have their type before any use is checked, wherever the annotation stands. */
    void resolveAnnotations(Scope scope) {
        for (var e : scope.annotations.entrySet()) e.getKey().setType(state.annotations.resolve(e.getValue()));
    }

    /** `nonlocal x` needs an enclosing function binding x; neither declaration may follow a use of its name. */
    private void checkScopeDeclarations(Scope scope, Stmt.FunctionDef d) {
        if (scope.globalDecls.isEmpty() && scope.nonlocalDecls.isEmpty()) return;
        for (var e : scope.nonlocalDecls.entrySet()) {
            boolean found = false;
            for (Scope p = scope.parent; p != null && !p.isModule(); p = p.parent) {
                if (p.variables.containsKey(e.getKey())) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                state.diags.error(ErrorCode.BAD_SCOPE_DECLARATION, e.getValue().span(), "no binding for nonlocal '" + e.getKey() + "' in an enclosing function");
            }
        }
        for (var decls : List.of(scope.globalDecls, scope.nonlocalDecls)) {
            for (var e : decls.entrySet()) {
                Integer first = scope.firstUse.get(e.getKey());
                if (first != null && first < e.getValue().span().start()) {
                    state.diags.error(ErrorCode.BAD_SCOPE_DECLARATION, e.getValue().span(), "name '" + e.getKey() + "' is used prior to its "
                            + (decls == scope.globalDecls ? "global" : "nonlocal") + " declaration");
                }
            }
        }
    }

    private void unsupportedDecorator(Expr dec) {
        int at = Math.max(0, dec.span().start() - 1);
        String text = state.diags.file().text();
        while (at > 0 && text.charAt(at) != '@') at--;
        state.diags.error(ErrorCode.NOT_SUPPORTED, new Span(at, at + 1), "decorators other than @staticmethod are not supported in Roast");
    }

    private void notYet(Span at, String what) {
        state.diags.error(ErrorCode.NOT_SUPPORTED_YET, at, what + " " + (what.endsWith("s") ? "are" : "is") + " not supported yet");
    }
}
