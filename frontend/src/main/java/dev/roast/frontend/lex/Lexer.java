package dev.roast.frontend.lex;

import static dev.roast.frontend.lex.TokenKind.*;

import dev.roast.frontend.diag.Diagnostic;
import dev.roast.frontend.diag.Diagnostics;
import dev.roast.frontend.diag.ErrorCode;
import dev.roast.frontend.source.SourceFile;
import dev.roast.frontend.source.Span;
import java.math.BigInteger;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a source file into tokens by Python 3.12's rules: NEWLINE/INDENT/DEDENT layout, implicit
 * joining inside brackets, decoded literals, and f-strings split into FSTRING_START, FSTRING_MIDDLE,
 * ordinary tokens for the replacement fields, and FSTRING_END (as PEP 701's tokenizer does).
 *
 * <p>Errors are reported to the Diagnostics and lexing goes on. Where the damage leaves no sensible
 * token, an ERROR token takes its place so that the parser does not report the same mistake again.
 */
public final class Lexer {
    /** CPython's limit; it also bounds the parser's recursion on bracket nesting. */
    private static final int MAX_BRACKET_DEPTH = 200;
    private static final int MAX_FSTRING_NESTING = 50;

    /** Keywords that can only start a statement: seen at the start of a line inside brackets, the bracket was never closed. */
    private static final Set<String> STATEMENT_KEYWORDS = Set.of("def", "class", "return", "import", "pass", "break",
            "continue", "global", "nonlocal", "assert", "raise", "del", "try", "while", "with", "except", "finally",
            "elif");

    private static final Set<String> STRING_PREFIXES = Set.of("r", "u", "f", "b", "rf", "fr", "rb", "br");

    private final String src;
    /** The text as an array: indexing it is one bytecode, which matters before the JIT warms up. */
    private final char[] buf;
    private final int len;
    private final Diagnostics diags;
    private final ArrayList<Token> out;

    private int pos;
    /** End of the last token with text: where a NEWLINE token goes. */
    private int lastEnd;
    private boolean atLineStart = true;
    /** The first token of the current line is reported as badly unindented once it is lexed. */
    private boolean unindentMismatch;

    /** The indentation stack: columns of the open blocks, indents[0] = 0. */
    private int[] indents = new int[32];
    private int levels = 1;

    private final ArrayList<Bracket> brackets = new ArrayList<>();
    /** The f-string modes we are inside, innermost last; empty in ordinary code. */
    private final ArrayList<Frame> modes = new ArrayList<>();
    private int fstringNesting;

    private record Bracket(char open, int offset) {}

    private sealed interface Frame permits FStr, Field, Spec {}

    /** Inside the literal text of an f-string. */
    private record FStr(char quote, boolean triple, boolean raw, int start, int quoteStart) implements Frame {
        int quoteWidth() { return triple ? 3 : 1; }
    }

    /** Inside a replacement field's expression; depth counts brackets opened within it. */
    private static final class Field implements Frame {
        final FStr owner;
        final int lbrace;
        int depth;

        Field(FStr owner, int lbrace) {
            this.owner = owner;
            this.lbrace = lbrace;
        }
    }

    /** Inside the format spec after a field's top-level ':'. */
    private record Spec(Field field) implements Frame {}

    private Lexer(String src, Diagnostics diags) {
        this.src = src;
        this.buf = src.toCharArray();
        this.len = buf.length;
        this.diags = diags;
        this.out = new ArrayList<>(Math.max(16, len / 4));
    }

    /** All tokens of the file, ending with NEWLINE (if the last line has tokens), the closing DEDENTs and EOF. */
    public static List<Token> tokenize(SourceFile file, Diagnostics diags) {
        return new Lexer(file.text(), diags).run();
    }

    private List<Token> run() {
        if (len > 0 && buf[0] == '\uFEFF') pos = 1;
        while (true) {
            Frame top = modes.isEmpty() ? null : modes.getLast();
            switch (top) {
                case FStr s -> {
                    if (pos >= len) return finish();
                    fstringText(s, null);
                }
                case Spec sp -> {
                    if (pos >= len) return finish();
                    fstringText(sp.field().owner, sp.field());
                }
                case Field f -> {
                    if (!token(f)) return finish();
                }
                case null -> {
                    if (atLineStart && !startLine()) return finish();
                    if (!token(null)) return finish();
                }
            }
        }
    }

    private List<Token> finish() {
        if (!modes.isEmpty()) {
            switch (modes.getLast()) {
                case Field f -> bracesLeftOpen(f);
                case Spec sp -> bracesLeftOpen(sp.field());
                case FStr s -> unterminated(s);
            }
            emit(ERROR, len, len, null);
            leaveAllFStrings();
        }
        if (!brackets.isEmpty()) {
            neverClosed();
            emit(ERROR, lastEnd, lastEnd, null);
        }
        endLine();
        while (levels > 1) {
            levels--;
            emit(DEDENT, len, len, null);
        }
        emit(EOF, len, len, null);
        return out;
    }

    // ---- layout ----

    /** Measures the indentation of the next non-blank line and emits INDENT/DEDENTs; false at end of file. */
    private boolean startLine() {
        while (true) {
            int col = 0;
            int tab = -1;
            int p = pos;
            for (; p < len; p++) {
                char ch = buf[p];
                if (ch == ' ') col++;
                else if (ch == '\t') {
                    if (tab < 0) tab = p;
                    col = (col / 8 + 1) * 8;
                } else if (ch == '\f') col = 0;
                else break;
            }
            pos = p;
            if (p >= len) return false;
            char ch = buf[p];
            if (ch == '#') {
                skipComment();
                if (pos >= len) return false;
                skipNewlineChars();
                continue;
            }
            if (ch == '\n' || ch == '\r') {
                skipNewlineChars();
                continue;
            }
            if (tab >= 0) {
                diags.add(new Diagnostic(ErrorCode.TAB_INDENT, "tab character in indentation", new Span(tab, tab + 1))
                        .withHelp("indent with spaces only"));
            }
            indentTo(col, p, tab >= 0);
            atLineStart = false;
            return true;
        }
    }

    /**
     * Emits the INDENT or DEDENTs that bring the level to {@code col}. After a tab error the
     * width is a guess, so such a line changes the level only where the code clearly wants it
     * to (an indent after a line ending in ':'), and never causes a second error.
     */
    private void indentTo(int col, int at, boolean guessedWidth) {
        int current = indents[levels - 1];
        if (col > current) {
            if (guessedWidth && !previousLineOpensBlock()) return;
            if (levels == indents.length) indents = Arrays.copyOf(indents, levels * 2);
            indents[levels++] = col;
            emit(INDENT, at, at, null);
            return;
        }
        int keep = levels;
        while (keep > 1 && indents[keep - 1] > col) keep--;
        if (indents[keep - 1] != col) {
            // Between two levels: the line stays in the inner block it failed to leave,
            // whose level becomes this column, so that its siblings follow it there.
            if (!guessedWidth) unindentMismatch = true;
            indents[keep] = col;
            keep++;
        }
        while (levels > keep) {
            levels--;
            emit(DEDENT, at, at, null);
        }
    }

    private boolean previousLineOpensBlock() {
        int n = out.size();
        return n >= 2 && out.get(n - 1).kind() == NEWLINE && out.get(n - 2).kind() == COLON;
    }

    private void newline(Field field) {
        if (field != null) {
            if (field.owner.triple() || field.depth > 0) {
                skipNewlineChars();
                return;
            }
            bracesLeftOpen(field);
            emit(ERROR, pos, pos, null);
            if (modes.getFirst() instanceof FStr outermost) forgetBracketsSwallowedBy(outermost.start(), false);
            leaveAllFStrings();
        }
        skipNewlineChars();
        if (!brackets.isEmpty()) {
            if (!statementKeywordAhead()) return;
            neverClosed();
            emit(ERROR, lastEnd, lastEnd, null);
        }
        endLine();
        atLineStart = true;
    }

    /** Emits the NEWLINE that ends a logical line, unless the line has no tokens. */
    private void endLine() {
        if (out.isEmpty()) return;
        TokenKind last = out.getLast().kind();
        if (last != NEWLINE && last != INDENT && last != DEDENT) emit(NEWLINE, lastEnd, lastEnd, null);
    }

    private boolean statementKeywordAhead() {
        int p = pos;
        while (p < len && (buf[p] == ' ' || buf[p] == '\t' || buf[p] == '\f')) p++;
        int q = p;
        while (q < len && isAsciiIdentPart(buf[q])) q++;
        if (q == p || (q < len && buf[q] > 127)) return false;
        return STATEMENT_KEYWORDS.contains(new String(buf, p, q - p));
    }

    private void neverClosed() {
        Bracket b = brackets.getLast();
        error(ErrorCode.SYNTAX, b.offset(), b.offset() + 1, "'" + b.open() + "' was never closed");
        brackets.clear();
    }

    private void skipNewlineChars() {
        if (pos < len && buf[pos] == '\r') pos++;
        if (pos < len && buf[pos] == '\n') pos++;
    }

    private void skipComment() {
        while (pos < len && buf[pos] != '\n' && buf[pos] != '\r') pos++;
    }

    // ---- tokens ----

    /** Lexes one token (or skips a comment, newline or continuation); false at end of file. */
    private boolean token(Field field) {
        while (pos < len && (buf[pos] == ' ' || buf[pos] == '\t' || buf[pos] == '\f')) pos++;
        if (pos >= len) return false;
        char c = buf[pos];
        switch (c) {
            case '#' -> skipComment();
            case '\n', '\r' -> newline(field);
            case '\\' -> continuation();
            case '(', '[', '{' -> open(c, field);
            case ')', ']', '}' -> close(c, field);
            case '"', '\'' -> quote(field);
            case '.' -> {
                if (isDigit(at(pos + 1))) number();
                else if (at(pos + 1) == '.' && at(pos + 2) == '.') fixed(ELLIPSIS);
                else fixed(DOT);
            }
            default -> {
                if (isDigit(c)) number();
                else if (c < 128 ? isAsciiIdentStart(c) : Character.isUnicodeIdentifierStart(Character.codePointAt(buf, pos))) {
                    word(field);
                } else if (!operator(c, field)) badCharacter();
            }
        }
        return true;
    }

    private void continuation() {
        char next = at(pos + 1);
        if (next == '\n' || next == '\r') {
            pos++;
            skipNewlineChars();
            return;
        }
        error(ErrorCode.BAD_CHARACTER, pos, pos + 1, "unexpected character after line continuation character");
        emit(ERROR, pos, pos + 1, null);
        pos++;
    }

    private boolean operator(char c, Field field) {
        char n1 = at(pos + 1);
        char n2 = at(pos + 2);
        boolean fieldTop = field != null && field.depth == 0;
        TokenKind k = switch (c) {
            case '+' -> n1 == '=' ? PLUSEQUAL : PLUS;
            case '-' -> n1 == '=' ? MINEQUAL : n1 == '>' ? ARROW : MINUS;
            case '*' -> n1 == '*' ? (n2 == '=' ? DOUBLESTAREQUAL : DOUBLESTAR) : n1 == '=' ? STAREQUAL : STAR;
            case '/' -> n1 == '/' ? (n2 == '=' ? DOUBLESLASHEQUAL : DOUBLESLASH) : n1 == '=' ? SLASHEQUAL : SLASH;
            case '%' -> n1 == '=' ? PERCENTEQUAL : PERCENT;
            case '@' -> n1 == '=' ? ATEQUAL : AT;
            case '&' -> n1 == '=' ? AMPEREQUAL : AMPER;
            case '|' -> n1 == '=' ? VBAREQUAL : VBAR;
            case '^' -> n1 == '=' ? CIRCUMFLEXEQUAL : CIRCUMFLEX;
            case '~' -> TILDE;
            case '<' -> n1 == '<' ? (n2 == '=' ? LSHIFTEQUAL : LSHIFT) : n1 == '=' ? LESSEQUAL : LESS;
            case '>' -> n1 == '>' ? (n2 == '=' ? RSHIFTEQUAL : RSHIFT) : n1 == '=' ? GREATEREQUAL : GREATER;
            case '=' -> n1 == '=' ? EQEQUAL : EQUAL;
            case '!' -> n1 == '=' ? NOTEQUAL : fieldTop ? EXCLAMATION : null;
            // At a field's top level ':' always starts the format spec, even before '=' (as in Python).
            case ':' -> fieldTop ? COLON : n1 == '=' ? COLONEQUAL : COLON;
            case ',' -> COMMA;
            case ';' -> SEMI;
            default -> null;
        };
        if (k == null) return false;
        fixed(k);
        if (k == COLON && fieldTop) modes.add(new Spec(field));
        return true;
    }

    private void fixed(TokenKind k) {
        int end = pos + k.text.length();
        emit(k, pos, end, null);
        pos = end;
    }

    private void open(char c, Field field) {
        TokenKind k = c == '(' ? LPAR : c == '[' ? LSQB : LBRACE;
        if (field != null) {
            field.depth++;
            fixed(k);
            return;
        }
        if (brackets.size() >= MAX_BRACKET_DEPTH) {
            if (brackets.size() == MAX_BRACKET_DEPTH) error(ErrorCode.SYNTAX, pos, pos + 1, "too many nested parentheses");
            brackets.add(new Bracket(c, pos));
            emit(ERROR, pos, pos + 1, null);
            pos++;
            return;
        }
        brackets.add(new Bracket(c, pos));
        fixed(k);
    }

    private void close(char c, Field field) {
        TokenKind k = c == ')' ? RPAR : c == ']' ? RSQB : RBRACE;
        if (field != null) {
            if (field.depth > 0) {
                field.depth--;
                fixed(k);
            } else if (c == '}') {
                fixed(RBRACE);
                modes.removeLast();
            } else {
                error(ErrorCode.SYNTAX, pos, pos + 1, "f-string: unmatched '" + c + "'");
                emit(ERROR, pos, pos + 1, null);
                pos++;
            }
            return;
        }
        if (brackets.isEmpty()) {
            error(ErrorCode.SYNTAX, pos, pos + 1, "unmatched '" + c + "'");
            emit(ERROR, pos, pos + 1, null);
            pos++;
            return;
        }
        Bracket b = brackets.removeLast();
        if (b.open() != opening(c)) {
            var file = diags.file();
            String where = file.line(b.offset()) != file.line(pos) ? " on line " + file.line(b.offset()) : "";
            error(ErrorCode.SYNTAX, pos, pos + 1,
                    "closing parenthesis '" + c + "' does not match opening parenthesis '" + b.open() + "'" + where);
            emit(ERROR, pos, pos + 1, null);
            pos++;
            return;
        }
        fixed(k);
    }

    private static char opening(char close) {
        return close == ')' ? '(' : close == ']' ? '[' : '{';
    }

    private void badCharacter() {
        int cp = Character.codePointAt(buf, pos);
        int end = pos + Character.charCount(cp);
        String hex = String.format("U+%04X", cp);
        String message = Character.isISOControl(cp) || Character.isWhitespace(cp) || Character.isSpaceChar(cp)
                ? "invalid non-printable character " + hex
                : "invalid character '" + Character.toString(cp) + "' (" + hex + ")";
        var d = new Diagnostic(ErrorCode.BAD_CHARACTER, message, new Span(pos, end));
        if (cp == '!') d = d.withHelp("use 'not' for logical negation");
        diags.add(d);
        emit(ERROR, pos, end, null);
        pos = end;
    }

    /** An identifier, a keyword, or the prefix of a string literal. */
    private void word(Field field) {
        int start = pos;
        int letters = 0;
        while (letters < 3 && isAsciiLetter(at(start + letters))) letters++;
        if (letters <= 2 && isQuote(at(start + letters))) {
            String prefix = new String(buf, start, letters).toLowerCase(Locale.ROOT);
            if (STRING_PREFIXES.contains(prefix)) {
                prefixedString(start, prefix);
                return;
            }
        }
        int p = start;
        boolean ascii = true;
        while (p < len) {
            char ch = buf[p];
            if (ch < 128) {
                if (!isAsciiIdentPart(ch)) break;
                p++;
            } else {
                int cp = Character.codePointAt(buf, p);
                if (!Character.isUnicodeIdentifierPart(cp) || Character.isIdentifierIgnorable(cp)) break;
                ascii = false;
                p += Character.charCount(cp);
            }
        }
        String text = new String(buf, start, p - start);
        pos = p;
        if (!ascii) {
            emit(NAME, start, p, Normalizer.normalize(text, Normalizer.Form.NFKC));
            return;
        }
        TokenKind kw = TokenKind.keyword(text);
        emit(kw != null ? kw : NAME, start, p, kw != null ? null : text);
    }

    // ---- numbers ----

    /** The first thing wrong with the number being scanned (Python's message), or null. */
    private String numberError;

    private void number() {
        int start = pos;
        numberError = null;
        char x = at(pos + 1);
        if (buf[pos] == '0' && "xXoObB".indexOf(x) >= 0) {
            radixNumber(start, switch (Character.toLowerCase(x)) {
                case 'x' -> 16;
                case 'o' -> 8;
                default -> 2;
            });
            return;
        }
        var digits = new StringBuilder();
        int p = buf[start] == '.' ? start : digitPart(start, 10, digits, false);
        boolean isFloat = false;
        if (at(p) == '.') {
            isFloat = true;
            digits.append('.');
            p++;
            if (isDigit(at(p)) || at(p) == '_') p = digitPart(p, 10, digits, false);
        }
        if (at(p) == 'e' || at(p) == 'E') {
            int q = p + 1;
            char sign = at(q);
            if (sign == '+' || sign == '-') q++;
            if (isDigit(at(q))) {
                isFloat = true;
                digits.append('e');
                if (sign == '-') digits.append('-');
                p = digitPart(q, 10, digits, false);
            } else {
                numberError = "invalid float literal";
                p = q;
            }
        }
        boolean imaginary = at(p) == 'j' || at(p) == 'J';
        if (imaginary) p++;
        p = gluedName(p, "invalid decimal literal");
        if (numberError == null && !isFloat && !imaginary && digits.length() > 1 && digits.charAt(0) == '0'
                && digits.chars().anyMatch(ch -> ch != '0')) {
            numberError = "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers";
        }
        pos = p;
        if (numberError != null) {
            badNumber(start, p, isFloat || imaginary);
        } else if (imaginary) {
            error(ErrorCode.NOT_SUPPORTED, start, p, "complex numbers are not supported");
            emit(FLOAT, start, p, Double.parseDouble(digits.toString()));
        } else if (isFloat) {
            emit(FLOAT, start, p, Double.parseDouble(digits.toString()));
        } else {
            emit(INT, start, p, digits.length() <= 18 ? BigInteger.valueOf(Long.parseLong(digits.toString()))
                    : new BigInteger(digits.toString()));
        }
    }

    private void radixNumber(int start, int radix) {
        var digits = new StringBuilder();
        String name = radix == 16 ? "hexadecimal" : radix == 8 ? "octal" : "binary";
        int p = digitPart(start + 2, radix, digits, true);
        if (numberError == null && isDigit(at(p))) numberError = "invalid digit '" + at(p) + "' in " + name + " literal";
        if (digits.isEmpty() && numberError == null) numberError = "invalid " + name + " literal";
        p = gluedName(p, "invalid " + name + " literal");
        pos = p;
        if (numberError != null) badNumber(start, p, false);
        else emit(INT, start, p, new BigInteger(digits.toString(), radix));
    }

    /**
     * Scans {@code digit ('_'? digit)*} in the radix, appending the digits; a '_' must sit between
     * two digits, or (after a base prefix) before the first one.
     */
    private int digitPart(int p, int radix, StringBuilder digits, boolean afterPrefix) {
        boolean needDigit = false;
        int count = 0;
        while (p < len) {
            char ch = buf[p];
            if (ch == '_') {
                if (needDigit || (count == 0 && !afterPrefix)) numberError = "invalid decimal literal";
                needDigit = true;
                p++;
                continue;
            }
            int d = asciiDigit(ch);
            if (d < 0 || d >= radix) break;
            digits.append(ch);
            count++;
            needDigit = false;
            p++;
        }
        if (needDigit && numberError == null) numberError = "invalid decimal literal";
        return p;
    }

    /** A number glued to a name (`1abc`, `0x1g`) is one malformed literal, as in Python. */
    private int gluedName(int p, String message) {
        if (p >= len || !isIdentPartAt(p)) return p;
        if (numberError == null) numberError = message;
        while (p < len && isIdentPartAt(p)) p += Character.charCount(Character.codePointAt(buf, p));
        return p;
    }

    private void badNumber(int start, int end, boolean isFloat) {
        error(ErrorCode.BAD_NUMBER, start, end, numberError);
        if (isFloat) emit(FLOAT, start, end, 0.0);
        else emit(INT, start, end, BigInteger.ZERO);
    }

    // ---- strings ----

    private void quote(Field field) {
        char q = buf[pos];
        if (field != null && q == field.owner.quote() && !stringEndsAhead(pos, q)) {
            // PEP 701 lets a field hold a string in its f-string's own quotes; when no such string
            // can end here, the quote closes the f-string and the field was left open.
            bracesLeftOpen(field);
            emit(ERROR, pos, pos, null);
            pos += field.owner.triple() && startsWith3(pos, q) ? 3 : 1;
            popThrough(field.owner);
            return;
        }
        string(pos, pos, false, false);
    }

    private boolean stringEndsAhead(int p, char q) {
        boolean triple = startsWith3(p, q);
        for (int i = p + (triple ? 3 : 1); i < len; i++) {
            char ch = buf[i];
            if (ch == '\\') i++;
            else if (ch == q && (!triple || startsWith3(i, q))) return true;
            else if (!triple && (ch == '\n' || ch == '\r')) return false;
        }
        return false;
    }

    private void prefixedString(int start, String prefix) {
        int quotePos = start + prefix.length();
        boolean raw = prefix.indexOf('r') >= 0;
        if (prefix.indexOf('f') < 0) {
            string(start, quotePos, raw, prefix.indexOf('b') >= 0);
            return;
        }
        char q = buf[quotePos];
        boolean triple = startsWith3(quotePos, q);
        if (fstringNesting >= MAX_FSTRING_NESTING) {
            if (fstringNesting == MAX_FSTRING_NESTING) error(ErrorCode.SYNTAX, start, quotePos + 1, "too many nested f-strings");
            fstringNesting++; // reported once; deeper ones lex as plain strings
            emit(ERROR, start, start, null);
            string(start, quotePos, raw, false);
            return;
        }
        int end = quotePos + (triple ? 3 : 1);
        emit(FSTRING_START, start, end, null);
        pos = end;
        modes.add(new FStr(q, triple, raw, start, quotePos));
        fstringNesting++;
    }

    /** A complete non-f string literal starting at {@code start} (its prefix) with its quote at {@code quotePos}. */
    private void string(int start, int quotePos, boolean raw, boolean bytes) {
        char q = buf[quotePos];
        boolean triple = startsWith3(quotePos, q);
        int p = quotePos + (triple ? 3 : 1);
        var value = new StringBuilder();
        while (true) {
            if (p >= len || (!triple && (buf[p] == '\n' || buf[p] == '\r'))) {
                error(ErrorCode.UNTERMINATED_STRING, start, quotePos + (triple ? 3 : 1),
                        triple ? "unterminated triple-quoted string literal" : "unterminated string literal");
                forgetBracketsSwallowedBy(start, triple);
                emit(ERROR, start, p, null);
                pos = p;
                return;
            }
            char c = buf[p];
            if (c == q && (!triple || startsWith3(p, q))) break;
            if (c == '\\') {
                p = raw ? rawBackslash(p, value) : Escapes.decode(src, p, value, bytes, diags);
            } else if (c == '\r') {
                value.append('\n');
                p = at(p + 1) == '\n' ? p + 2 : p + 1;
            } else {
                value.append(c);
                p++;
            }
        }
        int end = p + (triple ? 3 : 1);
        pos = end;
        if (bytes) error(ErrorCode.NOT_SUPPORTED, start, end, "bytes literals are not supported");
        emit(STRING, start, end, value.toString());
    }

    /** In a raw string a backslash stays, and keeps the next quote, backslash or newline from acting. */
    private int rawBackslash(int p, StringBuilder value) {
        value.append('\\');
        char next = at(p + 1);
        if (next == '\r') {
            value.append('\n');
            return at(p + 2) == '\n' ? p + 3 : p + 2;
        }
        if (next == '\\' || next == '\'' || next == '"' || next == '\n') {
            value.append(next);
            return p + 2;
        }
        return p + 1;
    }

    /** Literal text of an f-string, or of a format spec when {@code spec} is the field it belongs to. */
    private void fstringText(FStr s, Field spec) {
        var text = new StringBuilder();
        int segment = pos;
        while (true) {
            if (pos >= len) {
                flushText(text, segment);
                return; // finish() reports what was left open
            }
            char c = buf[pos];
            if (c == s.quote() && (!s.triple() || startsWith3(pos, c))) {
                flushText(text, segment);
                if (spec != null) {
                    bracesLeftOpen(spec);
                    emit(ERROR, pos, pos, null);
                } else {
                    emit(FSTRING_END, pos, pos + s.quoteWidth(), null);
                }
                pos += s.quoteWidth();
                popThrough(s);
                return;
            }
            if ((c == '\n' || c == '\r') && !s.triple()) {
                flushText(text, segment);
                unterminated(s);
                emit(ERROR, pos, pos, null);
                leaveAllFStrings();
                return;
            }
            switch (c) {
                case '{' -> {
                    if (spec == null && at(pos + 1) == '{') {
                        text.append('{');
                        pos += 2;
                        continue;
                    }
                    flushText(text, segment);
                    emit(LBRACE, pos, pos + 1, null);
                    modes.add(new Field(s, pos));
                    pos++;
                    return;
                }
                case '}' -> {
                    if (spec != null) {
                        flushText(text, segment);
                        emit(RBRACE, pos, pos + 1, null);
                        pos++;
                        modes.removeLast(); // the Spec
                        modes.removeLast(); // its Field
                        return;
                    }
                    if (at(pos + 1) == '}') {
                        pos += 2;
                    } else {
                        error(ErrorCode.BAD_FSTRING, pos, pos + 1, "f-string: single '}' is not allowed");
                        pos++;
                    }
                    text.append('}');
                }
                case '\\' -> pos = s.raw() ? rawBackslash(pos, text) : Escapes.decode(src, pos, text, false, diags);
                case '\r' -> {
                    text.append('\n');
                    pos = at(pos + 1) == '\n' ? pos + 2 : pos + 1;
                }
                default -> {
                    text.append(c);
                    pos++;
                }
            }
        }
    }

    private void unterminated(FStr s) {
        error(ErrorCode.UNTERMINATED_STRING, s.start(), s.quoteStart() + s.quoteWidth(),
                s.triple() ? "unterminated triple-quoted f-string literal" : "unterminated f-string literal");
        forgetBracketsSwallowedBy(s.start(), s.triple());
    }

    /**
     * An unterminated string swallowed the rest of its line (or file), and with it, most likely,
     * the closers of the brackets opened on that line: those are not reported as never closed.
     */
    private void forgetBracketsSwallowedBy(int stringStart, boolean toEndOfFile) {
        int lineStart = src.lastIndexOf('\n', stringStart - 1) + 1;
        while (!brackets.isEmpty() && (toEndOfFile || brackets.getLast().offset() >= lineStart)) brackets.removeLast();
    }

    private void flushText(StringBuilder text, int segment) {
        if (!text.isEmpty()) emit(FSTRING_MIDDLE, segment, pos, text.toString());
    }

    private void bracesLeftOpen(Field f) {
        error(ErrorCode.BAD_FSTRING, f.lbrace, f.lbrace + 1, "f-string: expecting '}'");
    }

    /** Leaves the f-string {@code s}: drops it and every field and spec opened inside it. */
    private void popThrough(FStr s) {
        while (!modes.isEmpty() && modes.removeLast() != s) {
            // fields and specs of s
        }
        fstringNesting = modes.isEmpty() ? 0 : fstringNesting - 1;
    }

    private void leaveAllFStrings() {
        modes.clear();
        fstringNesting = 0;
    }

    // ---- helpers ----

    private void emit(TokenKind kind, int start, int end, Object value) {
        out.add(new Token(kind, new Span(start, end), value));
        if (kind != NEWLINE && kind != INDENT && kind != DEDENT && kind != EOF) {
            lastEnd = end;
            if (unindentMismatch) {
                unindentMismatch = false;
                error(ErrorCode.INDENTATION, start, end, "unindent does not match any outer indentation level");
            }
        }
    }

    private void error(ErrorCode code, int start, int end, String message) {
        diags.error(code, new Span(start, end), message);
    }

    private char at(int p) {
        return p < len ? buf[p] : 0;
    }

    private boolean startsWith3(int p, char q) {
        return at(p) == q && at(p + 1) == q && at(p + 2) == q;
    }

    private boolean isIdentPartAt(int p) {
        char ch = buf[p];
        if (ch < 128) return isAsciiIdentPart(ch);
        int cp = Character.codePointAt(buf, p);
        return Character.isUnicodeIdentifierPart(cp) && !Character.isIdentifierIgnorable(cp);
    }

    private static int asciiDigit(char ch) {
        if (ch >= '0' && ch <= '9') return ch - '0';
        if (ch >= 'a' && ch <= 'z') return ch - 'a' + 10;
        if (ch >= 'A' && ch <= 'Z') return ch - 'A' + 10;
        return -1;
    }

    private static boolean isDigit(char ch) { return ch >= '0' && ch <= '9'; }

    private static boolean isQuote(char ch) { return ch == '"' || ch == '\''; }

    private static boolean isAsciiLetter(char ch) { return (ch | 0x20) >= 'a' && (ch | 0x20) <= 'z'; }

    private static boolean isAsciiIdentStart(char ch) { return isAsciiLetter(ch) || ch == '_'; }

    private static boolean isAsciiIdentPart(char ch) { return isAsciiIdentStart(ch) || isDigit(ch); }
}
