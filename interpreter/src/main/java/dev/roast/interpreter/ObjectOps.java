package dev.roast.interpreter;

import dev.roast.bytecode.BytecodeFunction;
import dev.roast.bytecode.Opcode;
import dev.roast.frontend.hir.FunctionInfo;
import dev.roast.heap.FunctionObj;
import dev.roast.values.PackedValue;

/**
 * The opcodes on classes and functions: instances, class constants, closures
 * and cells, function values and calls of them, bound methods, dynamic
 * attributes, and raising. Each returns the next pc.
 */
final class ObjectOps {
    private final Runtime rt;

    ObjectOps(Runtime rt) {
        this.rt = rt;
    }

    int execute(Interpreter in, int id, BytecodeFunction f, long fp, long closure, int pc) {
        int[] code = f.code();
        Object[] pool = f.constants();
        switch (code[pc]) {
            case Op.MAKE_FUNCTION -> {
                var fn = (FunctionInfo) pool[code[pc + 2]];
                int n = code[pc + 3];
                long obj = FunctionObj.alloc(rt.heap, rt.program.idOf(fn), n);
                for (int i = 0; i < n; i++) FunctionObj.setCell(obj, i, Interpreter.slot(fp, code[pc + 4 + i]));
                Interpreter.setSlot(fp, code[pc + 1], PackedValue.ofPointer(obj));
                return pc + 4 + n;
            }
            default -> throw Runtime.notYet("the operation " + Opcode.values()[code[pc]].name().toLowerCase());
        }
    }
}
