package dev.roast.vm.tiers;

import dev.roast.bytecode.BytecodeFunction;
import dev.roast.bytecode.BytecodeModule;
import dev.roast.codegen.x64.Disassembly;
import dev.roast.codegen.x64.DisassemblyException;
import dev.roast.frontend.hir.HModule;
import dev.roast.interpreter.Vm;
import dev.roast.jit.baseline.BaselineCode;
import dev.roast.jit.baseline.BaselineCompiler;
import java.util.Map;
import java.util.TreeMap;

/**
 * `roast dis --machine`: every function compiled by the baseline JIT as a run would compile it (linked, not
 * run), listed by objdump at offsets from the function's start, with its entries marked. The absolute
 * addresses inside (globals, constants) are this listing's process's, not those of any run.
 */
public final class MachineListing {
    private MachineListing() {}

    public static String of(HModule hir, BytecodeModule bytecode) throws DisassemblyException {
        try {
            return Vm.inspect(hir, bytecode, program -> {
                var text = new StringBuilder();
                for (int id = 0; id < program.functionCount(); id++) {
                    BytecodeFunction f = program.function(id);
                    BaselineCode code = BaselineCompiler.compile(program, id);
                    text.append("== ").append(f.info().name()).append(" (").append(hir.file().name()).append(':')
                            .append(hir.file().line(f.info().span().start())).append("): ").append(code.instructions())
                            .append(" bytecode instructions, ").append(code.bytes().length).append(" bytes\n");
                    Map<Integer, Integer> entries = new TreeMap<>();
                    entries.put(code.directEntryOffset(), -2);
                    entries.put(code.entryOffset(), -1);
                    code.osrOffsets().forEach((pc, offset) -> entries.put(offset, pc));
                    entries.forEach((offset, pc) -> text.append(String.format("   entry at %x: %s%n", offset,
                            pc == -2 ? "direct call (from machine code)" : pc == -1 ? "call (from the interpreter)"
                                    : "osr, loop header at pc " + pc + " (line " + hir.file().line(f.positions()[pc]) + ")")));
                    try {
                        text.append(Disassembly.of(code.bytes(), 0)).append('\n');
                    } catch (DisassemblyException e) {
                        throw new Unavailable(e);
                    }
                }
                return text.toString();
            });
        } catch (Unavailable e) {
            throw e.cause;
        }
    }

    /** Carries the checked exception out of the lambda. */
    private static final class Unavailable extends RuntimeException {
        final DisassemblyException cause;

        Unavailable(DisassemblyException cause) {
            super(null, null, false, false);
            this.cause = cause;
        }
    }
}
