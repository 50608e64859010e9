package dev.roast.mir.verify;

import dev.roast.mir.Block;
import dev.roast.mir.Insn;
import dev.roast.mir.MirFunction;
import dev.roast.mir.Terminator;
import java.util.BitSet;

/**
 * Forward "definitely written" dataflow over a function's registers: for each
 * block, the registers every path from the entry has written before it. An
 * instruction writes its destination; IterNext writes its loop value only on
 * the edge into the body. Used by the verifier (temporaries read before they
 * are written) and by the lowering's UnboundLocalError checks.
 */
public final class DefiniteAssignment {
    private DefiniteAssignment() {}

    /** The registers written on entry to each block (indexed by block id), given those written at function entry. */
    public static BitSet[] atBlockEntry(MirFunction f, BitSet atEntry) {
        int n = f.blocks().size();
        var in = new BitSet[n];
        var all = new BitSet();
        all.set(0, f.registerCount());
        for (int i = 0; i < n; i++) in[i] = (BitSet) all.clone();
        in[0] = (BitSet) atEntry.clone();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Block b : f.blocks()) {
                BitSet out = (BitSet) in[b.id()].clone();
                for (Insn i : b.insns()) if (i.dst() >= 0) out.set(i.dst());
                for (int s : MirFunction.successors(b.terminator())) {
                    BitSet target = out;
                    if (b.terminator() instanceof Terminator.IterNext it && s == it.body()) {
                        target = (BitSet) out.clone();
                        target.set(it.dst());
                    }
                    BitSet merged = (BitSet) in[s].clone();
                    merged.and(target);
                    if (s != 0 && !merged.equals(in[s])) {
                        in[s] = merged;
                        changed = true;
                    }
                }
            }
        }
        return in;
    }
}
