package dev.roast.runtime.format;

/**
 * Python's {@code int(str)}, {@code int(str, base)} and {@code float(str)}: the text CPython 3.12
 * accepts ({@code PyLong_FromString}, {@code PyFloat_FromString}) and its ValueError messages;
 * an int outside 64 bits is Roast's {@code OverflowError: integer overflow}.
 */
public final class NumberParse {
    private NumberParse() {}

    /** {@code int(text)}. */
    public static long parseInt(String text) {
        return parseInt(text, 10);
    }

    /** {@code int(text, base)}, base 0 or 2 to 36. */
    public static long parseInt(String text, long base) {
        if ((base != 0 && base < 2) || base > 36) {
            throw FormatException.valueError("int() base must be >= 2 and <= 36, or 0");
        }
        return new IntLiteral(text, (int) base).parse();
    }

    /** {@code float(text)}. */
    public static double parseFloat(String text) {
        return FloatLiteral.parse(text);
    }
}
