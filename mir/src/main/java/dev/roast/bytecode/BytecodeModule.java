package dev.roast.bytecode;

import dev.roast.frontend.hir.FunctionInfo;
import java.util.List;
import java.util.Map;

/** A module compiled to bytecode: its top-level code, every function, and the map the interpreter links calls by. */
public record BytecodeModule(BytecodeFunction main, List<BytecodeFunction> functions, Map<FunctionInfo, BytecodeFunction> byInfo) {}
