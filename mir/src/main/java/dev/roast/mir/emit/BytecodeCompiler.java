package dev.roast.mir.emit;

import dev.roast.bytecode.BytecodeFunction;
import dev.roast.bytecode.BytecodeModule;
import dev.roast.bytecode.BytecodeWriter;
import dev.roast.bytecode.BytecodeWriter.Label;
import dev.roast.bytecode.Opcode;
import dev.roast.frontend.hir.Builtin;
import dev.roast.frontend.hir.FunctionInfo;
import dev.roast.mir.ArithOp;
import dev.roast.mir.Block;
import dev.roast.mir.CompareKind;
import dev.roast.mir.Insn;
import dev.roast.mir.MirFunction;
import dev.roast.mir.MirModule;
import dev.roast.mir.Terminator;
import dev.roast.mir.verify.Registers;
import java.util.BitSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * MIR → bytecode, one instruction selection per MIR instruction (mostly one
 * to one, from the {@link Opcode} table), with three peepholes that matter to
 * the interpreter's dispatch count: a typed comparison feeding only a branch
 * becomes one fused compare-and-jump; `x + small constant` becomes
 * ADD_INT_IMM; a temporary written only to be moved into a variable is
 * written into the variable directly; blocks fall through to their layout
 * successor where they can.
 */
public final class BytecodeCompiler {
    private final MirFunction f;
    private final BytecodeWriter w = new BytecodeWriter();
    private final int[] slot;
    private final int frameSize;
    /** Pairs (slot, constant index), see {@link BytecodeFunction#constantSlots()}. */
    private final int[] constantSlots;
    private final int[] uses;
    /** Per register: how many instructions write it; which are moved into another; the constant a load puts in it. */
    private final int[] defs;
    private final BitSet moved = new BitSet();
    private final Map<Integer, Object> constantIn = new HashMap<>();
    private final Label[] labels;
    /** Block ids in layout order (reverse postorder), and each block's place in it. */
    private final int[] layout;
    private final int[] place;
    /** Loop headers some back-edge reaches (a loop that always breaks has none and counts nothing). */
    private final BitSet reachedBack = new BitSet();
    /** Loop headers that some back-edge reaches other than by a plain jump: they count at the header (LOOP). */
    private final BitSet countedAtHeader = new BitSet();
    /** Per block id: the loop index of a header, given when the header is laid out (before its back-edges). */
    private final int[] loopIndex;
    /** Temporaries holding a small int constant, defined and read once, as the right operand of an int add/sub: immediates. */
    private final Map<Integer, Integer> smallConstants = new HashMap<>();

    private BytecodeCompiler(MirFunction f) {
        this.f = f;
        this.uses = new int[f.registerCount()];
        this.defs = new int[f.registerCount()];
        for (Block b : f.blocks()) {
            for (Insn i : b.insns()) {
                for (int r : Registers.reads(i)) uses[r]++;
                if (i.dst() >= 0) defs[i.dst()]++;
                if (i instanceof Insn.Move m) moved.set(m.src());
                switch (i) {
                    case Insn.LoadInt x -> constantIn.put(x.dst(), x.value());
                    case Insn.LoadFloat x -> constantIn.put(x.dst(), x.value());
                    case Insn.LoadStr x -> constantIn.put(x.dst(), x.value());
                    case Insn.ModuleConstant x when x.module().equals("math") -> constantIn.put(x.dst(), mathConstant(x.name()));
                    default -> {}
                }
            }
            for (int r : Registers.reads(b.terminator())) uses[r]++;
            if (b.terminator() instanceof Terminator.IterNext n) defs[n.dst()]++;
        }
        findFoldableConstants();
        var inSlots = findSlotConstants();
        var excluded = new BitSet();
        inSlots.keySet().forEach(excluded::set);
        var a = SlotAllocator.allocate(f, excluded);
        this.slot = a.slotOf();
        // One slot per distinct constant, after every other slot: a call fills them in (BytecodeFunction.constantSlots).
        var slotOfConstant = new LinkedHashMap<Integer, Integer>();
        int size = a.frameSize();
        for (var e : inSlots.entrySet()) {
            int k = w.constant(e.getValue());
            Integer at = slotOfConstant.get(k);
            if (at == null) slotOfConstant.put(k, at = size++);
            slot[e.getKey()] = at;
        }
        this.frameSize = size;
        this.constantSlots = new int[2 * slotOfConstant.size()];
        int n = 0;
        for (var e : slotOfConstant.entrySet()) {
            constantSlots[n++] = e.getValue();
            constantSlots[n++] = e.getKey();
        }
        this.labels = new Label[f.blocks().size()];
        for (int i = 0; i < labels.length; i++) labels[i] = w.newLabel();
        this.layout = reversePostorder();
        this.place = new int[layout.length];
        this.loopIndex = new int[f.blocks().size()];
        for (int i = 0; i < layout.length; i++) place[layout[i]] = i;
        for (Block b : f.blocks()) {
            for (int target : MirFunction.successors(b.terminator())) {
                if (!isBackEdge(b, target)) continue;
                reachedBack.set(target);
                if (!(b.terminator() instanceof Terminator.Jump)) countedAtHeader.set(target);
            }
        }
    }

    /** In reverse postorder a loop's header comes before every block of its body: an edge back is a back-edge. */
    private boolean isBackEdge(Block from, int target) {
        return f.block(target).isLoopHeader() && place[target] <= place[from.id()];
    }

    /**
     * Temporaries that hold an int (beyond an immediate), float or str constant, are defined once and are
     * not merely moved into a variable (that stays one load into the variable): instructions read them from
     * a constant slot, so a loop no longer reloads its constants every iteration.
     */
    private Map<Integer, Object> findSlotConstants() {
        var out = new LinkedHashMap<Integer, Object>();
        for (var e : constantIn.entrySet()) {
            int r = e.getKey();
            if (r >= f.frameVariables() && defs[r] == 1 && uses[r] > 0 && !moved.get(r) && !smallConstants.containsKey(r)) {
                out.put(r, e.getValue());
            }
        }
        return out;
    }

    /** Small int constants defined once and read only as the right operand of an int add/sub: they become immediates. */
    private void findFoldableConstants() {
        for (Block b : f.blocks()) {
            for (Insn i : b.insns()) {
                if (i instanceof Insn.Arith a && (a.op() == ArithOp.INT_ADD || a.op() == ArithOp.INT_SUB) && a.left() != a.right()) {
                    if (constantIn.get(a.right()) instanceof Long v && defs[a.right()] == 1 && uses[a.right()] == 1
                            && v > Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
                        smallConstants.put(a.right(), (int) (long) v);
                    }
                }
            }
        }
    }

    public static BytecodeModule compile(MirModule m) {
        return compile(m, null);
    }

    /**
     * As {@link #compile(MirModule)}, telling {@code perFunction} each function's compile time in nanoseconds,
     * for `roast vm --stats`; null times nothing.
     */
    public static BytecodeModule compile(MirModule m, LongConsumer perFunction) {
        var byInfo = new IdentityHashMap<FunctionInfo, BytecodeFunction>();
        BytecodeFunction main = timed(m.main(), perFunction);
        byInfo.put(m.main().info(), main);
        var functions = new java.util.ArrayList<BytecodeFunction>();
        for (MirFunction fn : m.functions()) {
            BytecodeFunction b = timed(fn, perFunction);
            functions.add(b);
            byInfo.put(fn.info(), b);
        }
        return new BytecodeModule(main, List.copyOf(functions), byInfo);
    }

    private static BytecodeFunction timed(MirFunction f, LongConsumer perFunction) {
        if (perFunction == null) return compile(f);
        long start = System.nanoTime();
        BytecodeFunction b = compile(f);
        perFunction.accept(System.nanoTime() - start);
        return b;
    }

    public static BytecodeFunction compile(MirFunction f) {
        var c = new BytecodeCompiler(f);
        c.run();
        return c.w.finish(f.info(), c.frameSize, c.constantSlots);
    }

    /**
     * Reverse postorder, visiting a branch's false side (or a loop's exit) first so that its
     * true side (the loop body, the then-branch) is laid out right after it and is reached by falling through.
     */
    private int[] reversePostorder() {
        int n = f.blocks().size();
        var post = new int[n];
        int count = 0;
        var visited = new boolean[n];
        var stack = new java.util.ArrayDeque<int[]>(); // {block, next successor index}
        stack.push(new int[] {0, 0});
        visited[0] = true;
        while (!stack.isEmpty()) {
            int[] top = stack.peek();
            int[] succ = preferredOrder(f.block(top[0]).terminator());
            if (top[1] < succ.length) {
                int s = succ[top[1]++];
                if (!visited[s]) {
                    visited[s] = true;
                    stack.push(new int[] {s, 0});
                }
            } else {
                post[count++] = stack.pop()[0];
            }
        }
        var order = new int[count];
        for (int i = 0; i < count; i++) order[i] = post[count - 1 - i];
        return order;
    }

    private static int[] preferredOrder(Terminator t) {
        return switch (t) {
            case Terminator.Branch b -> new int[] {b.ifFalse(), b.ifTrue()};
            case Terminator.IterNext n -> new int[] {n.exit(), n.body()};
            default -> MirFunction.successors(t);
        };
    }

    private void run() {
        for (int id : layout) {
            Block b = f.block(id);
            w.bind(labels[b.id()]);
            if (reachedBack.get(b.id())) {
                loopIndex[b.id()] = w.newLoop();
                // Usually every back-edge is a jump, and JUMP_LOOP counts it there (one dispatch per iteration less).
                if (countedAtHeader.get(b.id())) w.emit(Opcode.LOOP, b.terminator().span().start(), loopIndex[b.id()]);
            }
            List<Insn> insns = b.insns();
            int last = insns.size();
            Insn.Compare fused = fusableCompare(b);
            if (fused != null) last--;
            for (int k = 0; k < last; k++) {
                Insn i = insns.get(k);
                if (k + 1 < last && insns.get(k + 1) instanceof Insn.Move m && writesIntoMove(i, m)) {
                    slot[i.dst()] = slot[m.dst()]; // the temporary lives only between the two: give it the variable's slot
                    insn(i);
                    k++;
                    continue;
                }
                insn(i);
            }
            terminator(b, fused);
        }
    }

    private int s(int reg) { return reg < 0 ? -1 : slot[reg]; }

    private boolean inConstantSlot(int reg) { return slot[reg] >= firstConstantSlot(); }

    private int firstConstantSlot() { return frameSize - constantSlots.length / 2; }

    /** `t = op(...); v = t` where t is read nowhere else: op can write v itself (instructions read before they write). */
    private boolean writesIntoMove(Insn i, Insn.Move m) {
        int t = i.dst();
        return t >= f.frameVariables() && m.src() == t && uses[t] == 1 && m.dst() < f.frameVariables()
                && !(i instanceof Insn.LoadInt li && smallConstants.containsKey(li.dst()));
    }

    private int[] s(List<Integer> regs) {
        int[] out = new int[regs.size()];
        for (int i = 0; i < out.length; i++) out[i] = slot[regs.get(i)];
        return out;
    }

    private boolean isSmall(long v) { return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE; }

    // ---- instructions ----

    private void insn(Insn i) {
        int at = i.span().start();
        switch (i) {
            case Insn.LoadInt x -> {
                if (smallConstants.containsKey(x.dst()) || inConstantSlot(x.dst())) {
                    // folded into its single user as an immediate, or read from its constant slot
                } else if (isSmall(x.value())) {
                    w.emit(Opcode.LOAD_INT, at, s(x.dst()), (int) x.value());
                } else {
                    w.emit(Opcode.LOAD_CONST, at, s(x.dst()), w.constant(x.value()));
                }
            }
            case Insn.LoadFloat x -> {
                if (!inConstantSlot(x.dst())) w.emit(Opcode.LOAD_CONST, at, s(x.dst()), w.constant(x.value()));
            }
            case Insn.LoadStr x -> {
                if (!inConstantSlot(x.dst())) w.emit(Opcode.LOAD_CONST, at, s(x.dst()), w.constant(x.value()));
            }
            case Insn.LoadBool x -> w.emit(x.value() ? Opcode.LOAD_TRUE : Opcode.LOAD_FALSE, at, s(x.dst()));
            case Insn.LoadNone x -> w.emit(Opcode.LOAD_NONE, at, s(x.dst()));
            case Insn.Move x -> {
                if (s(x.dst()) != s(x.src())) w.emit(Opcode.MOVE, at, s(x.dst()), s(x.src()));
            }
            case Insn.CheckBound x -> w.emit(Opcode.CHECK_BOUND, at, s(x.reg()), w.constant(x.name()));
            case Insn.LoadGlobal x -> w.emit(Opcode.LOAD_GLOBAL, at, s(x.dst()), x.index(), w.constant(x.name()));
            case Insn.StoreGlobal x -> w.emit(Opcode.STORE_GLOBAL, at, x.index(), s(x.src()));
            case Insn.NewCell x -> w.emit(Opcode.NEW_CELL, at, s(x.dst()), s(x.src()));
            case Insn.LoadCell x -> w.emit(Opcode.LOAD_CELL, at, s(x.dst()), s(x.cell()), w.constant(x.name()));
            case Insn.StoreCell x -> w.emit(Opcode.STORE_CELL, at, s(x.cell()), s(x.src()));
            case Insn.LoadCapture x -> w.emit(Opcode.LOAD_CAPTURE, at, s(x.dst()), x.index());
            case Insn.Arith x -> arith(x, at);
            case Insn.Unary x -> {
                Opcode op = Opcode.forUnary(x.op());
                if (op != null) w.emit(op, at, s(x.dst()), s(x.src()));
                else w.emit(Opcode.UNARY_ANY, at, s(x.dst()), s(x.src()), x.op().ordinal());
            }
            case Insn.Compare x -> {
                Opcode op = Opcode.forCompare(x.op());
                if (op != null) w.emit(op, at, s(x.dst()), s(x.left()), s(x.right()));
                else w.emit(Opcode.COMPARE, at, s(x.dst()), s(x.left()), s(x.right()), x.op().ordinal());
            }
            case Insn.CheckType x -> w.emit(Opcode.CHECK_TYPE, at, s(x.dst()), s(x.src()), w.constant(x.type()));
            case Insn.CallDirect x -> w.emit(Opcode.CALL_DIRECT, at, s(x.dst()), w.constant(x.function()), s(x.args()));
            case Insn.CallVirtual x -> w.emit(Opcode.CALL_VIRTUAL, at, s(x.dst()), w.constant(x.method()), s(x.args()));
            case Insn.CallValue x -> w.emit(Opcode.CALL_VALUE, at, s(x.dst()), s(x.callee()), s(x.args()));
            case Insn.CallDynamic x -> w.emit(Opcode.CALL_DYNAMIC, at, s(x.dst()), s(x.receiver()), w.constant(x.name()), s(x.args()));
            case Insn.CallBuiltin x when x.builtin() == Builtin.LEN && x.args().size() == 1 && x.keywordNames().isEmpty() ->
                    w.emit(Opcode.LEN, at, s(x.dst()), s(x.args().getFirst()));
            case Insn.CallBuiltin x -> w.emit(Opcode.CALL_BUILTIN, at, s(x.dst()), w.constant(x.builtin()), s(x.args()),
                    w.constant(x.keywordNames().toArray(new String[0])), s(x.keywordArgs()));
            case Insn.CallBuiltinMethod x -> w.emit(Opcode.CALL_METHOD, at, s(x.dst()), w.constant(x.method()), s(x.receiver()),
                    s(x.args()), w.constant(x.keywordNames().toArray(new String[0])), s(x.keywordArgs()));
            case Insn.MakeFunction x -> w.emit(Opcode.MAKE_FUNCTION, at, s(x.dst()), w.constant(x.function()), s(x.cells()));
            case Insn.LoadClass x -> w.emit(Opcode.LOAD_CLASS, at, s(x.dst()), w.constant(x.cls()));
            case Insn.LoadBuiltin x -> w.emit(Opcode.LOAD_BUILTIN, at, s(x.dst()), w.constant(x.builtin()));
            case Insn.Alloc x -> w.emit(Opcode.ALLOC, at, s(x.dst()), w.constant(x.cls()));
            case Insn.InitException x -> w.emit(Opcode.INIT_EXCEPTION, at, s(x.self()), s(x.message()));
            case Insn.NewException x -> w.emit(Opcode.NEW_EXCEPTION, at, s(x.dst()), w.constant(x.cls()), s(x.message()));
            case Insn.GetField x -> w.emit(Opcode.GET_FIELD, at, s(x.dst()), s(x.object()), x.field().slot(), w.constant(x.field()));
            case Insn.SetField x -> w.emit(Opcode.SET_FIELD, at, s(x.object()), x.field().slot(), s(x.src()));
            case Insn.GetConstant x -> w.emit(Opcode.GET_CONSTANT, at, s(x.dst()), s(x.receiver()), w.constant(x.constant()));
            case Insn.SetConstant x -> w.emit(Opcode.SET_CONSTANT, at, s(x.receiver()), w.constant(x.constant()), s(x.src()));
            case Insn.GetAttr x -> w.emit(Opcode.GET_ATTR, at, s(x.dst()), s(x.object()), w.constant(x.name()));
            case Insn.SetAttr x -> w.emit(Opcode.SET_ATTR, at, s(x.object()), w.constant(x.name()), s(x.src()));
            case Insn.BindMethod x -> w.emit(Opcode.BIND_METHOD, at, s(x.dst()), s(x.receiver()), w.constant(x.method()));
            case Insn.ModuleConstant x when x.module().equals("math") -> {
                if (!inConstantSlot(x.dst())) w.emit(Opcode.LOAD_CONST, at, s(x.dst()), w.constant(mathConstant(x.name())));
            }
            case Insn.ModuleConstant x -> w.emit(Opcode.LOAD_MODULE_VALUE, at, s(x.dst()), w.constant(x.module() + "." + x.name()));
            case Insn.MakeList x -> w.emit(Opcode.MAKE_LIST, at, s(x.dst()), s(x.elements()));
            case Insn.MakeDict x -> {
                int[] pairs = new int[x.keys().size() * 2];
                for (int k = 0; k < x.keys().size(); k++) {
                    pairs[2 * k] = slot[x.keys().get(k)];
                    pairs[2 * k + 1] = slot[x.values().get(k)];
                }
                w.emit(Opcode.MAKE_DICT, at, s(x.dst()), pairs);
            }
            case Insn.GetItem x -> {
                switch (x.kind()) {
                    case LIST -> w.emit(Opcode.GET_ITEM_LIST, at, s(x.dst()), s(x.object()), s(x.index()));
                    case STR -> w.emit(Opcode.GET_ITEM_STR, at, s(x.dst()), s(x.object()), s(x.index()));
                    case DICT -> w.emit(Opcode.GET_ITEM_DICT, at, s(x.dst()), s(x.object()), s(x.index()));
                    default -> w.emit(Opcode.GET_ITEM, at, s(x.dst()), s(x.object()), s(x.index()), x.kind().ordinal());
                }
            }
            case Insn.SetItem x -> {
                switch (x.kind()) {
                    case LIST -> w.emit(Opcode.SET_ITEM_LIST, at, s(x.object()), s(x.index()), s(x.src()));
                    case DICT -> w.emit(Opcode.SET_ITEM_DICT, at, s(x.object()), s(x.index()), s(x.src()));
                    default -> w.emit(Opcode.SET_ITEM, at, s(x.object()), s(x.index()), s(x.src()), x.kind().ordinal());
                }
            }
            case Insn.DelItem x -> w.emit(Opcode.DEL_ITEM, at, s(x.object()), s(x.index()), x.kind().ordinal());
            case Insn.ListInPlace x -> w.emit(Opcode.LIST_IN_PLACE, at, s(x.list()), s(x.other()), x.op().ordinal());
            case Insn.FormatValue x -> w.emit(Opcode.FORMAT, at, s(x.dst()), s(x.src()), (int) x.conversion(), s(x.spec()));
            case Insn.BuildString x -> w.emit(Opcode.BUILD_STRING, at, s(x.dst()), s(x.parts()));
            case Insn.IterStart x -> w.emit(Opcode.ITER_START, at, s(x.dst()), s(x.iterable()));
        }
    }

    private void arith(Insn.Arith x, int at) {
        Integer imm = smallConstants.get(x.right());
        if (imm != null) {
            // Both INT_ADD and INT_SUB: x - k is x + (-k); k != MIN_VALUE was checked when folding.
            w.emit(Opcode.ADD_INT_IMM, at, s(x.dst()), s(x.left()), x.op() == ArithOp.INT_ADD ? imm : -imm);
            return;
        }
        Opcode op = Opcode.forArith(x.op());
        if (op != null) w.emit(op, at, s(x.dst()), s(x.left()), s(x.right()));
        else w.emit(Opcode.ARITH_ANY, at, s(x.dst()), s(x.left()), s(x.right()), x.op().ordinal());
    }

    private static double mathConstant(String name) {
        return switch (name) {
            case "pi" -> Math.PI;
            case "e" -> Math.E;
            case "tau" -> 2 * Math.PI;
            case "inf" -> Double.POSITIVE_INFINITY;
            case "nan" -> Double.NaN;
            default -> throw new IllegalArgumentException("math." + name);
        };
    }

    // ---- control flow ----

    /** The block's last instruction when it is a typed int/float comparison read only by the block's branch. */
    private Insn.Compare fusableCompare(Block b) {
        if (b.insns().isEmpty() || !(b.terminator() instanceof Terminator.Branch br)) return null;
        if (!(b.insns().getLast() instanceof Insn.Compare c) || c.dst() != br.condition() || uses[c.dst()] != 1) return null;
        return Opcode.jumpUnless(c.op()) != null ? c : null;
    }

    private boolean fallsTo(Block b, int target) {
        return place[target] == place[b.id()] + 1;
    }

    private void terminator(Block b, Insn.Compare fused) {
        Terminator t = b.terminator();
        int at = t.span().start();
        switch (t) {
            case Terminator.Jump j -> {
                if (isBackEdge(b, j.target()) && !countedAtHeader.get(j.target())) {
                    w.emit(Opcode.JUMP_LOOP, at, labels[j.target()], loopIndex[j.target()]);
                } else if (!fallsTo(b, j.target())) {
                    w.emit(Opcode.JUMP, at, labels[j.target()]);
                }
            }
            case Terminator.Branch br -> {
                if (fused != null) {
                    branchFused(b, br, fused, at);
                } else if (fallsTo(b, br.ifTrue())) {
                    w.emit(Opcode.JUMP_IF_FALSE, at, s(br.condition()), labels[br.ifFalse()]);
                } else {
                    w.emit(Opcode.JUMP_IF_TRUE, at, s(br.condition()), labels[br.ifTrue()]);
                    if (!fallsTo(b, br.ifFalse())) w.emit(Opcode.JUMP, at, labels[br.ifFalse()]);
                }
            }
            case Terminator.Return r -> {
                if (r.value() < 0) w.emit(Opcode.RETURN_NONE, at);
                else w.emit(Opcode.RETURN, at, s(r.value()));
            }
            case Terminator.Raise r -> w.emit(Opcode.RAISE, at, s(r.exception()));
            case Terminator.RaiseAssertion r -> w.emit(Opcode.RAISE_ASSERTION, at, s(r.message()));
            case Terminator.IterNext n -> {
                w.emit(Opcode.ITER_NEXT, at, s(n.dst()), s(n.iterator()), labels[n.exit()]);
                if (!fallsTo(b, n.body())) w.emit(Opcode.JUMP, at, labels[n.body()]);
            }
        }
    }

    private void branchFused(Block b, Terminator.Branch br, Insn.Compare c, int at) {
        int cat = c.span().start();
        if (fallsTo(b, br.ifTrue())) {
            w.emit(Opcode.jumpUnless(c.op()), cat, s(c.left()), s(c.right()), labels[br.ifFalse()]);
            return;
        }
        // Jumping when the comparison holds: ints can negate it exactly; floats cannot (NaN), so they jump twice.
        CompareKind negated = c.op().operand == dev.roast.frontend.types.Type.INT ? negate(c.op()) : null;
        if (negated != null && fallsTo(b, br.ifFalse())) {
            w.emit(Opcode.jumpUnless(negated), cat, s(c.left()), s(c.right()), labels[br.ifTrue()]);
            return;
        }
        w.emit(Opcode.jumpUnless(c.op()), cat, s(c.left()), s(c.right()), labels[br.ifFalse()]);
        if (!fallsTo(b, br.ifTrue())) w.emit(Opcode.JUMP, at, labels[br.ifTrue()]);
    }

    private static CompareKind negate(CompareKind k) {
        return switch (k) {
            case INT_LT -> CompareKind.INT_GE;
            case INT_LE -> CompareKind.INT_GT;
            case INT_GT -> CompareKind.INT_LE;
            case INT_GE -> CompareKind.INT_LT;
            case INT_EQ -> CompareKind.INT_NE;
            case INT_NE -> CompareKind.INT_EQ;
            default -> null;
        };
    }

}
