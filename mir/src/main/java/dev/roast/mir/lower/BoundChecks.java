package dev.roast.mir.lower;

import dev.roast.mir.Block;
import dev.roast.mir.Insn;
import dev.roast.mir.MirFunction;
import dev.roast.mir.Terminator;
import dev.roast.mir.verify.Registers;
import java.util.ArrayList;
import java.util.BitSet;

/**
 * Python raises UnboundLocalError when a local is read before any assignment
 * reached it (the checker accepts such code: the type comes from the first
 * assignment in program order). This pass finds, by forward "definitely
 * assigned" dataflow, the reads of locals that some path reaches unassigned,
 * and puts a {@link Insn.CheckBound} before each. Parameters are always
 * assigned; straight-line code needs no check, so typical functions get none.
 */
final class BoundChecks {
    private BoundChecks() {}

    static void insert(MirFunction f) {
        int params = f.paramCount(), locals = f.frameVariables();
        if (locals == params) return;
        int n = f.blocks().size();
        var in = new BitSet[n];
        var all = new BitSet();
        all.set(0, locals);
        for (int i = 0; i < n; i++) in[i] = (BitSet) all.clone();
        var entry = new BitSet();
        entry.set(0, params);
        in[0] = entry;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Block b : f.blocks()) {
                BitSet out = (BitSet) in[b.id()].clone();
                for (Insn i : b.insns()) if (i.dst() >= 0 && i.dst() < locals) out.set(i.dst());
                for (int s : MirFunction.successors(b.terminator())) {
                    BitSet target = (BitSet) out.clone();
                    if (b.terminator() instanceof Terminator.IterNext it && s == it.body() && it.dst() < locals) target.set(it.dst());
                    BitSet merged = (BitSet) in[s].clone();
                    merged.and(target);
                    if (s != 0 && !merged.equals(in[s])) {
                        in[s] = merged;
                        changed = true;
                    }
                }
            }
        }
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
