package dev.roast.mir.verify;

import dev.roast.frontend.types.Type;
import dev.roast.frontend.types.TypeRules;
import dev.roast.mir.ArithOp;
import dev.roast.mir.Block;
import dev.roast.mir.CompareKind;
import dev.roast.mir.Insn;
import dev.roast.mir.MirFunction;
import dev.roast.mir.MirModule;
import dev.roast.mir.Terminator;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Checks the invariants later stages rely on: every block ends in a
 * terminator whose targets exist, every block is reachable, registers are in
 * range, typed ops get operands of their types, branch conditions are bools,
 * and every temporary is written on every path before it is read (frame
 * variables may be read unassigned: that is Python's UnboundLocalError, a
 * run-time error).
 */
public final class MirVerifier {
    private final MirFunction f;
    private final List<String> problems = new ArrayList<>();

    private MirVerifier(MirFunction f) {
        this.f = f;
    }

    /** The problems found in every function of the module, each prefixed with the function's name; empty if valid. */
    public static List<String> verify(MirModule m) {
        var all = new ArrayList<String>(verify(m.main()));
        for (MirFunction fn : m.functions()) all.addAll(verify(fn));
        return all;
    }

    public static List<String> verify(MirFunction f) {
        var v = new MirVerifier(f);
        v.run();
        return v.problems;
    }

    private void problem(Block b, String what) {
        problems.add(f.info().qualifiedName() + " b" + b.id() + ": " + what);
    }

    private void run() {
        if (f.blocks().isEmpty()) {
            problems.add(f.info().qualifiedName() + ": no blocks");
            return;
        }
        for (Block b : f.blocks()) {
            if (b.terminator() == null) problem(b, "no terminator");
            for (Insn i : b.insns()) instruction(b, i);
            if (b.terminator() != null) terminator(b, b.terminator());
        }
        if (problems.isEmpty()) {
            reachability();
            definedBeforeUse();
        }
    }

    private void reg(Block b, int r, String role) {
        if (r < 0 || r >= f.registerCount()) problem(b, role + " register r" + r + " out of range");
    }

    private void typed(Block b, int r, Type expected, String role) {
        reg(b, r, role);
        if (expected == null || r < 0 || r >= f.registerCount()) return;
        Type actual = f.registerType(r);
        if (expected != Type.ANY && actual != Type.ANY && !TypeRules.isSubtype(actual, expected)) {
            problem(b, role + " r" + r + " is '" + actual + "', expected '" + expected + "'");
        }
    }

    private void instruction(Block b, Insn i) {
        for (int r : Registers.reads(i)) reg(b, r, "operand");
        if (i.dst() >= 0) reg(b, i.dst(), "destination");
        switch (i) {
            case Insn.Arith a -> {
                ArithOp op = a.op();
                if (op == ArithOp.LIST_CONCAT || op == ArithOp.LIST_REPEAT) {
                    if (!(f.registerType(a.left()) instanceof Type.ListOf)) problem(b, op.mnemonic() + " needs a list on the left");
                } else {
                    typed(b, a.left(), op.left, op.mnemonic() + " left");
                }
                typed(b, a.right(), op.right, op.mnemonic() + " right");
                if (op.result != null) typed(b, a.dst(), op.result, op.mnemonic() + " result");
            }
            case Insn.Unary u -> {
                typed(b, u.src(), u.op().operand, u.op().mnemonic() + " operand");
                if (u.op().result != null) typed(b, u.dst(), u.op().result, u.op().mnemonic() + " result");
            }
            case Insn.Compare c -> {
                CompareKind k = c.op();
                typed(b, c.left(), k.operand, k.mnemonic() + " left");
                typed(b, c.right(), k.operand, k.mnemonic() + " right");
                typed(b, c.dst(), Type.BOOL, k.mnemonic() + " result");
            }
            case Insn.CallDirect c -> {
                if (c.args().size() != c.function().params().size()) {
                    problem(b, "call of " + c.function().qualifiedName() + " with " + c.args().size() + " arguments");
                }
            }
            default -> {}
        }
    }

    private void terminator(Block b, Terminator t) {
        for (int s : MirFunction.successors(t)) {
            if (s < 0 || s >= f.blocks().size()) problem(b, "jump to missing block b" + s);
        }
        switch (t) {
            case Terminator.Branch br -> typed(b, br.condition(), Type.BOOL, "branch condition");
            case Terminator.Return r -> { if (r.value() >= 0) reg(b, r.value(), "return value"); }
            case Terminator.Raise r -> reg(b, r.exception(), "raised value");
            case Terminator.IterNext n -> { reg(b, n.iterator(), "iterator"); reg(b, n.dst(), "loop value"); }
            default -> {}
        }
    }

    private void reachability() {
        var reached = new BitSet();
        var work = new java.util.ArrayDeque<Integer>();
        work.push(0);
        reached.set(0);
        while (!work.isEmpty()) {
            for (int s : MirFunction.successors(f.block(work.pop()).terminator())) {
                if (!reached.get(s)) { reached.set(s); work.push(s); }
            }
        }
        for (Block b : f.blocks()) if (!reached.get(b.id())) problem(b, "unreachable");
    }

    /** Temporaries must be written on every path before they are read (frame variables start written). */
    private void definedBeforeUse() {
        var entry = new BitSet();
        entry.set(0, f.frameVariables());
        BitSet[] in = DefiniteAssignment.atBlockEntry(f, entry);
        for (Block b : f.blocks()) {
            BitSet have = (BitSet) in[b.id()].clone();
            for (Insn i : b.insns()) {
                for (int r : Registers.reads(i)) if (!have.get(r)) problem(b, "r" + r + " read before it is written (" + i + ")");
                if (i.dst() >= 0) have.set(i.dst());
            }
            for (int r : Registers.reads(b.terminator())) if (!have.get(r)) problem(b, "r" + r + " read before it is written by the terminator");
        }
    }

}
