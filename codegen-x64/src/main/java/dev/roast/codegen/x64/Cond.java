package dev.roast.codegen.x64;

/** Condition codes of jcc, setcc and cmovcc, declared in encoding order (the low nibble of the opcode). */
public enum Cond {
    O, NO, B, AE, E, NE, BE, A, S, NS, P, NP, L, GE, LE, G;

    /** The opposite condition; the encoding pairs each condition with its negation in bit 0. */
    public Cond negate() {
        return values()[ordinal() ^ 1];
    }

    int code() {
        return ordinal();
    }
}
