package dev.roast.frontend.check;

import dev.roast.frontend.CompilerFailure;
import dev.roast.frontend.ast.Module;
import dev.roast.frontend.ast.Stmt;
import dev.roast.frontend.diag.Diagnostics;
import dev.roast.frontend.diag.ErrorCode;
import dev.roast.frontend.hir.FunctionInfo;
import dev.roast.frontend.hir.HModule;
import dev.roast.frontend.hir.Variable;
import dev.roast.frontend.source.Span;
import dev.roast.frontend.types.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * The type checker's entry point: resolves names and checks types of one
 * module (spec §3–§9), producing its HIR, or diagnostics.
 *
 * <p>Order: module scope and class names; annotated globals; signatures,
 * class members and field types; the module's top-level code (which fixes the
 * types of unannotated globals in program order); then every function body.
 */
public final class Checker {
    private final CheckState state;
    private final Declarations declarations;

    private Checker(Diagnostics diags) {
        this.state = new CheckState(diags);
        this.declarations = new Declarations(state, this);
    }

    /** Checks a parsed module; the result is meaningful only if {@code diags} has no errors afterwards. */
    public static HModule check(Module module, Diagnostics diags) {
        var checker = new Checker(diags);
        try {
            return checker.run(module);
        } catch (RuntimeException | StackOverflowError e) {
            var at = checker.state.current;
            throw new CompilerFailure(e, diags.file().position(at == null ? 0 : at.start()));
        }
    }

    private HModule run(Module module) {
        var main = new FunctionInfo("<module>", FunctionInfo.Kind.MODULE, null, null,
                new Span(0, module.file().text().length()));
        main.setResult(Type.NONE, false);
        var moduleScope = new Scope(main, null, null);
        state.moduleScope = moduleScope;
        state.scopes.put(main, moduleScope);
        ScopeBuilder.build(moduleScope, module.body());
        declareGlobalsOfFunctions(module.body(), main);

        declarations.declareClasses(module.body());
        declarations.resolveAnnotations(moduleScope);
        declarations.declareFunctionsAndMembers(module.body());

        main.setBody(new StmtChecker(state, moduleScope, declarations).block(module.body()));
        while (!state.pendingBodies.isEmpty()) state.pendingBodies.poll().run();

        var globals = new ArrayList<Variable>();
        for (Variable v : moduleScope.variables.values()) {
            v.setIndex(globals.size());
            if (v.type() == null) v.setType(Type.ANY);
            globals.add(v);
        }
        return new HModule(module.file(), main, List.copyOf(globals), List.copyOf(state.functions), List.copyOf(state.classes),
                java.util.Collections.unmodifiableMap(state.builtinClasses));
    }

    /** A `global x` in any function makes x a module variable even if the module never assigns it. */
    private void declareGlobalsOfFunctions(List<Stmt> body, FunctionInfo main) {
        for (Stmt s : body) {
            switch (s) {
                case Stmt.FunctionDef d -> globalsIn(d.body(), main);
                case Stmt.ClassDef c -> declareGlobalsOfFunctions(c.body(), main);
                default -> {}
            }
        }
    }

    private void globalsIn(List<Stmt> body, FunctionInfo main) {
        for (Stmt s : body) {
            switch (s) {
                case Stmt.Global g -> g.names().forEach(n -> state.moduleScope.variables.computeIfAbsent(n.id(),
                        id -> new Variable(id, Variable.Kind.GLOBAL, main, n.span())));
                case Stmt.FunctionDef d -> globalsIn(d.body(), main);
                case Stmt.If i -> { globalsIn(i.body(), main); globalsIn(i.orElse(), main); }
                case Stmt.While w -> { globalsIn(w.body(), main); globalsIn(w.orElse(), main); }
                case Stmt.For f -> { globalsIn(f.body(), main); globalsIn(f.orElse(), main); }
                case Stmt.Try t -> {
                    globalsIn(t.body(), main);
                    t.handlers().forEach(h -> globalsIn(h.body(), main));
                    globalsIn(t.orElse(), main);
                    globalsIn(t.finalBody(), main);
                }
                default -> {}
            }
        }
    }

    /** Checks one function's body (queued by {@link Declarations#declareFunction}). */
    void checkBody(FunctionInfo fn, Scope scope, Stmt.FunctionDef d) {
        fn.setBody(new StmtChecker(state, scope, declarations).block(d.body()));
        Type result = fn.result();
        if (fn.isResultAnnotated() && result != Type.NONE && result != Type.ANY && ReturnFlow.canCompleteNormally(d.body())) {
            var diag = state.diags.error(ErrorCode.MISSING_RETURN, d.nameSpan(), "'" + d.name() + "' may end without returning a '" + result + "'");
            state.diags.amendLast(diag.withNote("falling off the end of a function returns None, which a '" + result + "' cannot hold"));
        }
        for (Variable v : fn.locals()) if (v.type() == null) v.setType(Type.ANY);
        ScopeBuilder.finishFrame(fn);
    }
}
