package dev.roast.frontend.hir;

import dev.roast.frontend.ast.BinaryOp;
import dev.roast.frontend.source.Span;
import dev.roast.frontend.types.ClassInfo;
import dev.roast.frontend.types.Type;
import java.util.List;

/** A typed, resolved statement. */
public sealed interface HStmt {
    Span span();

    /** Somewhere a value can be stored. */
    sealed interface Target {}

    record StoreVar(String name, Binding binding) implements Target {}

    record SetField(HExpr object, ClassInfo.Field field) implements Target {}

    /** `C.K = v` (receiver null) or `obj.K = v` on a class constant. */
    record SetConstant(HExpr receiver, ClassInfo.Constant constant) implements Target {}

    record SetItem(HExpr object, HExpr index) implements Target {}

    record SetAttrDynamic(HExpr object, String name) implements Target {}

    record ExprStmt(HExpr expr, Span span) implements HStmt {}

    /** `t1 = t2 = value`: value evaluated once, stored left to right. */
    record Assign(List<Target> targets, HExpr value, Span span) implements HStmt {}

    /** `target op= value`; target's parts evaluated once; the result, of {@code resultType}, stored back. */
    record AugAssign(Target target, Type targetType, BinaryOp op, HExpr value, Type resultType, Span span) implements HStmt {}

    record If(HExpr test, List<HStmt> then, List<HStmt> orElse, Span span) implements HStmt {}

    record While(HExpr test, List<HStmt> body, Span span) implements HStmt {}

    /** `for v in range(start, stop, step)` with int bounds evaluated once (step non-zero checked at run time). */
    record ForRange(Target target, HExpr start, HExpr stop, HExpr step, List<HStmt> body, Span span) implements HStmt {}

    /** `for v in iterable` over a list, str, dict (keys), view or `any`. */
    record ForEach(Target target, HExpr iterable, Type elementType, List<HStmt> body, Span span) implements HStmt {}

    record Break(Span span) implements HStmt {}

    record Continue(Span span) implements HStmt {}

    /** value null for a bare `return`. */
    record Return(HExpr value, Span span) implements HStmt {}

    /** A `def`: creates the function value (a closure over its captured cells) and stores it. */
    record Def(Target target, FunctionInfo function, Span span) implements HStmt {}

    /** A `class` statement: stores the class object and initialises its constants in order. */
    record ClassDef(Target target, ClassInfo cls, List<HStmt> constantInits, Span span) implements HStmt {}

    /** message null when absent. */
    record Assert(HExpr test, HExpr message, Span span) implements HStmt {}

    /** `raise E(...)` or `raise E` (a class: instantiated with no arguments). */
    record Raise(HExpr exception, Span span) implements HStmt {}

    /** `del xs[i]`, `del d[k]`. */
    record DeleteItem(HExpr object, HExpr index, Span span) implements HStmt {}
}
