package dev.roast.mir;

import dev.roast.frontend.hir.FunctionInfo;
import dev.roast.frontend.types.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * One function in MIR: a control-flow graph (block 0 is the entry) over
 * virtual registers. Registers 0..frameVariables-1 are the function's
 * parameters then locals, in HIR frame-slot order; the rest are temporaries.
 * Each register has one static type.
 */
public final class MirFunction {
    private final FunctionInfo info;
    private final List<Block> blocks = new ArrayList<>();
    private final List<Type> registerTypes = new ArrayList<>();
    private final List<String> registerNames = new ArrayList<>();
    private final int frameVariables;

    public MirFunction(FunctionInfo info, int frameVariables) {
        this.info = info;
        this.frameVariables = frameVariables;
    }

    public FunctionInfo info() { return info; }

    public List<Block> blocks() { return blocks; }

    public Block block(int id) { return blocks.get(id); }

    public Block newBlock() {
        var b = new Block(blocks.size());
        blocks.add(b);
        return b;
    }

    /** Adds a register of the given type; {@code name} is the variable's name or null for a temporary. */
    public int newRegister(Type type, String name) {
        registerTypes.add(type);
        registerNames.add(name);
        return registerTypes.size() - 1;
    }

    public int registerCount() { return registerTypes.size(); }

    public Type registerType(int r) { return registerTypes.get(r); }

    public String registerName(int r) { return registerNames.get(r); }

    /** Registers that are the frame's variables (parameters first); temporaries follow them. */
    public int frameVariables() { return frameVariables; }

    public int paramCount() { return info.params().size(); }

    /** The blocks a terminator can go to next. */
    public static int[] successors(Terminator t) {
        return switch (t) {
            case Terminator.Jump j -> new int[] {j.target()};
            case Terminator.Branch b -> new int[] {b.ifTrue(), b.ifFalse()};
            case Terminator.IterNext n -> new int[] {n.body(), n.exit()};
            case Terminator.Return r -> new int[0];
            case Terminator.Raise r -> new int[0];
            case Terminator.RaiseAssertion r -> new int[0];
        };
    }

    /** Drops blocks no path from the entry reaches (empty joins after returns, say) and renumbers the rest in order. */
    public void removeUnreachableBlocks() {
        var reached = new java.util.BitSet();
        var work = new java.util.ArrayDeque<Integer>();
        work.push(0);
        reached.set(0);
        while (!work.isEmpty()) {
            Terminator t = blocks.get(work.pop()).terminator();
            if (t == null) continue;
            for (int s : successors(t)) if (!reached.get(s)) { reached.set(s); work.push(s); }
        }
        int[] newId = new int[blocks.size()];
        var kept = new ArrayList<Block>();
        for (Block b : blocks) {
            if (reached.get(b.id())) {
                newId[b.id()] = kept.size();
                kept.add(b);
            }
        }
        for (Block b : kept) {
            b.renumber(newId[b.id()]);
            b.setTerminator(switch (b.terminator()) {
                case Terminator.Jump j -> new Terminator.Jump(newId[j.target()], j.span());
                case Terminator.Branch br -> new Terminator.Branch(br.condition(), newId[br.ifTrue()], newId[br.ifFalse()], br.span());
                case Terminator.IterNext n -> new Terminator.IterNext(n.iterator(), n.dst(), newId[n.body()], newId[n.exit()], n.span());
                case null -> null;
                default -> b.terminator();
            });
        }
        blocks.clear();
        blocks.addAll(kept);
    }
}
