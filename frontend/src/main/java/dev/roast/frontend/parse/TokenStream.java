package dev.roast.frontend.parse;

import static dev.roast.frontend.lex.TokenKind.*;

import dev.roast.frontend.diag.Diagnostic;
import dev.roast.frontend.diag.Diagnostics;
import dev.roast.frontend.diag.ErrorCode;
import dev.roast.frontend.lex.Token;
import dev.roast.frontend.lex.TokenKind;
import dev.roast.frontend.source.SourceFile;
import dev.roast.frontend.source.Span;
import java.util.List;

/**
 * The parser's cursor over the tokens, and the one place that reports syntax errors and
 * recovers from them.
 */
final class TokenStream {

    /** Unwinds the parser from a reported syntax error to the statement being parsed. */
    static final class ParseError extends RuntimeException {
        static final ParseError INSTANCE = new ParseError();

        private ParseError() {
            super(null, null, false, false);
        }
    }

    private final Token[] tokens;
    private final SourceFile file;
    private final Diagnostics diags;
    private int pos;
    /** End of the last consumed token with text; spans end here, never on layout tokens. */
    private int lastEnd;

    TokenStream(List<Token> tokens, SourceFile file, Diagnostics diags) {
        this.tokens = tokens.toArray(Token[]::new);
        this.file = file;
        this.diags = diags;
    }

    Token peek() { return tokens[pos]; }

    TokenKind kind() { return tokens[pos].kind(); }

    /** The kind {@code ahead} tokens on (negative looks back); clamped to the token list. */
    TokenKind kind(int ahead) {
        int i = Math.max(0, Math.min(pos + ahead, tokens.length - 1));
        return tokens[i].kind();
    }

    boolean at(TokenKind k) { return tokens[pos].kind() == k; }

    /** Start offset of the next token. */
    int start() { return tokens[pos].start(); }

    int index() { return pos; }

    int lastEnd() { return lastEnd; }

    /** The span from {@code start} to the end of the last consumed token. */
    Span from(int start) { return new Span(start, lastEnd); }

    Token next() {
        Token t = tokens[pos];
        switch (t.kind()) {
            case EOF -> { return t; }
            case NEWLINE, INDENT, DEDENT -> {}
            default -> lastEnd = t.end();
        }
        pos++;
        return t;
    }

    boolean accept(TokenKind k) {
        if (tokens[pos].kind() != k) return false;
        next();
        return true;
    }

    Token expect(TokenKind k, String message) {
        if (tokens[pos].kind() != k) throw fail(message);
        return next();
    }

    String source(int start, int end) { return file.text().substring(start, end); }

    int line(int offset) { return file.line(offset); }

    /** How a message quotes a token: its own text, or what it is for layout tokens. */
    String describe(Token t) {
        if (t.kind().category == TokenKind.Category.LAYOUT) return t.kind().describe();
        String text = source(t.start(), t.end());
        if (text.length() > 20) text = text.substring(0, 17) + "...";
        return "'" + text + "'";
    }

    // ---- errors ----

    /** Reports a syntax error at the next token; the caller throws the result. */
    ParseError fail(String message) {
        return fail(ErrorCode.SYNTAX, peek().span(), message);
    }

    /**
     * Reports an error that stops the current statement, unless the lexer has already reported
     * something on the rest of this line (its ERROR token): that is the real problem, and a
     * second message about its consequence would only be noise.
     */
    ParseError fail(ErrorCode code, Span span, String message) {
        reportUnlessLexerDid(code, span, message);
        return ParseError.INSTANCE;
    }

    /** Reports an error found at the next token unless the lexer flagged this line (see {@link #fail}). */
    void reportUnlessLexerDid(ErrorCode code, Span span, String message) {
        if (!lexerReportedLine()) diags.error(code, span, message);
    }

    /** Reports an error that does not disturb parsing (a bad target, a misplaced return...). */
    void report(ErrorCode code, Span span, String message) {
        diags.error(code, span, message);
    }

    void report(Diagnostic d) {
        diags.add(d);
    }

    private boolean lexerReportedLine() {
        for (int i = pos; i < tokens.length; i++) {
            TokenKind k = tokens[i].kind();
            if (k == ERROR) return true;
            if (k == NEWLINE || k == EOF) return false;
        }
        return false;
    }

    // ---- recovery ----

    /**
     * After an error in the statement that began at token {@code start}: skips to the end of its
     * logical line (unless the error was found at the start of the next one), then skips an
     * indented block that follows, since it belongs to the broken statement. Always moves on.
     */
    void recover(int start) {
        if (pos == start || !atLineStart()) {
            while (!at(NEWLINE) && !at(EOF)) next();
            accept(NEWLINE);
        }
        if (at(INDENT)) skipBlock();
    }

    private boolean atLineStart() {
        if (pos == 0) return true;
        TokenKind previous = tokens[pos - 1].kind();
        return previous == NEWLINE || previous == INDENT || previous == DEDENT;
    }

    /** Skips from an INDENT to (and including) the DEDENT that closes it. */
    void skipBlock() {
        int depth = 0;
        do {
            switch (kind()) {
                case INDENT -> depth++;
                case DEDENT -> depth--;
                case EOF -> { return; }
                default -> {}
            }
            next();
        } while (depth > 0);
    }
}
