package dev.roast.frontend.check;

import dev.roast.frontend.diag.Diagnostics;
import dev.roast.frontend.hir.FunctionInfo;
import dev.roast.frontend.types.ClassInfo;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** What all checking passes over one module share: diagnostics, symbol tables, and the work still to do. */
final class CheckState {
    final Diagnostics diags;
    final BuiltinClasses builtins = new BuiltinClasses();
    final Map<String, ClassInfo> builtinClasses = builtins.byName();
    final List<FunctionInfo> functions = new ArrayList<>();
    final List<ClassInfo> classes = new ArrayList<>();
    final Map<FunctionInfo, Scope> scopes = new IdentityHashMap<>();
    final Map<ClassInfo.Method, FunctionInfo> methodBodies = new HashMap<>();
    /** Function bodies still to check, in the order they were found. */
    final Deque<Runnable> pendingBodies = new ArrayDeque<>();
    final AnnotationResolver annotations = new AnnotationResolver(this);
    /** Variables whose type is being inferred ahead, to stop at cycles. */
    final java.util.Set<dev.roast.frontend.hir.Variable> inferring = new java.util.HashSet<>();
    Scope moduleScope;
    /** The statement being checked, named in the message of an internal error. */
    dev.roast.frontend.source.Span current;
    /** Above zero while checking speculatively (to infer a type ahead): no errors, no new functions recorded. */
    int speculative;

    CheckState(Diagnostics diags) {
        this.diags = diags;
    }

    void addFunction(FunctionInfo f, Scope scope) {
        scopes.put(f, scope);
        if (speculative == 0) functions.add(f);
    }

    void beginSpeculation() {
        speculative++;
        diags.mute();
    }

    void endSpeculation() {
        speculative--;
        diags.unmute();
    }
}
