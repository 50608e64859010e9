package dev.roast.mir;

import dev.roast.frontend.types.Type;

/** Every unary operation of MIR: its operand type (ANY: anything) and result type (null: the operand's). */
public enum UnaryKind {
    INT_NEG(Type.INT, Type.INT), FLOAT_NEG(Type.FLOAT, Type.FLOAT), INT_INVERT(Type.INT, Type.INT),
    ANY_NEG(Type.ANY, Type.ANY), ANY_POS(Type.ANY, Type.ANY), ANY_INVERT(Type.ANY, Type.ANY),
    /** Python truthiness of any value. */
    TRUTH(Type.ANY, Type.BOOL),
    /** `not x`: negated truthiness. */
    NOT(Type.ANY, Type.BOOL),
    /** int to float conversion (spec §13 item 6). */
    INT_TO_FLOAT(Type.INT, Type.FLOAT);

    public final Type operand;
    public final Type result;

    UnaryKind(Type operand, Type result) {
        this.operand = operand;
        this.result = result;
    }

    public String mnemonic() { return name().toLowerCase().replaceFirst("_", "."); }
}
