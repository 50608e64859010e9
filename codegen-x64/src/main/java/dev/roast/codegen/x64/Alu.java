package dev.roast.codegen.x64;

/**
 * The classic two-operand integer ALU group; each member's opcode extension also picks its
 * register-form opcodes ({@code ext*8 + 1}, {@code ext*8 + 3}) and accumulator form ({@code ext*8 + 5}).
 */
enum Alu {
    ADD(0), OR(1), AND(4), SUB(5), XOR(6), CMP(7);

    final int ext;

    Alu(int ext) {
        this.ext = ext;
    }
}
