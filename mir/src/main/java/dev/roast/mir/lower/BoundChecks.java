package dev.roast.mir.lower;

import dev.roast.mir.Block;
import dev.roast.mir.Insn;
import dev.roast.mir.MirFunction;
import dev.roast.mir.verify.DefiniteAssignment;
import dev.roast.mir.verify.Registers;
import java.util.ArrayList;
import java.util.BitSet;

/**
 * Python raises UnboundLocalError when a local is read before any assignment
 * reached it (the checker accepts such code: the type comes from the first
 * assignment in program order). This pass finds, by forward "definitely
 * assigned" dataflow ({@link DefiniteAssignment}), the reads of locals that some path reaches unassigned,
 * and puts a {@link Insn.CheckBound} before each. Parameters are always
 * assigned; straight-line code needs no check, so typical functions get none.
 */
final class BoundChecks {
    private BoundChecks() {}

    static void insert(MirFunction f) {
        int params = f.paramCount(), locals = f.frameVariables();
        if (locals == params) return;
        var entry = new BitSet();
        entry.set(0, params);
        BitSet[] in = DefiniteAssignment.atBlockEntry(f, entry);
        for (Block b : f.blocks()) {
            BitSet assigned = (BitSet) in[b.id()].clone();
            var out = new ArrayList<Insn>(b.insns().size());
            for (Insn i : b.insns()) {
                for (int r : Registers.reads(i)) {
                    if (r >= params && r < locals && !assigned.get(r)) {
                        out.add(new Insn.CheckBound(r, f.registerName(r), i.span()));
                        assigned.set(r); // one check per block suffices: past it, the local is known bound
                    }
                }
                out.add(i);
                if (i.dst() >= 0 && i.dst() < locals) assigned.set(i.dst());
            }
            for (int r : Registers.reads(b.terminator())) {
                if (r >= params && r < locals && !assigned.get(r)) {
                    out.add(new Insn.CheckBound(r, f.registerName(r), b.terminator().span()));
                    assigned.set(r);
                }
            }
            b.insns().clear();
            b.insns().addAll(out);
        }
    }
}
