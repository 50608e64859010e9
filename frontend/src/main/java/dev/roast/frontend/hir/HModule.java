package dev.roast.frontend.hir;

import dev.roast.frontend.source.SourceFile;
import dev.roast.frontend.types.ClassInfo;
import java.util.List;
import java.util.Map;

/**
 * The checked program of one file: its top-level code as the function
 * {@code main}, its globals, every function (defs, methods, lambdas, nested,
 * in order of definition), every class it defines, and the built-in exception
 * classes by name (the runtime raises them whether or not the program names them).
 */
public record HModule(SourceFile file, FunctionInfo main, List<Variable> globals, List<FunctionInfo> functions,
                      List<ClassInfo> classes, Map<String, ClassInfo> builtinClasses) {}
