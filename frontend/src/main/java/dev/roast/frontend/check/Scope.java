package dev.roast.frontend.check;

import dev.roast.frontend.ast.Expr;
import dev.roast.frontend.hir.FunctionInfo;
import dev.roast.frontend.hir.Variable;
import dev.roast.frontend.types.ClassInfo;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The names of one function's frame (or of the module), as Python decides
 * them: a name assigned anywhere in the body is local unless declared
 * `global` or `nonlocal`. Also remembers where each variable is first given
 * a value, so its type can be inferred before that point is checked.
 */
final class Scope {
    final FunctionInfo function;
    final Scope parent;
    /** The class whose method this is, for `super()` and `self`; null otherwise. */
    final ClassInfo ownerClass;
    final Map<String, Variable> variables = new LinkedHashMap<>();
    final Map<String, Expr.Name> globalDecls = new HashMap<>();
    final Map<String, Expr.Name> nonlocalDecls = new HashMap<>();
    /** Module names bound by `import math` in this scope. */
    final Set<String> modules = new HashSet<>();
    /** Each variable's annotation, wherever in the body it is. */
    final Map<Variable, Expr> annotations = new HashMap<>();
    /** The first value assigned to each unannotated variable, in source order. */
    final Map<Variable, Expr> firstValue = new HashMap<>();
    /** For variables first bound by a `for`: the iterable. */
    final Map<Variable, Expr> firstIterable = new HashMap<>();
    /** For variables first bound by a `for` over `range(...)`: they are ints. */
    final Set<Variable> rangeLoopVariables = new HashSet<>();
    /** Offset of each name's first use in the body, for "used prior to global declaration". */
    final Map<String, Integer> firstUse = new HashMap<>();

    Scope(FunctionInfo function, Scope parent, ClassInfo ownerClass) {
        this.function = function;
        this.parent = parent;
        this.ownerClass = ownerClass;
    }

    boolean isModule() { return parent == null; }
}
