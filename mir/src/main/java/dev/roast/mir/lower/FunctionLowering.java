package dev.roast.mir.lower;

import dev.roast.frontend.ast.BinaryOp;
import dev.roast.frontend.ast.CompareOp;
import dev.roast.frontend.hir.Binding;
import dev.roast.frontend.hir.FunctionInfo;
import dev.roast.frontend.hir.HExpr;
import dev.roast.frontend.hir.HStmt;
import dev.roast.frontend.hir.Variable;
import dev.roast.frontend.source.Span;
import dev.roast.frontend.types.ClassInfo;
import dev.roast.frontend.types.Type;
import dev.roast.mir.ArithOp;
import dev.roast.mir.Block;
import dev.roast.mir.CompareKind;
import dev.roast.mir.Insn;
import dev.roast.mir.ItemKind;
import dev.roast.mir.MirFunction;
import dev.roast.mir.Terminator;
import dev.roast.mir.UnaryKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lowers one HIR function to MIR. Expressions go to registers (a variable's
 * own register when it is read, a temporary otherwise); statements become
 * blocks. Code after a return/raise/break/continue in the same block is dead
 * and not lowered, so every block is reachable.
 */
final class FunctionLowering {
    private final FunctionInfo info;
    private final MirFunction f;
    private final Map<ClassInfo.Method, FunctionInfo> methodBodies;
    /** The register holding each cell variable's cell (owned by this function). */
    private final Map<Variable, Integer> cellRegisters = new HashMap<>();
    /** The registers holding this closure's captured cells, by capture index. */
    private final List<Integer> captureRegisters = new ArrayList<>();
    private final Deque<Loop> loops = new ArrayDeque<>();
    /** The block being filled; null after a terminator (what follows is dead code). */
    private Block cur;
    /** Blocks some terminator jumps to. */
    private final java.util.BitSet targeted = new java.util.BitSet();

    /** Where `break` and `continue` go in the innermost loop. */
    private record Loop(Block continueTarget, Block breakTarget) {}

    FunctionLowering(FunctionInfo info, Map<ClassInfo.Method, FunctionInfo> methodBodies) {
        this.info = info;
        this.methodBodies = methodBodies;
        this.f = new MirFunction(info, info.frameSize());
        for (Variable v : info.params()) f.newRegister(v.type(), v.name());
        for (Variable v : info.locals()) f.newRegister(v.type(), v.name());
    }

    MirFunction lower() {
        cur = f.newBlock();
        Span entry = info.span();
        // Cells first: captured parameters move into cells, captured locals start as empty cells.
        for (Variable v : info.params()) {
            if (v.isCell()) cellRegisters.put(v, emitCell(v, v.index(), entry));
        }
        for (Variable v : info.locals()) {
            if (v.isCell()) cellRegisters.put(v, emitCell(v, -1, entry));
        }
        for (int i = 0; i < info.captured().size(); i++) {
            int r = f.newRegister(Type.ANY, "capture:" + info.captured().get(i).name());
            emit(new Insn.LoadCapture(r, i, entry));
            captureRegisters.add(r);
        }
        block(info.body());
        if (cur != null) terminate(new Terminator.Return(-1, new Span(info.span().end(), info.span().end())));
        f.removeUnreachableBlocks();
        return f;
    }

    private int emitCell(Variable v, int initial, Span at) {
        int r = f.newRegister(Type.ANY, "cell:" + v.name());
        emit(new Insn.NewCell(r, initial, at));
        return r;
    }

    // ---- emission helpers ----

    private void emit(Insn insn) {
        cur.insns().add(insn);
    }

    private void terminate(Terminator t) {
        cur.setTerminator(t);
        switch (t) {
            case Terminator.Jump j -> targeted.set(j.target());
            case Terminator.Branch b -> { targeted.set(b.ifTrue()); targeted.set(b.ifFalse()); }
            case Terminator.IterNext n -> { targeted.set(n.body()); targeted.set(n.exit()); }
            default -> {}
        }
        cur = null;
    }

    private void jump(Block target, Span at) {
        if (cur != null) terminate(new Terminator.Jump(target.id(), at));
    }

    private int temp(Type t) {
        return f.newRegister(t, null);
    }

    // ---- statements ----

    private void block(List<HStmt> body) {
        for (HStmt s : body) {
            if (cur == null) return; // dead code after return/raise/break/continue
            statement(s);
        }
    }

    private void statement(HStmt s) {
        switch (s) {
            case HStmt.ExprStmt e -> expr(e.expr());
            case HStmt.Assign a -> {
                int v = expr(a.value());
                for (HStmt.Target t : a.targets()) store(t, v, a.value().type(), a.span());
            }
            case HStmt.AugAssign a -> augmentedAssign(a);
            case HStmt.If i -> ifStatement(i);
            case HStmt.While w -> whileLoop(w);
            case HStmt.ForRange fr -> forRange(fr);
            case HStmt.ForEach fe -> forEach(fe);
            case HStmt.Break b -> {
                jump(loops.peek().breakTarget(), b.span());
            }
            case HStmt.Continue c -> jump(loops.peek().continueTarget(), c.span());
            case HStmt.Return r -> terminate(new Terminator.Return(r.value() == null ? -1 : expr(r.value()), r.span()));
            case HStmt.Def d -> {
                int fn = makeFunction(d.function(), d.span());
                store(d.target(), fn, d.function().type(), d.span());
            }
            case HStmt.ClassDef c -> {
                int cls = temp(new Type.ClassObject(c.cls()));
                emit(new Insn.LoadClass(cls, c.cls(), c.span()));
                store(c.target(), cls, new Type.ClassObject(c.cls()), c.span());
                block(c.constantInits());
            }
            case HStmt.Assert a -> {
                Block ok = f.newBlock(), fail = f.newBlock();
                branchOn(a.test(), ok, fail);
                cur = fail;
                terminate(new Terminator.RaiseAssertion(a.message() == null ? -1 : expr(a.message()), a.span()));
                cur = ok;
            }
            case HStmt.Raise r -> terminate(new Terminator.Raise(expr(r.exception()), r.span()));
            case HStmt.DeleteItem d -> {
                int obj = expr(d.object());
                int idx = expr(d.index());
                emit(new Insn.DelItem(ItemKind.of(d.object().type()), obj, idx, d.span()));
            }
        }
    }

    private void ifStatement(HStmt.If i) {
        Block then = f.newBlock();
        Block orElse = i.orElse().isEmpty() ? null : f.newBlock();
        Block join = f.newBlock();
        branchOn(i.test(), then, orElse != null ? orElse : join);
        cur = then;
        block(i.then());
        jump(join, i.span());
        if (orElse != null) {
            cur = orElse;
            block(i.orElse());
            jump(join, i.span());
        }
        cur = hasPredecessor(join) ? join : null;
    }

    private void whileLoop(HStmt.While w) {
        Block header = f.newBlock(), body = f.newBlock(), exit = f.newBlock();
        header.markLoopHeader();
        jump(header, w.span());
        cur = header;
        boolean forever = w.test() instanceof HExpr.BoolConst b && b.value();
        if (forever) jump(body, w.span());
        else branchOn(w.test(), body, exit);
        loops.push(new Loop(header, exit));
        cur = body;
        block(w.body());
        jump(header, w.span());
        loops.pop();
        cur = hasPredecessor(exit) ? exit : null;
    }

    /** `for v in range(a, b, step)`: a counting loop when the step is a constant, else iteration over a range. */
    private void forRange(HStmt.ForRange fr) {
        long step = fr.step() instanceof HExpr.IntConst c ? c.value() : 0;
        if (step == 0) {
            // The step is known only at run time (or is 0: range() raises): iterate a range object.
            int start = expr(fr.start()), stop = expr(fr.stop()), st = expr(fr.step());
            int range = temp(new Type.View(Type.ViewKind.RANGE, Type.INT));
            emit(new Insn.CallBuiltin(range, dev.roast.frontend.hir.Builtin.RANGE, List.of(start, stop, st), List.of(), List.of(), fr.span()));
            iterate(fr.target(), range, Type.INT, fr.body(), fr.span());
            return;
        }
        // The bounds are evaluated once, into temporaries the body cannot change.
        int counter = temp(Type.INT), stop = temp(Type.INT), stepReg = temp(Type.INT), cond = temp(Type.BOOL);
        emit(new Insn.Move(counter, expr(fr.start()), fr.span()));
        emit(new Insn.Move(stop, expr(fr.stop()), fr.span()));
        emit(new Insn.LoadInt(stepReg, step, fr.span()));
        Block header = f.newBlock(), body = f.newBlock(), latch = f.newBlock(), exit = f.newBlock();
        header.markLoopHeader();
        jump(header, fr.span());
        cur = header;
        emit(new Insn.Compare(step > 0 ? CompareKind.INT_LT : CompareKind.INT_GT, cond, counter, stop, fr.span()));
        terminate(new Terminator.Branch(cond, body.id(), exit.id(), fr.span()));
        loops.push(new Loop(latch, exit));
        cur = body;
        store(fr.target(), counter, Type.INT, fr.span());
        block(fr.body());
        jump(latch, fr.span());
        loops.pop();
        if (hasPredecessor(latch)) {
            cur = latch;
            emit(new Insn.Arith(ArithOp.INT_ADD, counter, counter, stepReg, fr.span()));
            jump(header, fr.span());
        }
        cur = exit;
    }

    private void forEach(HStmt.ForEach fe) {
        int iterable = expr(fe.iterable());
        iterate(fe.target(), iterable, fe.elementType(), fe.body(), fe.span());
    }

    private void iterate(HStmt.Target target, int iterable, Type element, List<HStmt> bodyStmts, Span at) {
        int iterator = temp(Type.ANY), item = temp(element);
        emit(new Insn.IterStart(iterator, iterable, at));
        Block header = f.newBlock(), body = f.newBlock(), exit = f.newBlock();
        header.markLoopHeader();
        jump(header, at);
        cur = header;
        terminate(new Terminator.IterNext(iterator, item, body.id(), exit.id(), at));
        loops.push(new Loop(header, exit));
        cur = body;
        store(target, item, element, at);
        block(bodyStmts);
        jump(header, at);
        loops.pop();
        cur = exit;
    }

    private boolean hasPredecessor(Block b) {
        return targeted.get(b.id());
    }

    private void augmentedAssign(HStmt.AugAssign a) {
        Span at = a.span();
        Type t = a.targetType();
        switch (a.target()) {
            case HStmt.StoreVar v -> {
                int current = load(v.binding(), t, at);
                int result = combine(a, current, at);
                if (result != current || !isOwnRegister(v.binding())) store(v, result, a.resultType(), at);
            }
            case HStmt.SetField sf -> {
                int obj = expr(sf.object());
                int current = temp(t);
                emit(new Insn.GetField(current, obj, sf.field(), at));
                emit(new Insn.SetField(obj, sf.field(), combine(a, current, at), at));
            }
            case HStmt.SetConstant sc -> {
                int recv = sc.receiver() == null ? -1 : expr(sc.receiver());
                int current = temp(t);
                emit(new Insn.GetConstant(current, recv, sc.constant(), at));
                emit(new Insn.SetConstant(recv, sc.constant(), combine(a, current, at), at));
            }
            case HStmt.SetItem si -> {
                ItemKind kind = ItemKind.of(si.object().type());
                int obj = expr(si.object()), idx = expr(si.index());
                int current = temp(t);
                emit(new Insn.GetItem(current, kind, obj, idx, at));
                emit(new Insn.SetItem(kind, obj, idx, combine(a, current, at), at));
            }
            case HStmt.SetAttrDynamic sa -> {
                int obj = expr(sa.object());
                int current = temp(Type.ANY);
                emit(new Insn.GetAttr(current, obj, sa.name(), at));
                emit(new Insn.SetAttr(obj, sa.name(), combine(a, current, at), at));
            }
        }
    }

    /** current op= value: lists change in place (Python's `__iadd__`/`__imul__`); everything else computes a new value. */
    private int combine(HStmt.AugAssign a, int current, Span at) {
        int value = expr(a.value());
        Type t = a.targetType();
        if (t instanceof Type.ListOf && (a.op() == BinaryOp.ADD || a.op() == BinaryOp.MUL)) {
            emit(new Insn.ListInPlace(a.op() == BinaryOp.ADD ? ArithOp.LIST_CONCAT : ArithOp.LIST_REPEAT, current, value, at));
            return current;
        }
        int result = temp(a.resultType());
        emitArith(a.op(), result, current, t, value, a.value().type(), at);
        return result;
    }

    private boolean isOwnRegister(Binding b) {
        return b instanceof Binding.Local(Variable v) && !v.isCell();
    }

    // ---- stores and loads of variables ----

    private void store(HStmt.Target target, int src, Type srcType, Span at) {
        switch (target) {
            case HStmt.StoreVar v -> storeVar(v.binding(), src, srcType, at);
            case HStmt.SetField sf -> {
                int obj = expr(sf.object());
                emit(new Insn.SetField(obj, sf.field(), convert(src, srcType, sf.field().type(), at), at));
            }
            case HStmt.SetConstant sc -> {
                int recv = sc.receiver() == null ? -1 : expr(sc.receiver());
                emit(new Insn.SetConstant(recv, sc.constant(), convert(src, srcType, sc.constant().type(), at), at));
            }
            case HStmt.SetItem si -> {
                int obj = expr(si.object()), idx = expr(si.index());
                emit(new Insn.SetItem(ItemKind.of(si.object().type()), obj, idx, src, at));
            }
            case HStmt.SetAttrDynamic sa -> emit(new Insn.SetAttr(expr(sa.object()), sa.name(), src, at));
        }
    }

    private void storeVar(Binding b, int src, Type srcType, Span at) {
        switch (b) {
            case Binding.Local(Variable v) -> {
                int value = convert(src, srcType, v.type(), at);
                if (v.isCell()) emit(new Insn.StoreCell(cellRegisters.get(v), value, at));
                else if (value != v.index()) emit(new Insn.Move(v.index(), value, at));
            }
            case Binding.Free(Variable v, int index) ->
                    emit(new Insn.StoreCell(captureRegisters.get(index), convert(src, srcType, v.type(), at), at));
            case Binding.Global(Variable v) -> emit(new Insn.StoreGlobal(v.index(), convert(src, srcType, v.type(), at), v.name(), at));
            default -> throw new IllegalStateException("cannot store to " + b);
        }
    }

    /** Converts a value being stored where the static types differ: int to float, or a checked `any`. */
    private int convert(int src, Type from, Type to, Span at) {
        if (to == null || to == Type.ANY || from.equals(to)) return src;
        if (from == Type.INT && to == Type.FLOAT) {
            int r = temp(Type.FLOAT);
            emit(new Insn.Unary(UnaryKind.INT_TO_FLOAT, r, src, at));
            return r;
        }
        if (from == Type.ANY) {
            int r = temp(to);
            emit(new Insn.CheckType(r, src, to, at));
            return r;
        }
        return src; // a subtype (None for a reference, a subclass instance): same representation
    }

    private int load(Binding b, Type type, Span at) {
        return switch (b) {
            case Binding.Local(Variable v) -> {
                if (!v.isCell()) yield v.index();
                int r = temp(type);
                emit(new Insn.LoadCell(r, cellRegisters.get(v), v.name(), at));
                yield r;
            }
            case Binding.Free(Variable v, int index) -> {
                int r = temp(type);
                emit(new Insn.LoadCell(r, captureRegisters.get(index), v.name(), at));
                yield r;
            }
            case Binding.Global(Variable v) -> {
                int r = temp(type);
                emit(new Insn.LoadGlobal(r, v.index(), v.name(), at));
                yield r;
            }
            default -> throw new IllegalStateException("cannot load " + b);
        };
    }

    private int makeFunction(FunctionInfo fn, Span at) {
        var cells = new ArrayList<Integer>();
        for (Variable v : fn.captured()) {
            cells.add(v.owner() == info ? cellRegisters.get(v) : captureRegisters.get(info.captured().indexOf(v)));
        }
        int r = temp(fn.type());
        emit(new Insn.MakeFunction(r, fn, List.copyOf(cells), at));
        return r;
    }

    // ---- conditions ----

    /** Lowers a condition straight to control flow: `and`, `or`, `not` and comparisons never build a bool here. */
    private void branchOn(HExpr e, Block ifTrue, Block ifFalse) {
        switch (e) {
            case HExpr.Logical l when l.isAnd() -> {
                Block right = f.newBlock();
                branchOn(l.left(), right, ifFalse);
                cur = right;
                branchOn(l.right(), ifTrue, ifFalse);
            }
            case HExpr.Logical l -> {
                Block right = f.newBlock();
                branchOn(l.left(), ifTrue, right);
                cur = right;
                branchOn(l.right(), ifTrue, ifFalse);
            }
            case HExpr.Unary u when u.op() == dev.roast.frontend.ast.UnaryOp.NOT -> branchOn(u.operand(), ifFalse, ifTrue);
            case HExpr.BoolConst b -> jump(b.value() ? ifTrue : ifFalse, b.span());
            default -> {
                int c = truth(expr(e), e.type(), e.span());
                terminate(new Terminator.Branch(c, ifTrue.id(), ifFalse.id(), e.span()));
            }
        }
    }

    private int truth(int value, Type type, Span at) {
        if (type == Type.BOOL) return value;
        int r = temp(Type.BOOL);
        emit(new Insn.Unary(UnaryKind.TRUTH, r, value, at));
        return r;
    }

    // ---- expressions ----

    private List<Integer> exprs(List<HExpr> es) {
        var out = new ArrayList<Integer>(es.size());
        for (HExpr e : es) out.add(expr(e));
        return out;
    }

    /** Lowers an expression; returns the register holding its value. */
    private int expr(HExpr e) {
        Span at = e.span();
        switch (e) {
            case HExpr.IntConst c -> {
                int r = temp(Type.INT);
                emit(new Insn.LoadInt(r, c.value(), at));
                return r;
            }
            case HExpr.FloatConst c -> {
                int r = temp(Type.FLOAT);
                emit(new Insn.LoadFloat(r, c.value(), at));
                return r;
            }
            case HExpr.StrConst c -> {
                int r = temp(Type.STR);
                emit(new Insn.LoadStr(r, c.value(), at));
                return r;
            }
            case HExpr.BoolConst c -> {
                int r = temp(Type.BOOL);
                emit(new Insn.LoadBool(r, c.value(), at));
                return r;
            }
            case HExpr.NoneConst c -> {
                int r = temp(Type.NONE);
                emit(new Insn.LoadNone(r, at));
                return r;
            }
            case HExpr.FString fs -> {
                return fstring(fs);
            }
            case HExpr.Load l -> {
                return switch (l.binding()) {
                    case Binding.Builtin b -> {
                        int r = temp(l.type());
                        if (l.type() instanceof Type.ClassObject(ClassInfo cls)) emit(new Insn.LoadClass(r, cls, at));
                        else throw new IllegalStateException("builtin " + b.name() + " as a plain load");
                        yield r;
                    }
                    default -> load(l.binding(), l.type(), at);
                };
            }
            case HExpr.Binary b -> {
                int l = expr(b.left()), r = expr(b.right());
                int dst = temp(b.type());
                emitArith(b.op(), dst, l, b.left().type(), r, b.right().type(), at);
                return dst;
            }
            case HExpr.Unary u -> {
                int v = expr(u.operand());
                Type t = u.operand().type();
                UnaryKind k = switch (u.op()) {
                    case NOT -> UnaryKind.NOT;
                    case NEG -> t == Type.INT ? UnaryKind.INT_NEG : t == Type.FLOAT ? UnaryKind.FLOAT_NEG : UnaryKind.ANY_NEG;
                    case POS -> t == Type.ANY ? UnaryKind.ANY_POS : null;
                    case INVERT -> t == Type.INT ? UnaryKind.INT_INVERT : UnaryKind.ANY_INVERT;
                };
                if (k == null) return v; // +int, +float
                int r = temp(u.type());
                emit(new Insn.Unary(k, r, v, at));
                return r;
            }
            case HExpr.Compare c -> {
                return compare(c);
            }
            case HExpr.Logical l -> {
                // a and b → a if a is falsy else b; a or b → a if a is truthy else b.
                int r = temp(l.type());
                int a = expr(l.left());
                emit(new Insn.Move(r, a, at));
                Block right = f.newBlock(), end = f.newBlock();
                int c = truth(a, l.left().type(), at);
                terminate(l.isAnd() ? new Terminator.Branch(c, right.id(), end.id(), at) : new Terminator.Branch(c, end.id(), right.id(), at));
                cur = right;
                emit(new Insn.Move(r, expr(l.right()), at));
                jump(end, at);
                cur = end;
                return r;
            }
            case HExpr.Conditional c -> {
                int r = temp(c.type());
                Block then = f.newBlock(), orElse = f.newBlock(), end = f.newBlock();
                branchOn(c.test(), then, orElse);
                cur = then;
                emit(new Insn.Move(r, expr(c.then()), at));
                jump(end, at);
                cur = orElse;
                emit(new Insn.Move(r, expr(c.orElse()), at));
                jump(end, at);
                cur = end;
                return r;
            }
            case HExpr.Lambda l -> {
                return makeFunction(l.function(), at);
            }
            case HExpr.Call c -> {
                int callee = expr(c.callee());
                var args = exprs(c.args());
                int r = temp(c.type());
                emit(new Insn.CallValue(r, callee, args, at));
                return r;
            }
            case HExpr.CallFunction c -> {
                var args = exprs(c.args());
                int r = temp(c.type());
                emit(new Insn.CallDirect(r, c.function(), args, at));
                return r;
            }
            case HExpr.CallMethod c -> {
                var args = new ArrayList<Integer>();
                args.add(expr(c.receiver()));
                args.addAll(exprs(c.args()));
                int r = temp(c.type());
                emit(new Insn.CallVirtual(r, c.method(), args, at));
                return r;
            }
            case HExpr.CallSuper c -> {
                int self = expr(c.self());
                var args = exprs(c.args());
                int r = temp(c.type());
                if (c.method().owner().isBuiltin()) {
                    // Exception.__init__(self, [message]): records the message on the instance.
                    emit(new Insn.InitException(self, args.isEmpty() ? -1 : args.get(0), at));
                    emit(new Insn.LoadNone(r, at));
                } else {
                    var all = new ArrayList<Integer>();
                    all.add(self);
                    all.addAll(args);
                    emit(new Insn.CallDirect(r, methodBodies.get(c.method()), all, at));
                }
                return r;
            }
            case HExpr.CallDynamic c -> {
                int recv = expr(c.receiver());
                var args = exprs(c.args());
                int r = temp(Type.ANY);
                emit(new Insn.CallDynamic(r, recv, c.name(), args, at));
                return r;
            }
            case HExpr.CallBuiltin c -> {
                var args = exprs(c.args());
                var names = new ArrayList<String>();
                var kws = new ArrayList<Integer>();
                for (HExpr.Keyword k : c.keywords()) {
                    names.add(k.name());
                    kws.add(expr(k.value()));
                }
                int r = temp(c.type());
                emit(new Insn.CallBuiltin(r, c.builtin(), args, List.copyOf(names), List.copyOf(kws), at));
                return r;
            }
            case HExpr.CallBuiltinMethod c -> {
                int recv = expr(c.receiver());
                var args = exprs(c.args());
                var names = new ArrayList<String>();
                var kws = new ArrayList<Integer>();
                for (HExpr.Keyword k : c.keywords()) {
                    names.add(k.name());
                    kws.add(expr(k.value()));
                }
                int r = temp(c.type());
                emit(new Insn.CallBuiltinMethod(r, c.method(), recv, args, List.copyOf(names), List.copyOf(kws), at));
                return r;
            }
            case HExpr.New n -> {
                var args = exprs(n.args());
                int r = temp(n.type());
                if (n.init() == null) {
                    emit(new Insn.Alloc(r, n.cls(), at));
                } else if (n.init().owner().isBuiltin()) {
                    emit(new Insn.NewException(r, n.cls(), args.isEmpty() ? -1 : args.get(0), at));
                } else {
                    emit(new Insn.Alloc(r, n.cls(), at));
                    var all = new ArrayList<Integer>();
                    all.add(r);
                    all.addAll(args);
                    emit(new Insn.CallDirect(temp(Type.NONE), methodBodies.get(n.init()), all, at));
                }
                return r;
            }
            case HExpr.GetField g -> {
                int obj = expr(g.object());
                int r = temp(g.type());
                emit(new Insn.GetField(r, obj, g.field(), at));
                return r;
            }
            case HExpr.GetConstant g -> {
                int recv = g.receiver() == null ? -1 : expr(g.receiver());
                int r = temp(g.type());
                emit(new Insn.GetConstant(r, recv, g.constant(), at));
                return r;
            }
            case HExpr.GetAttrDynamic g -> {
                int obj = expr(g.object());
                int r = temp(Type.ANY);
                emit(new Insn.GetAttr(r, obj, g.name(), at));
                return r;
            }
            case HExpr.BoundMethod b -> {
                int recv = expr(b.receiver());
                int r = temp(b.type());
                emit(new Insn.BindMethod(r, recv, b.method(), at));
                return r;
            }
            case HExpr.ModuleConstant m -> {
                int r = temp(m.type());
                emit(new Insn.ModuleConstant(r, m.module(), m.name(), at));
                return r;
            }
            case HExpr.BuiltinRef b -> {
                int r = temp(b.type());
                emit(new Insn.LoadBuiltin(r, b.builtin(), at));
                return r;
            }
            case HExpr.Index i -> {
                int obj = expr(i.object()), idx = expr(i.index());
                int r = temp(i.type());
                emit(new Insn.GetItem(r, ItemKind.of(i.object().type()), obj, idx, at));
                return r;
            }
            case HExpr.ListDisplay l -> {
                var elems = exprs(l.elements());
                int r = temp(l.type());
                emit(new Insn.MakeList(r, elems, at));
                return r;
            }
            case HExpr.DictDisplay d -> {
                var keys = new ArrayList<Integer>();
                var values = new ArrayList<Integer>();
                for (int k = 0; k < d.keys().size(); k++) {
                    keys.add(expr(d.keys().get(k)));
                    values.add(expr(d.values().get(k)));
                }
                int r = temp(d.type());
                emit(new Insn.MakeDict(r, keys, values, at));
                return r;
            }
            case HExpr.Coerce c -> {
                return convert(expr(c.value()), c.value().type(), c.type(), at);
            }
        }
    }

    private void emitArith(BinaryOp op, int dst, int l, Type lt, int r, Type rt, Span at) {
        ArithOp a = ArithOp.select(op, lt, rt);
        if (a == null) throw new IllegalStateException("no MIR op for " + lt + " " + op.symbol + " " + rt);
        // Repetition takes the sequence on the left, whatever the source order (`3 * "ab"`).
        boolean swap = (a == ArithOp.STR_REPEAT || a == ArithOp.LIST_REPEAT) && lt == Type.INT;
        emit(new Insn.Arith(a, dst, swap ? r : l, swap ? l : r, at));
    }

    private int compare(HExpr.Compare c) {
        Span at = c.span();
        int result = temp(Type.BOOL);
        int left = expr(c.left());
        Type leftType = c.left().type();
        Block end = c.ops().size() > 1 ? f.newBlock() : null;
        for (int i = 0; i < c.ops().size(); i++) {
            HExpr rightExpr = c.rights().get(i);
            int right = expr(rightExpr);
            CompareOp op = c.ops().get(i);
            emit(new Insn.Compare(CompareKind.select(op, leftType, rightExpr.type()), result, left, right, at));
            if (end != null && i < c.ops().size() - 1) {
                // a < b < c: stop at the first false comparison; b is evaluated once.
                Block next = f.newBlock();
                terminate(new Terminator.Branch(result, next.id(), end.id(), at));
                cur = next;
            }
            left = right;
            leftType = rightExpr.type();
        }
        if (end != null) {
            jump(end, at);
            cur = end;
        }
        return result;
    }

    private int fstring(HExpr.FString fs) {
        var parts = new ArrayList<Integer>();
        for (HExpr.FPart p : fs.parts()) {
            switch (p) {
                case HExpr.FText t -> {
                    int r = temp(Type.STR);
                    emit(new Insn.LoadStr(r, t.text(), fs.span()));
                    parts.add(r);
                }
                case HExpr.FField field -> {
                    int v = expr(field.value());
                    int spec = field.spec() == null ? -1 : expr(field.spec());
                    int r = temp(Type.STR);
                    emit(new Insn.FormatValue(r, v, field.conversion(), spec, field.value().span()));
                    parts.add(r);
                }
            }
        }
        if (parts.size() == 1) return parts.get(0);
        int r = temp(Type.STR);
        emit(new Insn.BuildString(r, parts, fs.span()));
        return r;
    }
}
