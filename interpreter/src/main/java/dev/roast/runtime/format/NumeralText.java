package dev.roast.runtime.format;

/**
 * The character classes CPython's {@code int()} and {@code float()} parsers see: ASCII
 * whitespace, Unicode whitespace and Unicode decimal digits
 * ({@code _PyUnicode_TransformDecimalAndSpaceToASCII}).
 */
final class NumeralText {
    private NumeralText() {}

    /**
     * The ASCII text CPython parses: Unicode whitespace becomes a space, Unicode decimal digits
     * become ASCII digits, and the first other non-ASCII character becomes {@code ?} and ends the text.
     */
    static String toAscii(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (cp >= 128 && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                if (cp < 128) {
                    out.append((char) cp);
                } else if (isUnicodeSpace(cp)) {
                    out.append(' ');
                } else if (Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER) {
                    out.append((char) ('0' + Character.digit(cp, 10)));
                } else {
                    return out.append('?').toString();
                }
            }
            i += Character.charCount(cp);
        }
        return out == null ? text : out.toString();
    }

    /** CPython's {@code Py_ISSPACE}: the six ASCII whitespace characters. */
    static boolean isAsciiSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    /** CPython's {@code Py_UNICODE_ISSPACE} for non-ASCII code points. */
    private static boolean isUnicodeSpace(int cp) {
        return cp == 0x85 || cp == 0xa0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200a)
                || cp == 0x2028 || cp == 0x2029 || cp == 0x202f || cp == 0x205f || cp == 0x3000;
    }
}
