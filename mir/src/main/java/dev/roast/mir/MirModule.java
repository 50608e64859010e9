package dev.roast.mir;

import dev.roast.frontend.hir.HModule;
import java.util.List;

/** The MIR of a module: its top-level code first, then every function in HIR order. */
public record MirModule(HModule hir, MirFunction main, List<MirFunction> functions) {}
