package dev.roast.runtime.format;

/** One {@code int()} argument: a port of CPython's {@code PyLong_FromString} over the ASCII text. */
final class IntLiteral {
    /** CPython's default limit on digits in a non-power-of-two base (sys.get_int_max_str_digits()). */
    private static final int MAX_STR_DIGITS = 4300;

    private final String original;
    private final String s;
    private final int baseArgument;
    private int pos;

    IntLiteral(String original, int base) {
        this.original = original;
        this.s = NumeralText.toAscii(original);
        this.baseArgument = base;
    }

    long parse() {
        while (at(pos) != 0 && NumeralText.isAsciiSpace(at(pos))) {
            pos++;
        }
        boolean negative = false;
        if (at(pos) == '+') {
            pos++;
        } else if (at(pos) == '-') {
            pos++;
            negative = true;
        }
        int base = baseArgument;
        boolean errorIfNonzero = false;
        if (base == 0) {
            base = prefixBase();
            if (base == 0) {
                errorIfNonzero = true; // an old-style octal literal such as 017; 0 and 00 are fine
                base = 10;
            }
        }
        if (at(pos) == '0' && prefixBase() == base) {
            pos += 2;
            if (at(pos) == '_') {
                pos++;
            }
        }
        int start = pos;
        int digitCount = scanDigits(base);
        int end = pos;
        while (at(pos) != 0 && NumeralText.isAsciiSpace(at(pos))) {
            pos++;
        }
        if (at(pos) != 0) {
            throw invalid();
        }
        if ((base & (base - 1)) != 0 && digitCount > MAX_STR_DIGITS) {
            throw FormatException.valueError("Exceeds the limit (" + MAX_STR_DIGITS
                    + " digits) for integer string conversion: value has " + digitCount
                    + " digits; use sys.set_int_max_str_digits() to increase the limit");
        }
        if (errorIfNonzero && !allZeros(start, end)) {
            throw invalid();
        }
        if (pos != s.length()) {
            throw invalid(); // an embedded NUL
        }
        return value(start, end, base, negative);
    }

    /** The base a {@code 0x}/{@code 0o}/{@code 0b} prefix at pos gives, 10 without a leading 0, else 0. */
    private int prefixBase() {
        if (at(pos) != '0') {
            return 10;
        }
        return switch (at(pos + 1)) {
            case 'x', 'X' -> 16;
            case 'o', 'O' -> 8;
            case 'b', 'B' -> 2;
            default -> 0;
        };
    }

    /** Digits of {@code base} with single underscores between them; returns the digit count. */
    private int scanDigits(int base) {
        if (at(pos) == '_') {
            throw invalid();
        }
        int start = pos;
        int count = 0;
        char prev = 0;
        while (digitValue(at(pos)) < base || at(pos) == '_') {
            if (at(pos) == '_') {
                if (prev == '_') {
                    throw invalid();
                }
            } else {
                count++;
            }
            prev = at(pos++);
        }
        if (prev == '_' || pos == start) {
            throw invalid();
        }
        return count;
    }

    private boolean allZeros(int start, int end) {
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c != '0' && c != '_') {
                return false;
            }
        }
        return true;
    }

    /** The value of the digits in [start, end), accumulated negatively so that the minimum long fits. */
    private long value(int start, int end, int base, boolean negative) {
        long limit = negative ? Long.MIN_VALUE : -Long.MAX_VALUE;
        long multMin = limit / base;
        long result = 0;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c == '_') {
                continue;
            }
            int digit = digitValue(c);
            if (result < multMin) {
                throw FormatException.integerOverflow();
            }
            result *= base;
            if (result < limit + digit) {
                throw FormatException.integerOverflow();
            }
            result -= digit;
        }
        return negative ? result : -result;
    }

    private FormatException invalid() {
        return FormatException.valueError("invalid literal for int() with base " + baseArgument + ": "
                + StrRepr.repr(original, 200));
    }

    private char at(int i) {
        return i < s.length() ? s.charAt(i) : 0;
    }

    private static int digitValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 10;
        }
        return 37;
    }
}
