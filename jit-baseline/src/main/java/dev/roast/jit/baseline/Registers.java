package dev.roast.jit.baseline;

import dev.roast.codegen.x64.Reg;

/**
 * The registers baseline code gives a fixed role, all callee-saved in the System V ABI so that they survive
 * every upcall into the runtime. Everything else is scratch within one bytecode instruction: baseline code
 * keeps every value in its frame slot (architecture decision 4), which is what lets the interpreter carry
 * on with the same frame at any instruction.
 */
final class Registers {
    private Registers() {}

    /** The frame: slot {@code s} is at {@code [FP + 8 s]}. */
    static final Reg FP = Reg.RBX;
    /** The native context (NativeContext's offsets). */
    static final Reg CONTEXT = Reg.R12;
    /** The closure this activation runs with (a function object's word, or None). */
    static final Reg CLOSURE = Reg.R13;
    /** The tag bits of an inline int ({@code PackedValue.INT_TAG_BITS}), which tagging ORs in. */
    static final Reg INT_TAG = Reg.R14;
}
