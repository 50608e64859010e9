package dev.roast.frontend.parse;

import dev.roast.frontend.ast.Expr;
import dev.roast.frontend.ast.Expr.*;
import dev.roast.frontend.diag.ErrorCode;
import java.util.List;

/** Checks that what stands left of `=`, after `for`/`as`/`del`, or before `+=` can be assigned (E0010). */
final class Targets {
    private Targets() {}

    /** Where a target appears; each place has its own rules and messages, as in Python. */
    enum Use {
        ASSIGN, FOR, WITH, DEL, AUGMENTED, ANNOTATED;

        boolean allowsSequences() {
            return this != AUGMENTED && this != ANNOTATED;
        }
    }

    static void check(Expr target, Use use, TokenStream ts) {
        check(target, use, ts, true);
    }

    private static void check(Expr target, Use use, TokenStream ts, boolean topLevel) {
        switch (target) {
            case Name n -> {}
            case Attribute a -> {}
            case Index i -> {}
            case TupleLit t when use.allowsSequences() -> elements(t.elements(), use, ts);
            case ListLit l when use.allowsSequences() -> elements(l.elements(), use, ts);
            default -> ts.report(ErrorCode.BAD_TARGET, target.span(), message(target, use, topLevel));
        }
    }

    private static void elements(List<Expr> elements, Use use, TokenStream ts) {
        boolean starred = false;
        for (Expr e : elements) {
            if (e instanceof Starred s && use != Use.DEL) {
                if (starred) ts.report(ErrorCode.BAD_TARGET, s.span(), "multiple starred expressions in assignment");
                starred = true;
                check(s.value(), use, ts, false);
            } else {
                check(e, use, ts, false);
            }
        }
    }

    private static String message(Expr target, Use use, boolean topLevel) {
        String what = describe(target);
        if (target instanceof Starred) {
            return switch (use) {
                case DEL -> "cannot delete starred";
                case AUGMENTED -> "'starred' is an illegal expression for augmented assignment";
                case ANNOTATED -> "illegal target for annotation";
                default -> topLevel ? "starred assignment target must be in a list or tuple"
                        : "cannot use starred expression here";
            };
        }
        return switch (use) {
            case DEL -> "cannot delete " + what;
            case AUGMENTED -> "'" + what + "' is an illegal expression for augmented assignment";
            case ANNOTATED -> target instanceof TupleLit || target instanceof ListLit
                    ? "only single target (not " + what + ") can be annotated"
                    : "illegal target for annotation";
            case ASSIGN -> topLevel
                    ? "cannot assign to " + what + " here. Maybe you meant '==' instead of '='?"
                    : "cannot assign to " + what;
            case FOR, WITH -> "cannot assign to " + what;
        };
    }

    /** Python's name for an expression's form, as its error messages use it. */
    static String describe(Expr e) {
        return switch (e) {
            case BoolLit b -> b.value() ? "True" : "False";
            case NoneLit n -> "None";
            case Ellipsis el -> "ellipsis";
            case IntLit i -> "literal";
            case FloatLit f -> "literal";
            case StrLit s -> "literal";
            case FString f -> "f-string expression";
            case Compare c -> "comparison";
            case Binary b -> "expression";
            case Unary u -> "expression";
            case Logical l -> "expression";
            case Conditional c -> "conditional expression";
            case Lambda l -> "lambda";
            case Call c -> "function call";
            case Name n -> "name";
            case Attribute a -> "attribute";
            case Index i -> "subscript";
            case Slice s -> "slice";
            case TupleLit t -> "tuple";
            case ListLit l -> "list";
            case SetLit s -> "set display";
            case DictLit d -> "dict literal";
            case Comprehension c -> switch (c.kind()) {
                case LIST -> "list comprehension";
                case SET -> "set comprehension";
                case DICT -> "dict comprehension";
                case GENERATOR -> "generator expression";
            };
            case Starred s -> "starred";
            case Yield y -> "yield expression";
            case Await a -> "await expression";
            case NamedExpr n -> "named expression";
        };
    }
}
