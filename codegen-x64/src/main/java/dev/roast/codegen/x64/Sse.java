package dev.roast.codegen.x64;

/** SSE2 instructions of the form {@code prefix 0F op /r} with an xmm register as the ModRM reg operand. */
enum Sse {
    MOVSD_LOAD(0xF2, 0x10), MOVSD_STORE(0xF2, 0x11),
    ADDSD(0xF2, 0x58), SUBSD(0xF2, 0x5C), MULSD(0xF2, 0x59), DIVSD(0xF2, 0x5E), SQRTSD(0xF2, 0x51),
    UCOMISD(0x66, 0x2E), XORPD(0x66, 0x57), ANDPD(0x66, 0x54);

    /** The mandatory prefix; it must come before any REX byte. */
    final int prefix;
    final int opcode;

    Sse(int prefix, int op) {
        this.prefix = prefix;
        this.opcode = 0x0F00 | op;
    }
}
