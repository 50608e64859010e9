package dev.roast.codegen.x64;

import java.util.Objects;

/**
 * A memory operand {@code [base + index*scale + disp]}.
 *
 * <p>Illegal addresses are rejected here rather than at encoding time, so that the instruction
 * that uses one never has half its bytes emitted.
 */
public record Mem(Reg base, Reg index, int scale, int disp) {
    public Mem {
        Objects.requireNonNull(base, "base register");
        // The SIB encoding of index 100 without REX.X means "no index", so rsp can never be one.
        if (index == Reg.RSP) throw new IllegalArgumentException("rsp cannot be an index register");
        if (scale != 1 && scale != 2 && scale != 4 && scale != 8) {
            throw new IllegalArgumentException("scale must be 1, 2, 4 or 8, not " + scale);
        }
        if (index == null && scale != 1) throw new IllegalArgumentException("scale " + scale + " without an index register");
    }

    public static Mem of(Reg base, int disp) {
        return new Mem(base, null, 1, disp);
    }

    public static Mem of(Reg base, Reg index, int scale, int disp) {
        return new Mem(base, Objects.requireNonNull(index, "index register"), scale, disp);
    }
}
