package dev.roast.mir.verify;

import dev.roast.mir.Insn;
import dev.roast.mir.Terminator;
import java.util.ArrayList;
import java.util.List;

/** The registers an instruction or terminator reads (its uses), for the verifier and later register allocation. */
public final class Registers {
    private Registers() {}

    public static List<Integer> reads(Insn i) {
        var r = new ArrayList<Integer>();
        switch (i) {
            case Insn.LoadInt x -> {}
            case Insn.LoadFloat x -> {}
            case Insn.LoadStr x -> {}
            case Insn.LoadBool x -> {}
            case Insn.LoadNone x -> {}
            case Insn.Move x -> r.add(x.src());
            case Insn.CheckBound x -> r.add(x.reg());
            case Insn.LoadGlobal x -> {}
            case Insn.StoreGlobal x -> r.add(x.src());
            case Insn.NewCell x -> { if (x.src() >= 0) r.add(x.src()); }
            case Insn.LoadCell x -> r.add(x.cell());
            case Insn.StoreCell x -> { r.add(x.cell()); r.add(x.src()); }
            case Insn.LoadCapture x -> {}
            case Insn.Arith x -> { r.add(x.left()); r.add(x.right()); }
            case Insn.Unary x -> r.add(x.src());
            case Insn.Compare x -> { r.add(x.left()); r.add(x.right()); }
            case Insn.CheckType x -> r.add(x.src());
            case Insn.CallDirect x -> r.addAll(x.args());
            case Insn.CallVirtual x -> r.addAll(x.args());
            case Insn.CallValue x -> { r.add(x.callee()); r.addAll(x.args()); }
            case Insn.CallDynamic x -> { r.add(x.receiver()); r.addAll(x.args()); }
            case Insn.CallBuiltin x -> { r.addAll(x.args()); r.addAll(x.keywordArgs()); }
            case Insn.CallBuiltinMethod x -> { r.add(x.receiver()); r.addAll(x.args()); r.addAll(x.keywordArgs()); }
            case Insn.MakeFunction x -> r.addAll(x.cells());
            case Insn.LoadClass x -> {}
            case Insn.LoadBuiltin x -> {}
            case Insn.Alloc x -> {}
            case Insn.InitException x -> { r.add(x.self()); if (x.message() >= 0) r.add(x.message()); }
            case Insn.NewException x -> { if (x.message() >= 0) r.add(x.message()); }
            case Insn.GetField x -> r.add(x.object());
            case Insn.SetField x -> { r.add(x.object()); r.add(x.src()); }
            case Insn.GetConstant x -> { if (x.receiver() >= 0) r.add(x.receiver()); }
            case Insn.SetConstant x -> { if (x.receiver() >= 0) r.add(x.receiver()); r.add(x.src()); }
            case Insn.GetAttr x -> r.add(x.object());
            case Insn.SetAttr x -> { r.add(x.object()); r.add(x.src()); }
            case Insn.BindMethod x -> r.add(x.receiver());
            case Insn.ModuleConstant x -> {}
            case Insn.MakeList x -> r.addAll(x.elements());
            case Insn.MakeDict x -> { r.addAll(x.keys()); r.addAll(x.values()); }
            case Insn.GetItem x -> { r.add(x.object()); r.add(x.index()); }
            case Insn.SetItem x -> { r.add(x.object()); r.add(x.index()); r.add(x.src()); }
            case Insn.DelItem x -> { r.add(x.object()); r.add(x.index()); }
            case Insn.ListInPlace x -> { r.add(x.list()); r.add(x.other()); }
            case Insn.FormatValue x -> { r.add(x.src()); if (x.spec() >= 0) r.add(x.spec()); }
            case Insn.BuildString x -> r.addAll(x.parts());
            case Insn.IterStart x -> r.add(x.iterable());
        }
        return r;
    }

    public static List<Integer> reads(Terminator t) {
        return switch (t) {
            case Terminator.Jump j -> List.of();
            case Terminator.Branch b -> List.of(b.condition());
            case Terminator.Return r -> r.value() >= 0 ? List.of(r.value()) : List.of();
            case Terminator.Raise r -> List.of(r.exception());
            case Terminator.RaiseAssertion r -> r.message() >= 0 ? List.of(r.message()) : List.of();
            case Terminator.IterNext n -> List.of(n.iterator());
        };
    }
}
