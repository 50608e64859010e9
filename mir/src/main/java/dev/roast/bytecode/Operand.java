package dev.roast.bytecode;

/** The kinds of operand an instruction word can carry; each is one int in the code array except REGS. */
public enum Operand {
    /** A frame slot written by the instruction. */
    DST,
    /** A frame slot read by the instruction. */
    REG,
    /** A frame slot read, or -1 for "none" (an optional message, receiver or spec). */
    OPT_REG,
    /** A count n followed by n frame slots read (arguments, list elements). */
    REGS,
    /** A signed 32-bit immediate (small ints, global indices, slots, op selectors). */
    IMM,
    /** An index into the function's constant pool (numbers, strings, functions, classes, names…). */
    CONST,
    /** An absolute code offset to jump to. */
    TARGET
}
