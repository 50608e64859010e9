package dev.roast.mir;

import dev.roast.frontend.ast.BinaryOp;
import dev.roast.frontend.types.Type;

/**
 * Every binary arithmetic operation of MIR, one per operand-type combination:
 * the single table from which lowering, verification and printing derive.
 * {@code left}/{@code right} are the operand types the op requires (ANY:
 * anything), {@code result} its result type (null: the result is the left operand's type,
 * as for list concatenation and repetition).
 */
public enum ArithOp {
    INT_ADD(BinaryOp.ADD, Type.INT, Type.INT, Type.INT),
    INT_SUB(BinaryOp.SUB, Type.INT, Type.INT, Type.INT),
    INT_MUL(BinaryOp.MUL, Type.INT, Type.INT, Type.INT),
    INT_FLOOR_DIV(BinaryOp.FLOOR_DIV, Type.INT, Type.INT, Type.INT),
    INT_MOD(BinaryOp.MOD, Type.INT, Type.INT, Type.INT),
    INT_POW(BinaryOp.POW, Type.INT, Type.INT, Type.INT),
    INT_TRUE_DIV(BinaryOp.DIV, Type.INT, Type.INT, Type.FLOAT),
    INT_AND(BinaryOp.BIT_AND, Type.INT, Type.INT, Type.INT),
    INT_OR(BinaryOp.BIT_OR, Type.INT, Type.INT, Type.INT),
    INT_XOR(BinaryOp.BIT_XOR, Type.INT, Type.INT, Type.INT),
    INT_SHL(BinaryOp.LSHIFT, Type.INT, Type.INT, Type.INT),
    INT_SHR(BinaryOp.RSHIFT, Type.INT, Type.INT, Type.INT),

    FLOAT_ADD(BinaryOp.ADD, Type.FLOAT, Type.FLOAT, Type.FLOAT),
    FLOAT_SUB(BinaryOp.SUB, Type.FLOAT, Type.FLOAT, Type.FLOAT),
    FLOAT_MUL(BinaryOp.MUL, Type.FLOAT, Type.FLOAT, Type.FLOAT),
    FLOAT_DIV(BinaryOp.DIV, Type.FLOAT, Type.FLOAT, Type.FLOAT),
    FLOAT_FLOOR_DIV(BinaryOp.FLOOR_DIV, Type.FLOAT, Type.FLOAT, Type.FLOAT),
    FLOAT_MOD(BinaryOp.MOD, Type.FLOAT, Type.FLOAT, Type.FLOAT),
    FLOAT_POW(BinaryOp.POW, Type.FLOAT, Type.FLOAT, Type.FLOAT),

    BOOL_AND(BinaryOp.BIT_AND, Type.BOOL, Type.BOOL, Type.BOOL),
    BOOL_OR(BinaryOp.BIT_OR, Type.BOOL, Type.BOOL, Type.BOOL),
    BOOL_XOR(BinaryOp.BIT_XOR, Type.BOOL, Type.BOOL, Type.BOOL),

    STR_CONCAT(BinaryOp.ADD, Type.STR, Type.STR, Type.STR),
    /** `s * n`; lowering puts the sequence on the left whatever the source order. */
    STR_REPEAT(BinaryOp.MUL, Type.STR, Type.INT, Type.STR),
    LIST_CONCAT(BinaryOp.ADD, null, null, null),
    LIST_REPEAT(BinaryOp.MUL, null, Type.INT, null),

    ANY_ADD(BinaryOp.ADD), ANY_SUB(BinaryOp.SUB), ANY_MUL(BinaryOp.MUL), ANY_DIV(BinaryOp.DIV),
    ANY_FLOOR_DIV(BinaryOp.FLOOR_DIV), ANY_MOD(BinaryOp.MOD), ANY_POW(BinaryOp.POW),
    ANY_AND(BinaryOp.BIT_AND), ANY_OR(BinaryOp.BIT_OR), ANY_XOR(BinaryOp.BIT_XOR),
    ANY_SHL(BinaryOp.LSHIFT), ANY_SHR(BinaryOp.RSHIFT);

    /** The source operator. */
    public final BinaryOp source;
    /** Required operand types; null for list ops, which take any list type. */
    public final Type left, right;
    /** Result type; null when it is the left operand's (list) type. */
    public final Type result;

    ArithOp(BinaryOp source, Type left, Type right, Type result) {
        this.source = source;
        this.left = left;
        this.right = right;
        this.result = result;
    }

    ArithOp(BinaryOp source) {
        this(source, Type.ANY, Type.ANY, Type.ANY);
    }

    public boolean isGeneric() { return left == Type.ANY; }

    /** Lower-case name used in listings: `int.add`, `any.floor_div`. */
    public String mnemonic() {
        int cut = name().indexOf('_');
        return name().substring(0, cut).toLowerCase() + "." + name().substring(cut + 1).toLowerCase();
    }

    /** The generic op for a source operator, used when an operand is `any`. */
    public static ArithOp generic(BinaryOp op) {
        for (ArithOp a : values()) if (a.isGeneric() && a.source == op) return a;
        throw new IllegalArgumentException("no generic op for " + op);
    }

    /** The op for {@code op} on operands of these static types, or null if there is none (the checker rejected it). */
    public static ArithOp select(BinaryOp op, Type l, Type r) {
        if (l == Type.ANY || r == Type.ANY) return op == BinaryOp.MATMUL ? null : generic(op);
        if (l instanceof Type.ListOf || r instanceof Type.ListOf) {
            if (op == BinaryOp.ADD) return LIST_CONCAT;
            if (op == BinaryOp.MUL) return LIST_REPEAT;
            return null;
        }
        if (op == BinaryOp.MUL && (l == Type.STR || r == Type.STR)) return STR_REPEAT;
        for (ArithOp a : values()) {
            if (!a.isGeneric() && a.source == op && a.left == l && a.right == r) return a;
        }
        return null;
    }
}
