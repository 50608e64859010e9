package dev.roast.frontend.ast;

import dev.roast.frontend.source.SourceFile;
import java.util.List;

/** The syntax tree of one source file. */
public record Module(SourceFile file, List<Stmt> body) {}
