package dev.roast.frontend.check;

import dev.roast.frontend.ast.Expr;
import dev.roast.frontend.ast.Stmt;
import dev.roast.frontend.hir.FunctionInfo;
import dev.roast.frontend.hir.Variable;
import dev.roast.frontend.source.Span;
import java.util.List;

/**
 * Builds a {@link Scope} from a function's parameters and body: which names
 * are locals (assigned somewhere, not declared global/nonlocal), which are
 * declared global or nonlocal, and where each is first given a value.
 * Nested defs, lambdas and class bodies are not entered: they get their own scopes.
 */
final class ScopeBuilder {
    private final Scope scope;
    /** First uses only matter to a body with global/nonlocal declarations ("used prior to global declaration"). */
    private boolean trackUses;

    private ScopeBuilder(Scope scope) {
        this.scope = scope;
    }

    /** Fills {@code scope} from a function body whose parameters are already in it. */
    static void build(Scope scope, List<Stmt> body) {
        var b = new ScopeBuilder(scope);
        b.collectDeclarations(body);
        b.trackUses = !scope.globalDecls.isEmpty() || !scope.nonlocalDecls.isEmpty();
        b.statements(body);
    }

    /** Creates the lambda's scope from its parameters; its body is an expression with nothing to collect. */
    static void buildLambda(Scope scope, Expr body) {
        new ScopeBuilder(scope).uses(body);
    }

    // global/nonlocal apply to the whole body, wherever they appear, so collect them first.
    private void collectDeclarations(List<Stmt> body) {
        for (Stmt s : body) {
            switch (s) {
                case Stmt.Global g -> g.names().forEach(n -> scope.globalDecls.putIfAbsent(n.id(), n));
                case Stmt.Nonlocal n -> n.names().forEach(x -> scope.nonlocalDecls.putIfAbsent(x.id(), x));
                case Stmt.If i -> { collectDeclarations(i.body()); collectDeclarations(i.orElse()); }
                case Stmt.While w -> { collectDeclarations(w.body()); collectDeclarations(w.orElse()); }
                case Stmt.For f -> { collectDeclarations(f.body()); collectDeclarations(f.orElse()); }
                case Stmt.Try t -> {
                    collectDeclarations(t.body());
                    t.handlers().forEach(h -> collectDeclarations(h.body()));
                    collectDeclarations(t.orElse());
                    collectDeclarations(t.finalBody());
                }
                case Stmt.With w -> collectDeclarations(w.body());
                default -> {}
            }
        }
    }

    private void statements(List<Stmt> body) {
        for (Stmt s : body) statement(s);
    }

    private void statement(Stmt s) {
        switch (s) {
            case Stmt.ExprStmt e -> uses(e.expr());
            case Stmt.Assign a -> {
                uses(a.value());
                for (Expr t : a.targets()) bindTarget(t, a.value(), null);
            }
            case Stmt.AnnAssign a -> {
                if (a.value() != null) uses(a.value());
                if (a.target() instanceof Expr.Name n) {
                    Variable v = bind(n.id(), n.span());
                    if (v != null) scope.annotations.putIfAbsent(v, a.annotation());
                } else {
                    uses(a.target());
                }
            }
            case Stmt.AugAssign a -> {
                uses(a.value());
                uses(a.target());
                if (a.target() instanceof Expr.Name n) bind(n.id(), n.span());
            }
            case Stmt.If i -> { uses(i.test()); statements(i.body()); statements(i.orElse()); }
            case Stmt.While w -> { uses(w.test()); statements(w.body()); statements(w.orElse()); }
            case Stmt.For f -> {
                uses(f.iter());
                bindTarget(f.target(), null, f.iter());
                statements(f.body());
                statements(f.orElse());
            }
            case Stmt.Return r -> { if (r.value() != null) uses(r.value()); }
            case Stmt.FunctionDef d -> {
                d.decorators().forEach(this::uses);
                for (Expr.Param p : d.params()) {
                    if (p.defaultValue() != null) uses(p.defaultValue());
                }
                bind(d.name(), d.nameSpan());
            }
            case Stmt.ClassDef c -> {
                c.bases().forEach(b -> uses(b.value()));
                bind(c.name(), c.nameSpan());
            }
            case Stmt.Assert a -> { uses(a.test()); if (a.message() != null) uses(a.message()); }
            case Stmt.Raise r -> { if (r.exception() != null) uses(r.exception()); if (r.cause() != null) uses(r.cause()); }
            case Stmt.Try t -> {
                statements(t.body());
                for (Stmt.ExceptHandler h : t.handlers()) {
                    if (h.type() != null) uses(h.type());
                    if (h.name() != null) bind(h.name(), h.span());
                    statements(h.body());
                }
                statements(t.orElse());
                statements(t.finalBody());
            }
            case Stmt.Delete d -> {
                for (Expr t : d.targets()) {
                    uses(t);
                    if (t instanceof Expr.Name n) bind(n.id(), n.span());
                }
            }
            case Stmt.Import im -> {
                for (Stmt.ImportName n : im.names()) {
                    String bound = n.asName() != null ? n.asName() : n.name().split("\\.")[0];
                    if (n.asName() == null && Builtins.MODULES.contains(n.name())) {
                        scope.modules.add(n.name());
                    } else {
                        bind(bound, n.span());
                    }
                }
            }
            case Stmt.ImportFrom im -> {
                for (Stmt.ImportName n : im.names()) {
                    if (!n.name().equals("*") && !isTypingImport(im)) bind(n.asName() != null ? n.asName() : n.name(), n.span());
                }
            }
            case Stmt.With w -> {
                for (Stmt.WithItem item : w.items()) {
                    uses(item.context());
                    if (item.target() != null) bindTarget(item.target(), null, null);
                }
                statements(w.body());
            }
            case Stmt.Global g -> {}
            case Stmt.Nonlocal n -> {}
            case Stmt.Break b -> {}
            case Stmt.Continue c -> {}
            case Stmt.Pass p -> {}
            case Stmt.Match m -> {}
            case Stmt.TypeAlias t -> {}
        }
    }

    static boolean isTypingImport(Stmt.ImportFrom im) {
        return im.level() == 0 && (im.module().equals("typing") || im.module().equals("__future__"));
    }

    private void bindTarget(Expr target, Expr value, Expr iterable) {
        switch (target) {
            case Expr.Name n -> {
                Variable v = bind(n.id(), n.span());
                if (v != null && !scope.firstValue.containsKey(v) && !scope.firstIterable.containsKey(v)
                        && !scope.annotations.containsKey(v)) {
                    if (value != null) scope.firstValue.put(v, value);
                    else if (iterable != null) {
                        scope.firstIterable.put(v, iterable);
                        if (iterable instanceof Expr.Call c && c.callee() instanceof Expr.Name cn && cn.id().equals("range")) {
                            scope.rangeLoopVariables.add(v);
                        }
                    }
                }
            }
            case Expr.TupleLit t -> t.elements().forEach(e -> bindTarget(e, null, null));
            case Expr.ListLit l -> l.elements().forEach(e -> bindTarget(e, null, null));
            case Expr.Starred st -> bindTarget(st.value(), null, null);
            default -> uses(target);
        }
    }

    /** Makes {@code name} a variable of this scope (unless declared global/nonlocal); returns it or null. */
    private Variable bind(String name, Span at) {
        noteUse(name, at);
        if (scope.nonlocalDecls.containsKey(name)) return null;
        if (!scope.isModule() && scope.globalDecls.containsKey(name)) return null;
        Variable v = scope.variables.get(name);
        if (v == null) {
            var kind = scope.isModule() ? Variable.Kind.GLOBAL : Variable.Kind.LOCAL;
            v = new Variable(name, kind, scope.function, at);
            scope.variables.put(name, v);
            if (kind == Variable.Kind.LOCAL) {
                v.setIndex(scope.function.frameSize());
                scope.function.locals().add(v);
            }
        }
        return v;
    }

    private void noteUse(String name, Span at) {
        if (trackUses) scope.firstUse.merge(name, at.start(), Math::min);
    }

    /** Records the first use of every name read in an expression (not inside lambdas), when that matters. */
    private void uses(Expr e) {
        if (trackUses) walkUses(e);
    }

    private void walkUses(Expr e) {
        switch (e) {
            case Expr.Name n -> noteUse(n.id(), n.span());
            case Expr.Binary b -> { uses(b.left()); uses(b.right()); }
            case Expr.Unary u -> uses(u.operand());
            case Expr.Compare c -> { uses(c.left()); c.rights().forEach(this::uses); }
            case Expr.Logical l -> { uses(l.left()); uses(l.right()); }
            case Expr.Conditional c -> { uses(c.test()); uses(c.then()); uses(c.orElse()); }
            case Expr.Call c -> { uses(c.callee()); c.args().forEach(a -> uses(a.value())); }
            case Expr.Attribute a -> uses(a.object());
            case Expr.Index i -> { uses(i.object()); uses(i.index()); }
            case Expr.Slice s -> { if (s.lower() != null) uses(s.lower()); if (s.upper() != null) uses(s.upper()); if (s.step() != null) uses(s.step()); }
            case Expr.ListLit l -> l.elements().forEach(this::uses);
            case Expr.TupleLit t -> t.elements().forEach(this::uses);
            case Expr.SetLit s -> s.elements().forEach(this::uses);
            case Expr.DictLit d -> {
                d.keys().forEach(k -> { if (k != null) uses(k); });
                d.values().forEach(this::uses);
            }
            case Expr.FString f -> {
                for (Expr.FPart p : f.parts()) {
                    if (p instanceof Expr.FField field) {
                        uses(field.expr());
                        if (field.spec() != null) uses(field.spec());
                    }
                }
            }
            case Expr.Starred s -> uses(s.value());
            case Expr.Yield y -> { if (y.value() != null) uses(y.value()); }
            case Expr.Await a -> uses(a.value());
            // `:=` is [full]: reported by the checker, and its target is bound only here.
            case Expr.NamedExpr n -> { uses(n.value()); bind(n.target().id(), n.target().span()); }
            default -> {}
        }
    }

    /** Adds the parameters of a def or lambda to its scope, in order. */
    static void addParams(Scope scope, List<Expr.Param> params) {
        for (Expr.Param p : params) {
            if (scope.variables.containsKey(p.name())) continue; // the parser reports duplicates
            var v = new Variable(p.name(), Variable.Kind.PARAM, scope.function, p.span());
            v.setIndex(scope.function.params().size());
            scope.function.params().add(v);
            scope.variables.put(p.name(), v);
        }
    }

    /** Renumbers locals after parameters once both are known (parameters come first in the frame). */
    static void finishFrame(FunctionInfo f) {
        int i = 0;
        for (Variable v : f.params()) v.setIndex(i++);
        for (Variable v : f.locals()) v.setIndex(i++);
    }
}
