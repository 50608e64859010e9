package dev.roast.frontend.parse;

import dev.roast.frontend.ast.Expr;
import dev.roast.frontend.ast.Module;
import dev.roast.frontend.diag.Diagnostics;
import dev.roast.frontend.diag.ErrorCode;
import dev.roast.frontend.lex.Lexer;
import dev.roast.frontend.lex.TokenKind;
import dev.roast.frontend.parse.TokenStream.ParseError;
import dev.roast.frontend.source.SourceFile;
import java.util.ArrayList;

/**
 * Turns a Roast source file into its syntax tree by Python 3.12's grammar, reporting lexical and
 * syntax errors (E0001–E0012, and E0101 for match, bytes and complex literals). Never throws:
 * after errors it still returns the statements it could parse.
 */
public final class Parser {
    private Parser() {}

    public static Module parse(SourceFile file, Diagnostics diags) {
        var tokens = new TokenStream(Lexer.tokenize(file, diags), file, diags);
        var parser = new StatementParser(tokens);
        try {
            return new Module(file, parser.module());
        } catch (StackOverflowError tooDeep) {
            // Nesting limits normally stop this first; a very small thread stack may not.
            diags.error(ErrorCode.SYNTAX, tokens.peek().span(), "too deeply nested");
            return new Module(file, new ArrayList<>());
        }
    }

    /**
     * Parses the whole text as one expression, as Python's eval mode does (e.g. the text of a
     * string annotation such as "Node"). Returns null after reporting an error.
     */
    public static Expr parseExpression(SourceFile file, Diagnostics diags) {
        var tokens = new TokenStream(Lexer.tokenize(file, diags), file, diags);
        var parser = new ExpressionParser(tokens);
        try {
            Expr e = parser.starExpressions();
            tokens.accept(TokenKind.NEWLINE);
            if (!tokens.at(TokenKind.EOF)) throw tokens.fail("invalid syntax");
            return e;
        } catch (ParseError | StackOverflowError e) {
            if (!diags.hasErrors()) diags.error(ErrorCode.SYNTAX, tokens.peek().span(), "invalid syntax");
            return null;
        }
    }
}
