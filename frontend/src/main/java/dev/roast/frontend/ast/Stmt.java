package dev.roast.frontend.ast;

import dev.roast.frontend.source.Span;
import java.util.List;

/** Statement nodes of the untyped syntax tree, one record per form. */
public sealed interface Stmt {
    Span span();

    record ExprStmt(Expr expr, Span span) implements Stmt {}

    /** `t1 = t2 = value`: targets in source order. */
    record Assign(List<Expr> targets, Expr value, Span span) implements Stmt {}

    /** `target: annotation [= value]` (value nullable). */
    record AnnAssign(Expr target, Expr annotation, Expr value, Span span) implements Stmt {}

    record AugAssign(Expr target, BinaryOp op, Expr value, Span span) implements Stmt {}

    /** `elif` is an If alone in orElse, with isElif set. */
    record If(Expr test, List<Stmt> body, List<Stmt> orElse, boolean isElif, Span span) implements Stmt {}

    record While(Expr test, List<Stmt> body, List<Stmt> orElse, Span span) implements Stmt {}

    record For(Expr target, Expr iter, List<Stmt> body, List<Stmt> orElse, boolean isAsync, Span span) implements Stmt {}

    record Break(Span span) implements Stmt {}

    record Continue(Span span) implements Stmt {}

    record Pass(Span span) implements Stmt {}

    /** value nullable. */
    record Return(Expr value, Span span) implements Stmt {}

    /** returns nullable; span covers the whole definition starting at `def` (or `async`). */
    record FunctionDef(String name, Span nameSpan, List<TypeParam> typeParams, List<Expr.Param> params,
                       Expr returns, List<Stmt> body, List<Expr> decorators, boolean isAsync, Span span)
            implements Stmt {}

    /** bases holds positional bases and keywords such as `metaclass=`. */
    record ClassDef(String name, Span nameSpan, List<TypeParam> typeParams, List<Expr.Arg> bases,
                    List<Stmt> body, List<Expr> decorators, Span span) implements Stmt {}

    /** A PEP 695 type parameter `T` or `T: bound`. */
    record TypeParam(String name, Expr bound, Span span) {}

    record Global(List<Expr.Name> names, Span span) implements Stmt {}

    record Nonlocal(List<Expr.Name> names, Span span) implements Stmt {}

    /** message nullable. */
    record Assert(Expr test, Expr message, Span span) implements Stmt {}

    /** exception and cause nullable. */
    record Raise(Expr exception, Expr cause, Span span) implements Stmt {}

    record Try(List<Stmt> body, List<ExceptHandler> handlers, List<Stmt> orElse, List<Stmt> finalBody,
               boolean isStar, Span span) implements Stmt {}

    /** type and name nullable (bare `except:`). */
    record ExceptHandler(Expr type, String name, List<Stmt> body, Span span) {}

    record Delete(List<Expr> targets, Span span) implements Stmt {}

    record Import(List<ImportName> names, Span span) implements Stmt {}

    /** `from module import names`; level counts leading dots; a `*` import has one name "*". */
    record ImportFrom(String module, int level, List<ImportName> names, Span span) implements Stmt {}

    /** `dotted.name [as asName]` (asName nullable). */
    record ImportName(String name, String asName, Span span) {}

    record With(List<WithItem> items, List<Stmt> body, boolean isAsync, Span span) implements Stmt {}

    /** target nullable. */
    record WithItem(Expr context, Expr target, Span span) {}

    /** A `match` statement: parsed only far enough to be reported as unsupported. */
    record Match(Expr subject, Span span) implements Stmt {}

    /** A `type X = ...` alias statement (PEP 695). */
    record TypeAlias(Expr.Name name, List<TypeParam> typeParams, Expr value, Span span) implements Stmt {}
}
