package dev.roast.mir;

import dev.roast.frontend.source.SourceFile;
import dev.roast.frontend.source.Span;
import java.util.List;
import java.util.stream.Collectors;

/** Prints MIR readably (`roast dis --mir`): registers with their types, then blocks, one instruction a line with its source line. */
public final class MirPrinter {
    private final StringBuilder out = new StringBuilder();
    private final SourceFile file;

    private MirPrinter(SourceFile file) {
        this.file = file;
    }

    public static String print(MirModule m) {
        var p = new MirPrinter(m.hir().file());
        p.function(m.main());
        for (MirFunction f : m.functions()) p.function(f);
        return p.out.toString();
    }

    private void function(MirFunction f) {
        if (!out.isEmpty()) out.append('\n');
        out.append("function ").append(f.info().qualifiedName()).append("  ").append(file.name()).append(':')
                .append(file.line(f.info().span().start())).append('\n');
        var regs = new StringBuilder("  registers:");
        for (int r = 0; r < f.registerCount(); r++) {
            regs.append(' ').append('r').append(r);
            if (f.registerName(r) != null) regs.append('=').append(f.registerName(r));
            regs.append(':').append(f.registerType(r));
            if (r == f.frameVariables() - 1) regs.append(" |");
        }
        out.append(regs).append('\n');
        for (Block b : f.blocks()) {
            out.append("  b").append(b.id()).append(':').append(b.isLoopHeader() ? "  (loop header)" : "").append('\n');
            for (Insn i : b.insns()) line(insn(i), i.span());
            line(terminator(b.terminator()), b.terminator().span());
        }
    }

    private void line(String text, Span at) {
        out.append("    ").append(text);
        int pad = 44 - text.length();
        out.append(" ".repeat(Math.max(1, pad))).append("; line ").append(file.line(Math.min(at.start(), file.text().length()))).append('\n');
    }

    private static String r(int reg) {
        return reg < 0 ? "-" : "r" + reg;
    }

    private static String rs(List<Integer> regs) {
        return regs.stream().map(MirPrinter::r).collect(Collectors.joining(", "));
    }

    private static String kw(List<String> names, List<Integer> regs) {
        var sb = new StringBuilder();
        for (int i = 0; i < names.size(); i++) sb.append(", ").append(names.get(i)).append('=').append(r(regs.get(i)));
        return sb.toString();
    }

    private static String insn(Insn i) {
        return switch (i) {
            case Insn.LoadInt x -> r(x.dst()) + " = int " + x.value();
            case Insn.LoadFloat x -> r(x.dst()) + " = float " + x.value();
            case Insn.LoadStr x -> r(x.dst()) + " = str " + quote(x.value());
            case Insn.LoadBool x -> r(x.dst()) + " = bool " + (x.value() ? "True" : "False");
            case Insn.LoadNone x -> r(x.dst()) + " = None";
            case Insn.Move x -> r(x.dst()) + " = " + r(x.src());
            case Insn.CheckBound x -> "check-bound " + r(x.reg()) + " (" + x.name() + ")";
            case Insn.LoadGlobal x -> r(x.dst()) + " = global " + x.index() + " (" + x.name() + ")";
            case Insn.StoreGlobal x -> "global " + x.index() + " (" + x.name() + ") = " + r(x.src());
            case Insn.NewCell x -> r(x.dst()) + " = new-cell " + r(x.src());
            case Insn.LoadCell x -> r(x.dst()) + " = cell " + r(x.cell()) + " (" + x.name() + ")";
            case Insn.StoreCell x -> "cell " + r(x.cell()) + " = " + r(x.src());
            case Insn.LoadCapture x -> r(x.dst()) + " = capture " + x.index();
            case Insn.Arith x -> r(x.dst()) + " = " + x.op().mnemonic() + " " + r(x.left()) + ", " + r(x.right());
            case Insn.Unary x -> r(x.dst()) + " = " + x.op().mnemonic() + " " + r(x.src());
            case Insn.Compare x -> r(x.dst()) + " = " + x.op().mnemonic() + " " + r(x.left()) + ", " + r(x.right());
            case Insn.CheckType x -> r(x.dst()) + " = check " + x.type() + " " + r(x.src());
            case Insn.CallDirect x -> r(x.dst()) + " = call " + x.function().qualifiedName() + "(" + rs(x.args()) + ")";
            case Insn.CallVirtual x -> r(x.dst()) + " = call-virtual " + x.method().owner().name() + "." + x.method().name()
                    + " [vtable " + x.method().vtableSlot() + "](" + rs(x.args()) + ")";
            case Insn.CallValue x -> r(x.dst()) + " = call-value " + r(x.callee()) + "(" + rs(x.args()) + ")";
            case Insn.CallDynamic x -> r(x.dst()) + " = call-dynamic " + r(x.receiver()) + "." + x.name() + "(" + rs(x.args()) + ")";
            case Insn.CallBuiltin x -> r(x.dst()) + " = call-builtin " + x.builtin().displayName() + "(" + rs(x.args())
                    + kw(x.keywordNames(), x.keywordArgs()) + ")";
            case Insn.CallBuiltinMethod x -> r(x.dst()) + " = call-method " + x.method().receiver.name().toLowerCase() + "."
                    + x.method().pyName + " " + r(x.receiver()) + "(" + rs(x.args()) + kw(x.keywordNames(), x.keywordArgs()) + ")";
            case Insn.MakeFunction x -> r(x.dst()) + " = function " + x.function().qualifiedName()
                    + (x.cells().isEmpty() ? "" : " cells(" + rs(x.cells()) + ")");
            case Insn.LoadClass x -> r(x.dst()) + " = class " + x.cls().name();
            case Insn.LoadBuiltin x -> r(x.dst()) + " = builtin " + x.builtin().displayName();
            case Insn.Alloc x -> r(x.dst()) + " = alloc " + x.cls().name() + " [" + x.cls().fieldCount() + " fields]";
            case Insn.InitException x -> "init-exception " + r(x.self()) + ", " + r(x.message());
            case Insn.NewException x -> r(x.dst()) + " = new-exception " + x.cls().name() + "(" + r(x.message()) + ")";
            case Insn.GetField x -> r(x.dst()) + " = " + r(x.object()) + "." + x.field().name() + " [slot " + x.field().slot() + "]";
            case Insn.SetField x -> r(x.object()) + "." + x.field().name() + " [slot " + x.field().slot() + "] = " + r(x.src());
            case Insn.GetConstant x -> r(x.dst()) + " = constant " + x.constant().owner().name() + "." + x.constant().name()
                    + (x.receiver() >= 0 ? " of " + r(x.receiver()) : "");
            case Insn.SetConstant x -> "constant " + x.constant().owner().name() + "." + x.constant().name()
                    + (x.receiver() >= 0 ? " of " + r(x.receiver()) : "") + " = " + r(x.src());
            case Insn.GetAttr x -> r(x.dst()) + " = " + r(x.object()) + "." + x.name() + " (dynamic)";
            case Insn.SetAttr x -> r(x.object()) + "." + x.name() + " (dynamic) = " + r(x.src());
            case Insn.BindMethod x -> r(x.dst()) + " = bind " + r(x.receiver()) + "." + x.method().name();
            case Insn.ModuleConstant x -> r(x.dst()) + " = " + x.module() + "." + x.name();
            case Insn.MakeList x -> r(x.dst()) + " = list [" + rs(x.elements()) + "]";
            case Insn.MakeDict x -> {
                var sb = new StringBuilder(r(x.dst()) + " = dict {");
                for (int k = 0; k < x.keys().size(); k++) {
                    if (k > 0) sb.append(", ");
                    sb.append(r(x.keys().get(k))).append(": ").append(r(x.values().get(k)));
                }
                yield sb.append('}').toString();
            }
            case Insn.GetItem x -> r(x.dst()) + " = " + x.kind().name().toLowerCase() + "-item " + r(x.object()) + "[" + r(x.index()) + "]";
            case Insn.SetItem x -> x.kind().name().toLowerCase() + "-item " + r(x.object()) + "[" + r(x.index()) + "] = " + r(x.src());
            case Insn.DelItem x -> "del " + x.kind().name().toLowerCase() + "-item " + r(x.object()) + "[" + r(x.index()) + "]";
            case Insn.ListInPlace x -> r(x.list()) + " " + (x.op() == ArithOp.LIST_CONCAT ? "+=" : "*=") + " " + r(x.other()) + " (in place)";
            case Insn.FormatValue x -> r(x.dst()) + " = format " + r(x.src()) + (x.conversion() != 0 ? " !" + x.conversion() : "")
                    + (x.spec() >= 0 ? " spec " + r(x.spec()) : "");
            case Insn.BuildString x -> r(x.dst()) + " = concat(" + rs(x.parts()) + ")";
            case Insn.IterStart x -> r(x.dst()) + " = iter " + r(x.iterable());
        };
    }

    private static String terminator(Terminator t) {
        return switch (t) {
            case Terminator.Jump j -> "jump b" + j.target();
            case Terminator.Branch b -> "branch " + r(b.condition()) + " ? b" + b.ifTrue() + " : b" + b.ifFalse();
            case Terminator.Return x -> "return " + (x.value() < 0 ? "None" : r(x.value()));
            case Terminator.Raise x -> "raise " + r(x.exception());
            case Terminator.RaiseAssertion x -> "raise AssertionError(" + r(x.message()) + ")";
            case Terminator.IterNext n -> r(n.dst()) + " = next " + r(n.iterator()) + " ? b" + n.body() + " : b" + n.exit();
        };
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t") + "\"";
    }
}
