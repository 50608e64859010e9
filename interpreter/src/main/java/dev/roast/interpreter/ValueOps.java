package dev.roast.interpreter;

import dev.roast.bytecode.BytecodeFunction;
import dev.roast.bytecode.Opcode;

/**
 * The opcodes on values that are not numbers: strings, lists, dicts, ranges,
 * iteration, f-string formatting, the `any` operators, and the calls of
 * builtins and of str/list/dict methods. Each returns the next pc.
 */
final class ValueOps {
    private final Runtime rt;

    ValueOps(Runtime rt) {
        this.rt = rt;
    }

    int execute(Interpreter in, int id, BytecodeFunction f, long fp, int pc) {
        int[] code = f.code();
        return switch (code[pc]) {
            case Op.CALL_BUILTIN -> callBuiltin(f, fp, pc);
            default -> throw Runtime.notYet("the operation " + Opcode.values()[code[pc]].name().toLowerCase());
        };
    }

    private int callBuiltin(BytecodeFunction f, long fp, int pc) {
        int[] code = f.code();
        Object[] pool = f.constants();
        var b = (dev.roast.frontend.hir.Builtin) pool[code[pc + 2]];
        int argc = code[pc + 3];
        int kwNamesAt = pc + 4 + argc;
        String[] kwNames = (String[]) pool[code[kwNamesAt]];
        int kwc = code[kwNamesAt + 1];
        long result = switch (b) {
            case PRINT -> Print.call(rt, fp, code, pc + 4, argc, kwNames, kwNamesAt + 2);
            default -> throw Runtime.notYet("the builtin " + b.displayName());
        };
        Interpreter.setSlot(fp, code[pc + 1], result);
        return kwNamesAt + 2 + kwc;
    }
}
