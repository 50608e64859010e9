package dev.roast.mir.emit;

import dev.roast.mir.Block;
import dev.roast.mir.Insn;
import dev.roast.mir.MirFunction;
import dev.roast.mir.Terminator;
import dev.roast.mir.verify.Registers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.PriorityQueue;

/**
 * Gives MIR temporaries frame slots: liveness by backward dataflow, one
 * interval per temporary over the blocks' linear order (holes ignored), then
 * linear scan reusing the lowest free slot. Frame variables keep their own
 * slots. A slot is reused only after its interval has strictly ended: an
 * interval may start at a block boundary because its value arrives along a
 * loop back-edge, where the dying value is still alive too.
 */
final class SlotAllocator {
    private SlotAllocator() {}

    /** The slot of every MIR register, and the frame size in slots. */
    record Assignment(int[] slotOf, int frameSize) {}

    /** Registers in {@code excluded} get no slot here (the caller places them). */
    static Assignment allocate(MirFunction f, BitSet excluded) {
        int regs = f.registerCount(), fixed = f.frameVariables();
        int blocks = f.blocks().size();
        // Positions: each instruction and each terminator gets one, in block order.
        int[] blockStart = new int[blocks], blockEnd = new int[blocks];
        var use = new BitSet[blocks];
        var def = new BitSet[blocks];
        int pos = 0;
        for (Block b : f.blocks()) {
            blockStart[b.id()] = pos;
            var u = new BitSet();
            var d = new BitSet();
            for (Insn i : b.insns()) {
                for (int r : Registers.reads(i)) if (!d.get(r)) u.set(r);
                if (i.dst() >= 0) d.set(i.dst());
                pos++;
            }
            for (int r : Registers.reads(b.terminator())) if (!d.get(r)) u.set(r);
            if (b.terminator() instanceof Terminator.IterNext n) d.set(n.dst());
            blockEnd[b.id()] = pos++;
            use[b.id()] = u;
            def[b.id()] = d;
        }
        var liveIn = new BitSet[blocks];
        var liveOut = new BitSet[blocks];
        for (int i = 0; i < blocks; i++) {
            liveIn[i] = new BitSet();
            liveOut[i] = new BitSet();
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = blocks - 1; i >= 0; i--) {
                Block b = f.block(i);
                var out = new BitSet();
                for (int s : MirFunction.successors(b.terminator())) out.or(liveIn[s]);
                var in = (BitSet) out.clone();
                in.andNot(def[i]);
                in.or(use[i]);
                if (!in.equals(liveIn[i]) || !out.equals(liveOut[i])) {
                    liveIn[i] = in;
                    liveOut[i] = out;
                    changed = true;
                }
            }
        }
        int[] start = new int[regs], end = new int[regs];
        Arrays.fill(start, Integer.MAX_VALUE);
        Arrays.fill(end, -1);
        pos = 0;
        for (Block b : f.blocks()) {
            int id = b.id();
            for (int r = liveIn[id].nextSetBit(0); r >= 0; r = liveIn[id].nextSetBit(r + 1)) extend(start, end, r, blockStart[id]);
            for (int r = liveOut[id].nextSetBit(0); r >= 0; r = liveOut[id].nextSetBit(r + 1)) extend(start, end, r, blockEnd[id]);
            for (Insn i : b.insns()) {
                for (int r : Registers.reads(i)) extend(start, end, r, pos);
                if (i.dst() >= 0) extend(start, end, i.dst(), pos);
                pos++;
            }
            for (int r : Registers.reads(b.terminator())) extend(start, end, r, pos);
            if (b.terminator() instanceof Terminator.IterNext n) extend(start, end, n.dst(), pos);
            pos++;
        }
        int[] slotOf = new int[regs];
        for (int r = 0; r < fixed; r++) slotOf[r] = r;
        var order = new ArrayList<Integer>();
        for (int r = fixed; r < regs; r++) if (end[r] >= 0 && !excluded.get(r)) order.add(r);
        order.sort((a, b) -> start[a] != start[b] ? Integer.compare(start[a], start[b]) : Integer.compare(a, b));
        var active = new PriorityQueue<Integer>((a, b) -> Integer.compare(end[a], end[b]));
        var free = new PriorityQueue<Integer>();
        int frameSize = fixed;
        for (int r : order) {
            while (!active.isEmpty() && end[active.peek()] < start[r]) free.add(slotOf[active.poll()]);
            slotOf[r] = free.isEmpty() ? frameSize++ : free.poll();
            active.add(r);
        }
        return new Assignment(slotOf, frameSize);
    }

    private static void extend(int[] start, int[] end, int r, int pos) {
        if (pos < start[r]) start[r] = pos;
        if (pos > end[r]) end[r] = pos;
    }

}
