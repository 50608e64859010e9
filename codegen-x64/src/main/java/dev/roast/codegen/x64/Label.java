package dev.roast.codegen.x64;

/** A position in one assembler's code that branches can target before it is known; made by {@link Assembler#newLabel()}. */
public final class Label {
    final Assembler owner;
    /** Offset in the code once bound, -1 before. */
    int position = -1;

    Label(Assembler owner) {
        this.owner = owner;
    }

    @Override
    public String toString() {
        return position < 0 ? "Label(unbound)" : "Label(" + position + ")";
    }
}
