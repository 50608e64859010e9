package dev.roast.codegen.x64;

/** The shifts of the C1/D1/D3 group, by their opcode extension. */
enum Shift {
    SHL(4), SHR(5), SAR(7);

    final int ext;

    Shift(int ext) {
        this.ext = ext;
    }
}
