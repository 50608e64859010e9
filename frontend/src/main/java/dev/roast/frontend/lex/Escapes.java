package dev.roast.frontend.lex;

import dev.roast.frontend.diag.Diagnostic;
import dev.roast.frontend.diag.Diagnostics;
import dev.roast.frontend.diag.ErrorCode;
import dev.roast.frontend.source.Span;

/** Decodes one backslash escape of a non-raw string literal as Python does, reporting the ones it rejects. */
final class Escapes {
    private Escapes() {}

    /**
     * Decodes the escape whose backslash is at {@code p}, appending its value to {@code out}.
     * Returns the offset just after the escape. An unknown escape keeps its backslash (Python's
     * value) and returns the offset of the character after the backslash, so that character is
     * read again as ordinary text.
     */
    static int decode(String src, int p, StringBuilder out, boolean bytes, Diagnostics diags) {
        int n = p + 1;
        if (n >= src.length()) {
            out.append('\\');
            return n;
        }
        char e = src.charAt(n);
        switch (e) {
            case '\n' -> { return n + 1; }
            case '\r' -> { return n + 1 < src.length() && src.charAt(n + 1) == '\n' ? n + 2 : n + 1; }
            case '\\', '\'', '"' -> out.append(e);
            case 'a' -> out.append('\u0007');
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'v' -> out.append('\u000B');
            case '0', '1', '2', '3', '4', '5', '6', '7' -> { return octal(src, n, out); }
            case 'x' -> { return hex(src, p, n + 1, 2, out, diags); }
            case 'u', 'U', 'N' -> {
                if (bytes) return unknown(src, p, out, diags);
                return e == 'N' ? named(src, p, out, diags) : hex(src, p, n + 1, e == 'u' ? 4 : 8, out, diags);
            }
            default -> { return unknown(src, p, out, diags); }
        }
        return n + 1;
    }

    private static int octal(String src, int n, StringBuilder out) {
        int value = 0;
        int i = n;
        while (i < src.length() && i < n + 3 && src.charAt(i) >= '0' && src.charAt(i) <= '7') {
            value = value * 8 + (src.charAt(i) - '0');
            i++;
        }
        out.appendCodePoint(value);
        return i;
    }

    private static int hex(String src, int backslash, int from, int count, StringBuilder out, Diagnostics diags) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int d = i < src.length() ? Character.digit(src.charAt(i), 16) : -1;
            if (d < 0 || src.charAt(i) > 'f') {
                char kind = src.charAt(backslash + 1);
                String shape = switch (kind) {
                    case 'x' -> "\\xXX";
                    case 'u' -> "\\uXXXX";
                    default -> "\\UXXXXXXXX";
                };
                report(diags, backslash, "truncated " + shape + " escape");
                return i;
            }
            value = value * 16 + d;
        }
        if (value > Character.MAX_CODE_POINT || value < 0) {
            report(diags, backslash, "illegal Unicode character in \\U escape");
            return from + count;
        }
        out.appendCodePoint(value);
        return from + count;
    }

    private static int named(String src, int backslash, StringBuilder out, Diagnostics diags) {
        int open = backslash + 2;
        int close = -1;
        if (open < src.length() && src.charAt(open) == '{') {
            for (int i = open + 1; i < src.length(); i++) {
                char c = src.charAt(i);
                if (c == '}') { close = i; break; }
                if (c == '\n' || c == '"' || c == '\'') break;
            }
        }
        if (close < 0) {
            report(diags, backslash, "malformed \\N character escape");
            return open;
        }
        try {
            out.appendCodePoint(Character.codePointOf(src.substring(open + 1, close)));
        } catch (IllegalArgumentException unknownName) {
            report(diags, backslash, "unknown Unicode character name in \\N{...} escape");
        }
        return close + 1;
    }

    private static int unknown(String src, int backslash, StringBuilder out, Diagnostics diags) {
        char e = src.charAt(backslash + 1);
        diags.add(new Diagnostic(ErrorCode.BAD_ESCAPE, "invalid escape sequence '\\" + e + "'",
                new Span(backslash, backslash + 1))
                .withHelp("use a raw string r\"...\" or escape the backslash"));
        out.append('\\');
        return backslash + 1;
    }

    private static void report(Diagnostics diags, int backslash, String message) {
        diags.error(ErrorCode.BAD_ESCAPE, new Span(backslash, backslash + 1), message);
    }
}
