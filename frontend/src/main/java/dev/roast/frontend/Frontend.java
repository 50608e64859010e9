package dev.roast.frontend;

import dev.roast.frontend.ast.Module;
import dev.roast.frontend.check.Checker;
import dev.roast.frontend.diag.Diagnostics;
import dev.roast.frontend.hir.HModule;
import dev.roast.frontend.parse.Parser;
import dev.roast.frontend.source.SourceFile;

/** The frontend's one entry point: source text to a checked HIR module, or diagnostics. */
public final class Frontend {
    private Frontend() {}

    /** What compiling one file gave: the HIR (null if there were errors), the diagnostics, and phase times. */
    public record Result(SourceFile file, HModule module, Diagnostics diagnostics, long parseNanos, long checkNanos) {
        public boolean ok() { return !diagnostics.hasErrors(); }
    }

    /** Parses and checks {@code file}. Syntax errors stop before checking, as in Python. */
    public static Result compile(SourceFile file) {
        var diags = new Diagnostics(file);
        long t0 = System.nanoTime();
        Module ast;
        try {
            ast = Parser.parse(file, diags);
        } catch (RuntimeException | StackOverflowError e) {
            throw new CompilerFailure(e, file.name() + " (while parsing)");
        }
        long t1 = System.nanoTime();
        if (diags.hasErrors()) return new Result(file, null, diags, t1 - t0, 0);
        HModule module = Checker.check(ast, diags); // wraps its own failures with the position being checked
        long t2 = System.nanoTime();
        return new Result(file, diags.hasErrors() ? null : module, diags, t1 - t0, t2 - t1);
    }
}
