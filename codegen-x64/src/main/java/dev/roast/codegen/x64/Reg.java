package dev.roast.codegen.x64;

/** The sixteen 64-bit general-purpose registers, declared in hardware encoding order. */
public enum Reg {
    RAX, RCX, RDX, RBX, RSP, RBP, RSI, RDI, R8, R9, R10, R11, R12, R13, R14, R15;

    /** The register number 0..15 as encoded: the low three bits go in ModRM/SIB/opcode, bit 3 in REX. */
    public int code() {
        return ordinal();
    }
}
