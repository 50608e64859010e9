package dev.roast.runtime.format;

/** Python's {@code str(int)}, {@code hex}, {@code oct} and {@code bin} of a 64-bit int. */
public final class IntRepr {
    private IntRepr() {}

    /** {@code str(value)}. */
    public static String str(long value) {
        return Long.toString(value);
    }

    /** {@code hex(value)}: {@code 0x1f}, {@code -0x1f}. */
    public static String hex(long value) {
        return withPrefix(value, "0x", 16);
    }

    /** {@code oct(value)}: {@code 0o17}, {@code -0o17}. */
    public static String oct(long value) {
        return withPrefix(value, "0o", 8);
    }

    /** {@code bin(value)}: {@code 0b101}, {@code -0b101}. */
    public static String bin(long value) {
        return withPrefix(value, "0b", 2);
    }

    /** The magnitude of {@code value} in {@code radix}, without sign (correct for {@code Long.MIN_VALUE}). */
    static String magnitude(long value, int radix) {
        return Long.toUnsignedString(value < 0 ? -value : value, radix);
    }

    private static String withPrefix(long value, String prefix, int radix) {
        String digits = magnitude(value, radix);
        return value < 0 ? "-" + prefix + digits : prefix + digits;
    }
}
