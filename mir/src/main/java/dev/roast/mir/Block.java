package dev.roast.mir;

import java.util.ArrayList;
import java.util.List;

/** A basic block: straight-line instructions, then one terminator. {@code loopHeader} marks back-edge targets. */
public final class Block {
    private int id;
    private final List<Insn> insns = new ArrayList<>();
    private Terminator terminator;
    private boolean loopHeader;

    public Block(int id) {
        this.id = id;
    }

    public int id() { return id; }

    void renumber(int newId) { id = newId; }

    public List<Insn> insns() { return insns; }

    public Terminator terminator() { return terminator; }

    public void setTerminator(Terminator t) { terminator = t; }

    public boolean isLoopHeader() { return loopHeader; }

    public void markLoopHeader() { loopHeader = true; }
}
