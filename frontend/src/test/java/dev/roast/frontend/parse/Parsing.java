package dev.roast.frontend.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.roast.frontend.ast.Expr;
import dev.roast.frontend.ast.Module;
import dev.roast.frontend.ast.Stmt;
import dev.roast.frontend.diag.Diagnostics;
import dev.roast.frontend.source.SourceFile;
import dev.roast.frontend.source.Span;
import java.util.List;

/** Test helpers: parse text and look at the tree and the errors. */
final class Parsing {
    private Parsing() {}

    record Parsed(SourceFile file, Module module, Diagnostics diags) {
        /** Errors as "line:col CODE", in order of position. */
        List<String> errors() {
            return diags.sorted().stream().map(d -> where(d.span()) + " " + d.code().code()).toList();
        }

        /** Errors as "line:col CODE message". */
        List<String> messages() {
            return diags.sorted().stream().map(d -> where(d.span()) + " " + d.code().code() + " " + d.message()).toList();
        }

        String where(Span span) {
            return file.line(span.start()) + ":" + file.column(span.start());
        }

        String printed() {
            return AstPrinter.stmts(module.body());
        }

        List<Stmt> body() {
            return module.body();
        }

        String text(Span span) {
            return file.text().substring(span.start(), span.end());
        }
    }

    static Parsed parse(String text) {
        var file = new SourceFile("t.roast", text);
        var diags = new Diagnostics(file);
        return new Parsed(file, Parser.parse(file, diags), diags);
    }

    /** Parses text that must have no errors. */
    static Parsed clean(String text) {
        Parsed p = parse(text);
        assertEquals(List.of(), p.messages(), "errors in:\n" + text);
        return p;
    }

    /** The expression of a one-line expression statement without errors. */
    static Expr expr(String source) {
        Parsed p = clean(source + "\n");
        assertEquals(1, p.body().size(), source);
        return assertInstanceOf(Stmt.ExprStmt.class, p.body().getFirst()).expr();
    }

    /** The parenthesised rendering of an expression. */
    static String show(String source) {
        return AstPrinter.expr(expr(source));
    }

    /** The printed statements of text without errors. */
    static String stmts(String text) {
        return clean(text).printed();
    }
}
