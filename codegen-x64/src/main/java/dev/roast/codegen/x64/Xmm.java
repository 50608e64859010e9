package dev.roast.codegen.x64;

/** The sixteen SSE registers, declared in hardware encoding order. */
public enum Xmm {
    XMM0, XMM1, XMM2, XMM3, XMM4, XMM5, XMM6, XMM7, XMM8, XMM9, XMM10, XMM11, XMM12, XMM13, XMM14, XMM15;

    /** The register number 0..15 as encoded: the low three bits go in ModRM, bit 3 in REX. */
    public int code() {
        return ordinal();
    }
}
