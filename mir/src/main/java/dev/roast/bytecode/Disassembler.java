package dev.roast.bytecode;

import dev.roast.frontend.hir.Builtin;
import dev.roast.frontend.hir.BuiltinMethod;
import dev.roast.frontend.hir.FunctionInfo;
import dev.roast.frontend.source.SourceFile;
import dev.roast.frontend.types.ClassInfo;
import dev.roast.mir.ArithOp;
import dev.roast.mir.CompareKind;
import dev.roast.mir.ItemKind;
import dev.roast.mir.UnaryKind;
import java.util.List;

/** Decodes bytecode back into readable text (`roast dis --bytecode`), driven by the {@link Opcode} table. */
public final class Disassembler {
    private Disassembler() {}

    public static String print(BytecodeModule m, SourceFile file) {
        var out = new StringBuilder();
        print(m.main(), file, out);
        for (BytecodeFunction f : m.functions()) print(f, file, out);
        return out.toString();
    }

    public static void print(BytecodeFunction f, SourceFile file, StringBuilder out) {
        if (!out.isEmpty()) out.append('\n');
        out.append("function ").append(f.info().qualifiedName()).append("  ").append(file.name()).append(':')
                .append(file.line(f.info().span().start())).append("  [params ").append(f.paramCount()).append(", frame ")
                .append(f.frameSize()).append(" slots, ").append(f.instructionCount()).append(" instructions, ")
                .append(f.code().length).append(" words]\n");
        int[] cs = f.constantSlots();
        if (cs.length > 0) {
            out.append("  constant slots:");
            for (int i = 0; i < cs.length; i += 2) {
                out.append(i > 0 ? "," : "").append(" s").append(cs[i]).append(" = ").append(constant(f.constants()[cs[i + 1]]));
            }
            out.append('\n');
        }
        int[] code = f.code();
        int pc = 0;
        while (pc < code.length) {
            Opcode op = Opcode.of(code[pc]);
            var line = new StringBuilder();
            line.append(String.format("  %5d  %-20s", pc, op.name().toLowerCase()));
            int at = pc + 1;
            List<Operand> kinds = op.operands();
            for (int i = 0; i < kinds.size(); i++) {
                line.append(i == 0 ? " " : ", ");
                switch (kinds.get(i)) {
                    case DST, REG -> line.append('s').append(code[at++]);
                    case OPT_REG -> {
                        int r = code[at++];
                        line.append(r < 0 ? "-" : "s" + r);
                    }
                    case IMM -> line.append(immediate(op, code[at++]));
                    case CONST -> line.append(constant(f.constants()[code[at++]]));
                    case TARGET -> line.append("->").append(code[at++]);
                    case REGS -> {
                        int n = code[at++];
                        line.append('(');
                        for (int k = 0; k < n; k++) line.append(k > 0 ? ", " : "").append('s').append(code[at++]);
                        line.append(')');
                    }
                }
            }
            int pos = f.positions()[pc];
            int pad = 64 - line.length();
            out.append(line).append(" ".repeat(Math.max(1, pad))).append("; line ")
                    .append(pos < 0 ? "?" : file.line(Math.min(pos, file.text().length()))).append('\n');
            pc = at;
        }
    }

    private static String immediate(Opcode op, int v) {
        return switch (op) {
            case ARITH_ANY, LIST_IN_PLACE -> ArithOp.values()[v].mnemonic();
            case UNARY_ANY -> UnaryKind.values()[v].mnemonic();
            case COMPARE -> CompareKind.values()[v].mnemonic();
            case GET_ITEM, SET_ITEM, DEL_ITEM -> ItemKind.values()[v].name().toLowerCase();
            case FORMAT -> v == 0 ? "-" : "!" + (char) v;
            default -> Integer.toString(v);
        };
    }

    static String constant(Object c) {
        return switch (c) {
            case String s -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
            case FunctionInfo fn -> "function " + fn.qualifiedName();
            case ClassInfo cls -> "class " + cls.name();
            case ClassInfo.Method m -> "method " + m.owner().name() + "." + m.name() + (m.vtableSlot() >= 0 ? " [vtable " + m.vtableSlot() + "]" : "");
            case ClassInfo.Field fl -> "field " + fl.name();
            case ClassInfo.Constant k -> "constant " + k.owner().name() + "." + k.name();
            case Builtin b -> "builtin " + b.displayName();
            case BuiltinMethod m -> "method " + m.receiver.name().toLowerCase() + "." + m.pyName;
            case String[] names -> "keywords" + java.util.Arrays.toString(names);
            default -> String.valueOf(c);
        };
    }
}
