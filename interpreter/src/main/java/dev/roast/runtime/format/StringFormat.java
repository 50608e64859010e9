package dev.roast.runtime.format;

/** Python's {@code format(value, spec)} for a str: CPython's {@code format_string_internal}. */
public final class StringFormat {
    private StringFormat() {}

    /** {@code format(value, spec)} for a str. */
    public static String format(String value, String spec) {
        return format(value, FormatSpec.parse(spec, FormatSpec.Target.STR));
    }

    /** {@code format(value, spec)} for a str, with a spec parsed for {@code STR}; widths count code points. */
    public static String format(String value, FormatSpec spec) {
        if (spec.target != FormatSpec.Target.STR) {
            throw new IllegalArgumentException("spec parsed for " + spec.target + ", formatting a str");
        }
        if (spec.isEmpty()) {
            return value;
        }
        if (spec.type != 's') {
            throw spec.unknownType();
        }
        check(spec);
        int length = value.codePointCount(0, value.length());
        if (spec.precision >= 0 && length > spec.precision) {
            value = value.substring(0, value.offsetByCodePoints(0, (int) spec.precision));
            length = (int) spec.precision;
        }
        long total = Math.max(spec.width, length);
        long left = switch (spec.align) {
            case '>' -> total - length;
            case '^' -> (total - length) / 2;
            default -> 0;
        };
        long right = total - length - left;
        if (total > Integer.MAX_VALUE - 16) {
            throw new FormatException("MemoryError", "");
        }
        StringBuilder out = new StringBuilder(value.length() + (int) (left + right));
        return out.repeat(spec.fill, (int) left).append(value).repeat(spec.fill, (int) right).toString();
    }

    private static void check(FormatSpec spec) {
        if (spec.sign == ' ') {
            throw FormatException.valueError("Space not allowed in string format specifier");
        }
        if (spec.sign != 0) {
            throw FormatException.valueError("Sign not allowed in string format specifier");
        }
        if (spec.noNegativeZero) {
            throw FormatException.valueError("Negative zero coercion (z) not allowed in string format specifier");
        }
        if (spec.alternate) {
            throw FormatException.valueError("Alternate form (#) not allowed in string format specifier");
        }
        if (spec.align == '=') {
            throw FormatException.valueError("'=' alignment not allowed in string format specifier");
        }
    }
}
