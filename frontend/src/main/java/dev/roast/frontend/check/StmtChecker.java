package dev.roast.frontend.check;

import dev.roast.frontend.ast.Expr;
import dev.roast.frontend.ast.Stmt;
import dev.roast.frontend.diag.Diagnostics;
import dev.roast.frontend.diag.ErrorCode;
import dev.roast.frontend.hir.Binding;
import dev.roast.frontend.hir.FunctionInfo;
import dev.roast.frontend.hir.HExpr;
import dev.roast.frontend.hir.HStmt;
import dev.roast.frontend.hir.Variable;
import dev.roast.frontend.source.Span;
import dev.roast.frontend.types.ClassInfo;
import dev.roast.frontend.types.Type;
import dev.roast.frontend.types.TypeRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Type-checks the statements of one function body (or the module) and builds their HIR. */
final class StmtChecker {
    private static final Set<String> STANDARD_MODULES = Set.of("sys", "os", "subprocess", "time", "json", "os.path");

    private final CheckState state;
    private final Scope scope;
    private final ExprChecker ex;
    private final Diagnostics diags;
    private final Declarations declarations;

    StmtChecker(CheckState state, Scope scope, Declarations declarations) {
        this.state = state;
        this.scope = scope;
        this.ex = new ExprChecker(state, scope);
        this.diags = state.diags;
        this.declarations = declarations;
    }

    List<HStmt> block(List<Stmt> body) {
        var out = new ArrayList<HStmt>();
        for (Stmt s : body) statement(s, out);
        return out;
    }

    private void statement(Stmt s, List<HStmt> out) {
        state.current = s.span();
        switch (s) {
            case Stmt.ExprStmt e -> {
                if (e.expr() instanceof Expr.StrLit || e.expr() instanceof Expr.Ellipsis) return; // docstring, `...`
                out.add(new HStmt.ExprStmt(ex.infer(e.expr()), s.span()));
            }
            case Stmt.Assign a -> assign(a, out);
            case Stmt.AnnAssign a -> annotatedAssign(a, out);
            case Stmt.AugAssign a -> augmentedAssign(a, out);
            case Stmt.If i -> out.add(new HStmt.If(ex.infer(i.test()), block(i.body()), block(i.orElse()), s.span()));
            case Stmt.While w -> {
                if (!w.orElse().isEmpty()) ex.notYet(w.orElse().get(0).span(), "'else' on loops");
                out.add(new HStmt.While(ex.infer(w.test()), block(w.body()), s.span()));
            }
            case Stmt.For f -> forLoop(f, out);
            case Stmt.Break b -> out.add(new HStmt.Break(s.span()));
            case Stmt.Continue c -> out.add(new HStmt.Continue(s.span()));
            case Stmt.Pass p -> {}
            case Stmt.Return r -> out.add(returnStatement(r));
            case Stmt.FunctionDef d -> def(d, out);
            case Stmt.ClassDef c -> classDef(c, out);
            case Stmt.Global g -> {}
            case Stmt.Nonlocal n -> {}
            case Stmt.Assert a -> out.add(new HStmt.Assert(ex.infer(a.test()), a.message() == null ? null : ex.infer(a.message()), s.span()));
            case Stmt.Raise r -> raise(r, out);
            case Stmt.Try t -> ex.notYet(spanOfKeyword(t.span(), 3), "'try' statements");
            case Stmt.Delete d -> delete(d, out);
            case Stmt.Import im -> imports(im);
            case Stmt.ImportFrom im -> importFrom(im);
            case Stmt.With w -> {
                boolean open = !w.isAsync() && w.items().size() == 1 && w.items().get(0).context() instanceof Expr.Call c
                        && c.callee() instanceof Expr.Name n && n.id().equals("open");
                if (open) ex.notYet(spanOfKeyword(s.span(), 4), "'with open(...)'");
                else ex.unsupported(spanOfKeyword(s.span(), w.isAsync() ? 5 : 4), w.isAsync() ? "'async with'" : "'with' statements other than 'with open(...)'");
            }
            case Stmt.Match m -> {} // reported by the parser
            case Stmt.TypeAlias t -> ex.notYet(spanOfKeyword(s.span(), 4), "type aliases");
        }
    }

    private static Span spanOfKeyword(Span stmt, int length) {
        return new Span(stmt.start(), stmt.start() + length);
    }

    // ---- assignment ----

    /** A place being assigned: its HIR target, and the type a value must have there (null: not yet known). */
    private record Place(HStmt.Target target, Type type, Variable inferred) {}

    private void assign(Stmt.Assign a, List<HStmt> out) {
        var places = new ArrayList<Place>();
        for (Expr t : a.targets()) places.add(place(t));
        if (places.contains(null)) {
            ex.infer(a.value());
            return;
        }
        Place first = places.get(0);
        Expr firstTarget = a.targets().get(0);
        HExpr value = first.type() != null ? ex.check(a.value(), first.type(), () -> describe(firstTarget)) : ex.infer(a.value());
        if (first.inferred() != null) first.inferred().setType(value.type());
        for (int i = 1; i < places.size(); i++) {
            Place p = places.get(i);
            if (p.inferred() != null) p.inferred().setType(value.type());
            else if (p.type() != null && !TypeRules.isSubtype(value.type(), p.type())) {
                ex.mismatch(a.value().span(), describe(a.targets().get(i)), value.type(), p.type());
            }
        }
        var targets = new ArrayList<HStmt.Target>();
        for (Place p : places) targets.add(p.target());
        out.add(new HStmt.Assign(List.copyOf(targets), value, a.span()));
    }

    private static String describe(Expr target) {
        return switch (target) {
            case Expr.Name n -> "variable '" + n.id() + "'";
            case Expr.Attribute at -> "attribute '" + at.name() + "'";
            case Expr.Index i -> "an item";
            default -> null;
        };
    }

    private void annotatedAssign(Stmt.AnnAssign a, List<HStmt> out) {
        if (a.target() instanceof Expr.Name n) {
            Place p = place(n);
            if (p == null || a.value() == null) return;
            Type t = p.type() != null ? p.type() : state.annotations.resolve(a.annotation());
            HExpr value = ex.check(a.value(), t, () -> "variable '" + n.id() + "'");
            out.add(new HStmt.Assign(List.of(p.target()), value, a.span()));
            return;
        }
        if (a.value() == null) {
            ex.infer(a.target());
            return;
        }
        assign(new Stmt.Assign(List.of(a.target()), a.value(), a.span()), out);
    }

    private void augmentedAssign(Stmt.AugAssign a, List<HStmt> out) {
        Place p = place(a.target());
        if (p == null) {
            ex.infer(a.value());
            return;
        }
        Type t = p.type();
        if (t == null) t = p.inferred() != null ? ex.typeOf(p.inferred()) : Type.ANY;
        HExpr value = ex.infer(a.value());
        Type result;
        if (t == Type.ANY || value.type() == Type.ANY) {
            result = Type.ANY;
        } else {
            result = Operators.binaryResult(a.op(), t, value.type(), a.value());
            if (result == null) {
                diags.error(ErrorCode.MISMATCHED_TYPES, a.value().span(), Operators.binaryMessage(a.op(), t, value.type()));
                return;
            }
            if (!TypeRules.isAssignable(result, t)) {
                diags.error(ErrorCode.MISMATCHED_TYPES, a.value().span(), "'" + a.op().symbol + "=' would make the " + t
                        + " " + describe(a.target()) + " a '" + result + "'");
                return;
            }
            if (result == Type.FLOAT && value.type() == Type.INT) value = ex.coerce(value, Type.FLOAT, a.value().span(), null);
        }
        out.add(new HStmt.AugAssign(p.target(), t, a.op(), value, result, a.span()));
    }

    /** Resolves an assignment target; null after reporting an error. */
    private Place place(Expr target) {
        return switch (target) {
            case Expr.Name n -> namePlace(n);
            case Expr.Attribute a -> attributePlace(a);
            case Expr.Index i -> itemPlace(i);
            case Expr.TupleLit t -> {
                ex.notYet(t.span(), "tuple unpacking");
                yield null;
            }
            case Expr.ListLit l -> {
                ex.notYet(l.span(), "list unpacking");
                yield null;
            }
            default -> {
                ex.notYet(target.span(), "this assignment target");
                yield null;
            }
        };
    }

    private Place namePlace(Expr.Name n) {
        if (scope.modules.contains(n.id()) || state.moduleScope.modules.contains(n.id())) {
            diags.error(ErrorCode.CANNOT_ASSIGN, n.span(), "cannot assign to '" + n.id() + "': it names an imported module");
            return null;
        }
        Binding b = ex.resolve(n.id());
        Variable v = switch (b) {
            case Binding.Local l -> l.variable();
            case Binding.Global g -> g.variable();
            case Binding.Free f -> f.variable();
            case null, default -> null;
        };
        if (v == null) {
            diags.error(ErrorCode.CANNOT_ASSIGN, n.span(), "cannot assign to '" + n.id() + "'");
            return null;
        }
        if (v.definedFunction() != null || v.definedClass() != null) {
            diags.error(ErrorCode.CANNOT_ASSIGN, n.span(), "cannot assign to '" + n.id() + "': it names a "
                    + (v.definedFunction() != null ? "function" : "class"));
            return null;
        }
        var target = new HStmt.StoreVar(n.id(), b);
        if (v.type() == null) return new Place(target, null, v);
        return new Place(target, v.type(), null);
    }

    private Place attributePlace(Expr.Attribute a) {
        if (a.object() instanceof Expr.Name m && ex.resolve(m.id()) instanceof Binding.Module) {
            diags.error(ErrorCode.CANNOT_ASSIGN, a.span(), "cannot assign to a module's attribute");
            return null;
        }
        HExpr obj = ex.infer(a.object());
        switch (obj.type()) {
            case Type.Instance(ClassInfo c) -> {
                ClassInfo.Field f = c.field(a.name());
                if (f != null) return new Place(new HStmt.SetField(obj, f), f.type() == null ? Type.ANY : f.type(), null);
                ClassInfo.Constant k = c.constant(a.name());
                if (k != null) {
                    // Python would give this one instance its own attribute; Roast instances have a fixed layout.
                    var d = diags.error(ErrorCode.CANNOT_ASSIGN, a.nameSpan(), "cannot assign class constant '" + a.name() + "' through an instance");
                    diags.amendLast(d.withHelp("assign it on the class: " + k.owner().name() + "." + a.name() + " = ..."));
                    return null;
                }
                if (c.method(a.name()) != null) {
                    diags.error(ErrorCode.CANNOT_ASSIGN, a.span(), "cannot assign to method '" + a.name() + "'");
                    return null;
                }
                var d = diags.error(ErrorCode.UNDECLARED_ATTRIBUTE, a.nameSpan(), "class '" + c.name() + "' has no attribute '" + a.name() + "'");
                diags.amendLast(d.withHelp("declare it in __init__ (self." + a.name() + " = ...) or in the class body (" + a.name() + ": T)"));
                return null;
            }
            case Type.ClassObject(ClassInfo c) -> {
                ClassInfo.Constant k = c.constant(a.name());
                if (k != null) return new Place(new HStmt.SetConstant(null, k), k.type(), null);
                if (c.method(a.name()) != null) {
                    diags.error(ErrorCode.CANNOT_ASSIGN, a.span(), "cannot assign to method '" + a.name() + "'");
                    return null;
                }
                diags.error(ErrorCode.UNDECLARED_ATTRIBUTE, a.nameSpan(), "class '" + c.name() + "' has no class attribute '" + a.name() + "'");
                return null;
            }
            case Type.Prim p when p == Type.ANY -> {
                return new Place(new HStmt.SetAttrDynamic(obj, a.name()), Type.ANY, null);
            }
            default -> {
                diags.error(ErrorCode.UNDECLARED_ATTRIBUTE, a.nameSpan(), "cannot set attribute '" + a.name() + "' on '" + obj.type() + "'");
                return null;
            }
        }
    }

    private Place itemPlace(Expr.Index i) {
        if (i.index() instanceof Expr.Slice s) {
            ex.notYet(s.span(), "slices");
            return null;
        }
        HExpr obj = ex.infer(i.object());
        return switch (obj.type()) {
            case Type.ListOf(Type e) -> new Place(new HStmt.SetItem(obj, ex.check(i.index(), Type.INT, "a list index")), e, null);
            case Type.DictOf(Type k, Type v) ->
                    new Place(new HStmt.SetItem(obj, ex.check(i.index(), k, () -> "a key of '" + obj.type() + "'")), v, null);
            case Type.Prim p when p == Type.ANY -> new Place(new HStmt.SetItem(obj, ex.infer(i.index())), Type.ANY, null);
            default -> {
                diags.error(ErrorCode.NOT_INDEXABLE, i.span(), "'" + obj.type() + "' does not support item assignment");
                yield null;
            }
        };
    }

    // ---- loops ----

    private void forLoop(Stmt.For f, List<HStmt> out) {
        if (f.isAsync()) {
            ex.unsupported(spanOfKeyword(f.span(), 5), "'async for'");
            return;
        }
        if (!f.orElse().isEmpty()) ex.notYet(f.orElse().get(0).span(), "'else' on loops");
        if (!(f.target() instanceof Expr.Name name)) {
            ex.notYet(f.target().span(), f.target() instanceof Expr.TupleLit ? "tuple unpacking" : "loop targets other than a name");
            ex.infer(f.iter());
            return;
        }
        Place p = namePlace(name);
        if (f.iter() instanceof Expr.Call c && c.callee() instanceof Expr.Name rn && rn.id().equals("range")
                && ex.resolve("range") instanceof Binding.Builtin && c.args().size() >= 1 && c.args().size() <= 3
                && c.args().stream().allMatch(arg -> arg.kind() == Expr.ArgKind.POSITIONAL)) {
            var bounds = new ArrayList<HExpr>();
            for (int i = 0; i < c.args().size(); i++) bounds.add(ex.check(c.args().get(i).value(), Type.INT, CallChecker.argument(i, "range()")));
            HExpr start = bounds.size() >= 2 ? bounds.get(0) : new HExpr.IntConst(0, c.span());
            HExpr stop = bounds.size() >= 2 ? bounds.get(1) : bounds.get(0);
            HExpr step = bounds.size() == 3 ? bounds.get(2) : new HExpr.IntConst(1, c.span());
            if (p == null) return;
            bindLoopVariable(p, Type.INT, name);
            out.add(new HStmt.ForRange(p.target(), start, stop, step, block(f.body()), f.span()));
            return;
        }
        HExpr iterable = ex.infer(f.iter());
        Type element = TypeRules.elementOf(iterable.type());
        if (element == null) {
            diags.error(ErrorCode.NOT_ITERABLE, f.iter().span(), "'" + iterable.type() + "' is not iterable");
            element = Type.ANY;
        }
        if (p == null) return;
        bindLoopVariable(p, element, name);
        out.add(new HStmt.ForEach(p.target(), iterable, element, block(f.body()), f.span()));
    }

    private void bindLoopVariable(Place p, Type element, Expr.Name name) {
        if (p.inferred() != null) {
            p.inferred().setType(element);
        } else if (!TypeRules.isSubtype(element, p.type())) {
            ex.mismatch(name.span(), "loop variable '" + name.id() + "'", element, p.type());
        }
    }

    // ---- the rest ----

    private HStmt returnStatement(Stmt.Return r) {
        FunctionInfo fn = scope.function;
        Type expected = fn.result();
        if (r.value() == null) {
            if (expected != Type.NONE && expected != Type.ANY) {
                diags.error(ErrorCode.MISMATCHED_TYPES, spanOfKeyword(r.span(), 6), "'" + fn.name() + "' must return '"
                        + expected + "', but a bare 'return' gives None");
            }
            return new HStmt.Return(null, r.span());
        }
        return new HStmt.Return(ex.check(r.value(), expected, () -> "the result of '" + fn.name() + "'"), r.span());
    }

    private void def(Stmt.FunctionDef d, List<HStmt> out) {
        FunctionInfo fn;
        if (scope.isModule()) {
            fn = state.moduleScope.variables.get(d.name()).definedFunction();
            if (fn == null || fn.span() != d.span()) return; // a duplicate definition, already reported
        } else {
            fn = declarations.declareFunction(d, scope, null, FunctionInfo.Kind.FUNCTION);
            Variable v = scope.variables.get(d.name());
            if (v != null) {
                if (v.definedFunction() != null) {
                    diags.error(ErrorCode.DUPLICATE_DEFINITION, d.nameSpan(), "'" + d.name() + "' is already defined in this function");
                    return;
                }
                v.setDefinedFunction(fn);
                v.setType(fn.type());
            }
        }
        Binding b = ex.resolve(d.name());
        out.add(new HStmt.Def(new HStmt.StoreVar(d.name(), b), fn, d.span()));
    }

    private void classDef(Stmt.ClassDef c, List<HStmt> out) {
        if (!scope.isModule()) {
            ex.notYet(c.nameSpan(), "classes defined inside functions");
            return;
        }
        Variable v = state.moduleScope.variables.get(c.name());
        ClassInfo cls = v.definedClass();
        if (cls == null || cls.span() != c.nameSpan()) return;
        var inits = new ArrayList<HStmt>();
        for (Stmt s : c.body()) {
            Expr target = null, value = null;
            if (s instanceof Stmt.AnnAssign a && a.target() instanceof Expr.Name && a.value() != null) {
                target = a.target();
                value = a.value();
            } else if (s instanceof Stmt.Assign a && a.targets().size() == 1 && a.targets().get(0) instanceof Expr.Name) {
                target = a.targets().get(0);
                value = a.value();
            }
            if (target == null) continue;
            ClassInfo.Constant k = cls.ownConstants().get(((Expr.Name) target).id());
            if (k == null) continue;
            HExpr h = ex.check(value, k.type(), () -> "class constant '" + k.name() + "'");
            inits.add(new HStmt.Assign(List.of(new HStmt.SetConstant(null, k)), h, s.span()));
        }
        out.add(new HStmt.ClassDef(new HStmt.StoreVar(c.name(), new Binding.Global(v)), cls, List.copyOf(inits), c.span()));
    }

    private void raise(Stmt.Raise r, List<HStmt> out) {
        if (r.exception() == null) {
            ex.notYet(spanOfKeyword(r.span(), 5), "a bare 'raise' (it needs 'try')");
            return;
        }
        if (r.cause() != null) ex.notYet(r.cause().span(), "'raise ... from'");
        HExpr e = ex.infer(r.exception());
        boolean ok = switch (e.type()) {
            case Type.Instance(ClassInfo c) -> c.isException();
            case Type.ClassObject(ClassInfo c) -> c.isException();
            case Type.Prim p -> p == Type.ANY;
            default -> false;
        };
        if (!ok) {
            diags.error(ErrorCode.MISMATCHED_TYPES, r.exception().span(), "exceptions must derive from Exception, found '" + e.type() + "'");
            return;
        }
        out.add(new HStmt.Raise(e, r.span()));
    }

    private void delete(Stmt.Delete d, List<HStmt> out) {
        for (Expr t : d.targets()) {
            switch (t) {
                case Expr.Index i when !(i.index() instanceof Expr.Slice) -> {
                    HExpr obj = ex.infer(i.object());
                    HExpr index = switch (obj.type()) {
                        case Type.ListOf l -> ex.check(i.index(), Type.INT, "a list index");
                        case Type.DictOf(Type k, Type v) -> ex.check(i.index(), k, () -> "a key of '" + obj.type() + "'");
                        case Type.Prim p when p == Type.ANY -> ex.infer(i.index());
                        default -> {
                            diags.error(ErrorCode.NOT_INDEXABLE, i.span(), "'" + obj.type() + "' does not support item deletion");
                            yield null;
                        }
                    };
                    if (index != null) out.add(new HStmt.DeleteItem(obj, index, d.span()));
                }
                case Expr.Index i -> ex.notYet(i.index().span(), "slices");
                case Expr.Name n -> ex.unsupported(spanOfKeyword(d.span(), 3), "'del' of a name");
                default -> ex.unsupported(spanOfKeyword(d.span(), 3), "'del' of an attribute");
            }
        }
    }

    private void imports(Stmt.Import im) {
        for (Stmt.ImportName n : im.names()) {
            if (n.asName() == null && (Builtins.MODULES.contains(n.name()) || n.name().equals("typing"))) continue;
            moduleNotAvailable(n.name(), n.span(), im.span());
            return;
        }
    }

    private void importFrom(Stmt.ImportFrom im) {
        if (ScopeBuilder.isTypingImport(im)) return;
        moduleNotAvailable(im.module() == null ? "." : im.module(), im.span(), im.span());
    }

    private void moduleNotAvailable(String module, Span nameSpan, Span stmt) {
        String first = module.split("\\.")[0];
        Path dir = Path.of(state.diags.file().name()).toAbsolutePath().getParent();
        boolean exists = STANDARD_MODULES.contains(module) || STANDARD_MODULES.contains(first) || Builtins.MODULES.contains(module)
                || module.startsWith(".") || dir != null && Files.exists(dir.resolve(first + ".roast"));
        if (exists) {
            ex.notYet(spanOfKeyword(stmt, 4), "importing '" + module + "'");
        } else {
            var d = diags.error(ErrorCode.UNKNOWN_MODULE, nameSpan, "no module named '" + module + "'");
            diags.amendLast(d.withNote("a module is a standard module or NAME.roast beside the importing file"));
        }
    }
}
