package dev.roast.frontend.lex;

import dev.roast.frontend.source.Span;
import java.math.BigInteger;

/**
 * One token: its kind, its place in the file, and its decoded value where it has one —
 * the identifier for NAME (NFKC-normalised), the exact magnitude for INT (a BigInteger, so that
 * the parser can fold {@code -9223372036854775808}), a Double for FLOAT, the decoded text for
 * STRING and FSTRING_MIDDLE; null otherwise.
 */
public record Token(TokenKind kind, Span span, Object value) {

    public Token(TokenKind kind, Span span) {
        this(kind, span, null);
    }

    /** The identifier of a NAME, or the text of a STRING / FSTRING_MIDDLE. */
    public String text() {
        return (String) value;
    }

    public BigInteger intValue() {
        return (BigInteger) value;
    }

    public double floatValue() {
        return (Double) value;
    }

    public int start() { return span.start(); }

    public int end() { return span.end(); }

    public boolean is(TokenKind k) { return kind == k; }

    @Override
    public String toString() {
        return kind + (value != null ? "(" + value + ")" : "") + "@" + span.start() + ".." + span.end();
    }
}
