package dev.roast.runtime.format;

/**
 * One {@code float()} argument: a decimal literal, or inf, infinity or nan in any case, with
 * optional sign, surrounding whitespace and underscores between digits, as CPython's
 * {@code PyFloat_FromString} accepts it. The value is Java's correctly rounded
 * {@code Double.parseDouble} of the validated literal, as David Gay's {@code strtod} is in CPython.
 */
final class FloatLiteral {
    private static final double NEGATIVE_NAN = Double.longBitsToDouble(0xfff8000000000000L);

    private final String s;
    private final String original;
    private int pos;

    private FloatLiteral(String s, String original) {
        this.s = s;
        this.original = original;
    }

    /** {@code float(text)}. */
    static double parse(String text) {
        String ascii = NumeralText.toAscii(text);
        if (ascii.indexOf('_') >= 0) {
            ascii = withoutUnderscores(ascii, text);
        }
        int start = 0;
        int last = ascii.length();
        while (start < last && NumeralText.isAsciiSpace(ascii.charAt(start))) {
            start++;
        }
        if (start == last) {
            throw notAFloat(text);
        }
        while (start < last - 1 && NumeralText.isAsciiSpace(ascii.charAt(last - 1))) {
            last--;
        }
        return new FloatLiteral(ascii.substring(start, last), text).parse();
    }

    /**
     * The text without its underscores, each of which must sit between two ASCII digits
     * ({@code _Py_string_to_number_with_underscores}).
     */
    private static String withoutUnderscores(String ascii, String original) {
        StringBuilder out = new StringBuilder(ascii.length());
        char prev = 0;
        for (int i = 0; i < ascii.length(); i++) {
            char c = ascii.charAt(i);
            if (c == 0) {
                throw notAFloat(original);
            }
            if (c == '_') {
                if (!isDigit(prev)) {
                    throw notAFloat(original);
                }
            } else {
                if (prev == '_' && !isDigit(c)) {
                    throw notAFloat(original);
                }
                out.append(c);
            }
            prev = c;
        }
        if (prev == '_') {
            throw notAFloat(original);
        }
        return out.toString();
    }

    private double parse() {
        boolean negative = at(0) == '-';
        pos = at(0) == '-' || at(0) == '+' ? 1 : 0;
        int mantissaDigits = digits();
        if (at(pos) == '.') {
            pos++;
            mantissaDigits += digits();
        }
        double value;
        if (mantissaDigits == 0) {
            value = infinityOrNan(negative);
        } else {
            exponent();
            value = Double.parseDouble(s.substring(0, pos));
        }
        if (pos != s.length()) {
            throw notAFloat(original);
        }
        return value;
    }

    private double infinityOrNan(boolean negative) {
        pos = at(0) == '-' || at(0) == '+' ? 1 : 0;
        if (matches("infinity")) {
            pos += 8;
        } else if (matches("inf")) {
            pos += 3;
        } else if (matches("nan")) {
            pos += 3;
            return negative ? NEGATIVE_NAN : Double.NaN;
        } else {
            throw notAFloat(original);
        }
        return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }

    /** An exponent is consumed only if it is complete: {@code e}, an optional sign and digits. */
    private void exponent() {
        if (at(pos) != 'e' && at(pos) != 'E') {
            return;
        }
        int save = pos;
        pos++;
        if (at(pos) == '+' || at(pos) == '-') {
            pos++;
        }
        if (digits() == 0) {
            pos = save;
        }
    }

    private int digits() {
        int start = pos;
        while (isDigit(at(pos))) {
            pos++;
        }
        return pos - start;
    }

    private boolean matches(String word) {
        return s.regionMatches(true, pos, word, 0, word.length());
    }

    private char at(int i) {
        return i < s.length() ? s.charAt(i) : 0;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static FormatException notAFloat(String text) {
        return FormatException.valueError("could not convert string to float: " + StrRepr.repr(text));
    }
}
