package dev.roast.mir;

import dev.roast.frontend.ast.CompareOp;
import dev.roast.frontend.types.Type;

/**
 * Every comparison of MIR, typed where both operand types are known: the
 * table that lowering, verification and printing derive from. The result is
 * always a bool.
 */
public enum CompareKind {
    INT_LT(CompareOp.LT, Type.INT), INT_LE(CompareOp.LE, Type.INT), INT_GT(CompareOp.GT, Type.INT),
    INT_GE(CompareOp.GE, Type.INT), INT_EQ(CompareOp.EQ, Type.INT), INT_NE(CompareOp.NE, Type.INT),
    FLOAT_LT(CompareOp.LT, Type.FLOAT), FLOAT_LE(CompareOp.LE, Type.FLOAT), FLOAT_GT(CompareOp.GT, Type.FLOAT),
    FLOAT_GE(CompareOp.GE, Type.FLOAT), FLOAT_EQ(CompareOp.EQ, Type.FLOAT), FLOAT_NE(CompareOp.NE, Type.FLOAT),
    STR_LT(CompareOp.LT, Type.STR), STR_LE(CompareOp.LE, Type.STR), STR_GT(CompareOp.GT, Type.STR),
    STR_GE(CompareOp.GE, Type.STR), STR_EQ(CompareOp.EQ, Type.STR), STR_NE(CompareOp.NE, Type.STR),
    /** Anything else: mixed int/float, lists, instances, `any`; dispatched on the values at run time. */
    ANY_LT(CompareOp.LT, Type.ANY), ANY_LE(CompareOp.LE, Type.ANY), ANY_GT(CompareOp.GT, Type.ANY),
    ANY_GE(CompareOp.GE, Type.ANY), ANY_EQ(CompareOp.EQ, Type.ANY), ANY_NE(CompareOp.NE, Type.ANY),
    IS(CompareOp.IS, Type.ANY), IS_NOT(CompareOp.IS_NOT, Type.ANY),
    /** `a in b`: the container is the right operand. */
    IN(CompareOp.IN, Type.ANY), NOT_IN(CompareOp.NOT_IN, Type.ANY);

    public final CompareOp source;
    /** The type both operands must have (ANY: no requirement). */
    public final Type operand;

    CompareKind(CompareOp source, Type operand) {
        this.source = source;
        this.operand = operand;
    }

    public String mnemonic() {
        int cut = name().indexOf('_');
        return operand == Type.ANY && (this == IS || this == IS_NOT || this == IN || this == NOT_IN)
                ? name().toLowerCase()
                : name().substring(0, cut).toLowerCase() + "." + name().substring(cut + 1).toLowerCase();
    }

    /** The comparison for {@code op} between values of these static types. */
    public static CompareKind select(CompareOp op, Type l, Type r) {
        Type t = l.equals(r) && (l == Type.INT || l == Type.FLOAT || l == Type.STR) ? l : Type.ANY;
        for (CompareKind k : values()) if (k.source == op && k.operand == t) return k;
        for (CompareKind k : values()) if (k.source == op && k.operand == Type.ANY) return k;
        throw new IllegalArgumentException("no comparison for " + op);
    }
}
