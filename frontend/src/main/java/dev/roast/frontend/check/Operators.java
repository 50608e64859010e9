package dev.roast.frontend.check;

import dev.roast.frontend.ast.BinaryOp;
import dev.roast.frontend.ast.Expr;
import dev.roast.frontend.diag.ErrorCode;
import dev.roast.frontend.source.Span;
import dev.roast.frontend.types.Type;

/** The static typing rules of the binary operators (spec §4) on statically known operand types. */
final class Operators {
    private Operators() {}

    /** The result type of {@code l op r}, or null if the operator does not apply. Neither side is `any`. */
    static Type binaryResult(BinaryOp op, Type l, Type r, Expr rightAst) {
        boolean numeric = l.isNumeric() && r.isNumeric();
        Type arithmetic = l == Type.FLOAT || r == Type.FLOAT ? Type.FLOAT : Type.INT;
        return switch (op) {
            case ADD -> {
                if (numeric) yield arithmetic;
                if (l == Type.STR && r == Type.STR) yield Type.STR;
                if (l instanceof Type.ListOf(Type a) && r instanceof Type.ListOf(Type b)) {
                    yield a.equals(b) ? l : new Type.ListOf(Type.ANY);
                }
                yield null;
            }
            case SUB, FLOOR_DIV, MOD -> numeric ? arithmetic : null;
            case MUL -> {
                if (numeric) yield arithmetic;
                if (l == Type.STR && r == Type.INT || l == Type.INT && r == Type.STR) yield Type.STR;
                if (l instanceof Type.ListOf && r == Type.INT) yield l;
                if (r instanceof Type.ListOf && l == Type.INT) yield r;
                yield null;
            }
            case DIV -> numeric ? Type.FLOAT : null;
            case POW -> {
                if (!numeric) yield null;
                // spec §4: int ** int is int, except that a negative literal exponent gives float.
                if (arithmetic == Type.INT && rightAst instanceof Expr.IntLit i && i.value() < 0) yield Type.FLOAT;
                yield arithmetic;
            }
            case BIT_AND, BIT_OR, BIT_XOR -> {
                if (l == Type.INT && r == Type.INT) yield Type.INT;
                if (l == Type.BOOL && r == Type.BOOL) yield Type.BOOL;
                yield null;
            }
            case LSHIFT, RSHIFT -> l == Type.INT && r == Type.INT ? Type.INT : null;
            case MATMUL -> null;
        };
    }

    static String binaryMessage(BinaryOp op, Type l, Type r) {
        String a = "'" + l + "'", b = "'" + r + "'";
        return switch (op) {
            case ADD -> "cannot add " + a + " and " + b;
            case SUB -> "cannot subtract " + b + " from " + a;
            case MUL -> "cannot multiply " + a + " by " + b;
            case DIV, FLOOR_DIV -> "cannot divide " + a + " by " + b;
            default -> "unsupported operand types for " + op.symbol + ": " + a + " and " + b;
        };
    }

    /** Dict keys must be hashable: int, float, bool, str, class instances (spec §3), or `any`. */
    static void checkKeyType(ExprChecker checker, Type key, Span at) {
        boolean ok = switch (key) {
            case Type.Prim p -> p != Type.NONE;
            case Type.Instance i -> true;
            default -> false;
        };
        if (!ok) checker.diags.error(ErrorCode.MISMATCHED_TYPES, at, "'" + key + "' cannot be a dict key (unhashable)");
    }
}
