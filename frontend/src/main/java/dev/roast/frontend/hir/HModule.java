package dev.roast.frontend.hir;

import dev.roast.frontend.source.SourceFile;
import dev.roast.frontend.types.ClassInfo;
import java.util.List;

/**
 * The checked program of one file: its top-level code as the function
 * {@code main}, its globals, every function (defs, methods, lambdas, nested,
 * in order of definition) and every class.
 */
public record HModule(SourceFile file, FunctionInfo main, List<Variable> globals, List<FunctionInfo> functions,
                      List<ClassInfo> classes) {}
