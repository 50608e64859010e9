package dev.roast.runtime.format;

/** Python's {@code repr(str)}: quoted, with CPython 3.12's escapes for unprintable characters. */
public final class StrRepr {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private StrRepr() {}

    /** {@code repr(text)}: {@code 'abc'}, {@code "it's"}, {@code 'a\nb'}, {@code '\x00'}. */
    public static String repr(String text) {
        char quote = text.indexOf('\'') >= 0 && text.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder out = new StringBuilder(text.length() + 2).append(quote);
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == quote || cp == '\\') {
                out.append('\\').append((char) cp);
            } else if (cp == '\t') {
                out.append("\\t");
            } else if (cp == '\n') {
                out.append("\\n");
            } else if (cp == '\r') {
                out.append("\\r");
            } else if (cp < ' ' || cp == 0x7f) {
                hex(out, 'x', cp, 2);
            } else if (cp < 0x7f || isPrintable(cp)) {
                out.appendCodePoint(cp);
            } else if (cp <= 0xff) {
                hex(out, 'x', cp, 2);
            } else if (cp <= 0xffff) {
                hex(out, 'u', cp, 4);
            } else {
                hex(out, 'U', cp, 8);
            }
        }
        return out.append(quote).toString();
    }

    /** {@code repr(text)} cut to its first {@code limit} code points, as CPython's {@code %.200R}. */
    static String repr(String text, int limit) {
        String repr = repr(text);
        return repr.codePointCount(0, repr.length()) <= limit
                ? repr
                : repr.substring(0, repr.offsetByCodePoints(0, limit));
    }

    /** CPython's {@code str.isprintable} for one non-ASCII code point: not a control, format, surrogate, private, unassigned or separator. */
    private static boolean isPrintable(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                 Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }

    private static void hex(StringBuilder out, char kind, int cp, int digits) {
        out.append('\\').append(kind);
        for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4) {
            out.append(HEX[(cp >> shift) & 0xf]);
        }
    }
}
