package dev.roast.frontend.ast;

import dev.roast.frontend.source.Span;
import java.util.List;

/**
 * Expression nodes of the untyped syntax tree, one record per form. Type
 * annotations are parsed as expressions too (as Python does); the checker
 * interprets them.
 */
public sealed interface Expr {
    Span span();

    record Name(String id, Span span) implements Expr {}

    /** An integer literal; negation of a literal is folded by the parser into a negative value. */
    record IntLit(long value, Span span) implements Expr {}

    record FloatLit(double value, Span span) implements Expr {}

    /** A string literal; adjacent literals are already concatenated. */
    record StrLit(String value, Span span) implements Expr {}

    record BoolLit(boolean value, Span span) implements Expr {}

    record NoneLit(Span span) implements Expr {}

    /** `...` */
    record Ellipsis(Span span) implements Expr {}

    /** An f-string (adjacent plain strings folded in as text parts). */
    record FString(List<FPart> parts, Span span) implements Expr {}

    /** A piece of an f-string. */
    sealed interface FPart {
        Span span();
    }

    record FText(String text, Span span) implements FPart {}

    /**
     * A replacement field `{expr!conv:spec}`. conversion is 0 or one of 'r','s','a';
     * spec is null or an f-string (it may itself contain fields); selfDoc marks `{x=}`,
     * whose text (`x=`) then sits in the FText before this field, as Python does.
     */
    record FField(Expr expr, char conversion, FString spec, boolean selfDoc, Span span) implements FPart {}

    record Binary(BinaryOp op, Expr left, Expr right, Span span) implements Expr {}

    record Unary(UnaryOp op, Expr operand, Span span) implements Expr {}

    /** `left ops[0] rights[0] ops[1] rights[1] ...` */
    record Compare(Expr left, List<CompareOp> ops, List<Expr> rights, Span span) implements Expr {}

    /** `and`/`or` of two operands (a chain is left-nested). */
    record Logical(boolean isAnd, Expr left, Expr right, Span span) implements Expr {}

    /** `then if test else orElse` */
    record Conditional(Expr test, Expr then, Expr orElse, Span span) implements Expr {}

    record Lambda(List<Param> params, Expr body, Span span) implements Expr {}

    record Call(Expr callee, List<Arg> args, Span span) implements Expr {}

    record Attribute(Expr object, String name, Span nameSpan, Span span) implements Expr {}

    /** `object[index]`; index is a {@link Slice} for slicing and a {@link TupleLit} for `d[a, b]`. */
    record Index(Expr object, Expr index, Span span) implements Expr {}

    /** `lower:upper:step`, each part nullable; only appears as an Index's index. */
    record Slice(Expr lower, Expr upper, Expr step, Span span) implements Expr {}

    record ListLit(List<Expr> elements, Span span) implements Expr {}

    /** A tuple display, with or without parentheses (`a, b` or `(a, b)` or `()`). */
    record TupleLit(List<Expr> elements, boolean parenthesized, Span span) implements Expr {}

    record SetLit(List<Expr> elements, Span span) implements Expr {}

    /** `{k: v, ...}`; a `**spread` entry has a null key and the spread in values. */
    record DictLit(List<Expr> keys, List<Expr> values, Span span) implements Expr {}

    /** List, set, dict and generator comprehensions. For DICT, element is the key and value the value. */
    record Comprehension(ComprehensionKind kind, Expr element, Expr value, List<ComprehensionFor> generators, Span span)
            implements Expr {}

    enum ComprehensionKind { LIST, SET, DICT, GENERATOR }

    /** One `for target in iter if cond...` clause of a comprehension. */
    record ComprehensionFor(Expr target, Expr iter, List<Expr> conditions, boolean isAsync, Span span) {}

    /** `*value` in a call, a display or an assignment target. */
    record Starred(Expr value, Span span) implements Expr {}

    /** `yield value`, `yield from value` (value nullable for a bare yield). */
    record Yield(Expr value, boolean from, Span span) implements Expr {}

    record Await(Expr value, Span span) implements Expr {}

    /** `target := value` */
    record NamedExpr(Name target, Expr value, Span span) implements Expr {}

    /** A call argument: positional (keyword null), keyword, `*x` or `**x`. */
    record Arg(String keyword, Expr value, ArgKind kind, Span span) {}

    enum ArgKind { POSITIONAL, KEYWORD, STAR, DOUBLE_STAR }

    /** A parameter of a def or lambda; annotation and defaultValue nullable. */
    record Param(String name, Expr annotation, Expr defaultValue, ParamKind kind, Span span) {}

    /** POSITIONAL covers ordinary parameters; a bare `*` makes the following ones KEYWORD_ONLY; `/` makes the preceding ones POSITIONAL_ONLY. */
    enum ParamKind { POSITIONAL_ONLY, POSITIONAL, VARARGS, KEYWORD_ONLY, KWARGS }
}
