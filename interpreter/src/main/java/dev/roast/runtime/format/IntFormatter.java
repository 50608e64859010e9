package dev.roast.runtime.format;

/** Formats an int with an integer presentation type (b c d n o x X): CPython's {@code format_long_internal}. */
final class IntFormatter {
    private IntFormatter() {}

    static String format(long value, FormatSpec spec) {
        if (spec.precision != FormatSpec.UNSPECIFIED) {
            throw FormatException.valueError("Precision not allowed in integer format specifier");
        }
        if (spec.noNegativeZero) {
            throw FormatException.valueError("Negative zero coercion (z) not allowed in integer format specifier");
        }
        NumberLayout.Parts parts = spec.type == 'c' ? character(value, spec) : number(value, spec);
        FormatSpec.Grouping grouping = spec.type == 'n' ? FormatSpec.Grouping.NONE : spec.grouping;
        return NumberLayout.layout(spec, parts, grouping, spec.type == 'X');
    }

    /** Type {@code c}: the character with that code point, laid out as a remainder with no digits. */
    private static NumberLayout.Parts character(long value, FormatSpec spec) {
        if (spec.sign != 0) {
            throw FormatException.valueError("Sign not allowed with integer format specifier 'c'");
        }
        if (spec.alternate) {
            throw FormatException.valueError("Alternate form (#) not allowed with integer format specifier 'c'");
        }
        if (value < 0 || value > 0x10ffff) {
            throw FormatException.overflowError("%c arg not in range(0x110000)");
        }
        return new NumberLayout.Parts(false, "", "", false, Character.toString((int) value));
    }

    private static NumberLayout.Parts number(long value, FormatSpec spec) {
        int radix = switch (spec.type) {
            case 'b' -> 2;
            case 'o' -> 8;
            case 'x', 'X' -> 16;
            default -> 10;
        };
        String prefix = !spec.alternate ? "" : switch (radix) {
            case 2 -> "0b";
            case 8 -> "0o";
            case 16 -> "0x";
            default -> "";
        };
        return new NumberLayout.Parts(value < 0, prefix, IntRepr.magnitude(value, radix), false, "");
    }
}
