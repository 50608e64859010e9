package dev.roast.runtime.format;

/**
 * Python's {@code format(value, spec)} for int, bool and float: the {@code __format__} methods
 * of CPython 3.12 ({@code format_long_internal} and {@code format_float_internal} in
 * Python/formatter_unicode.c).
 */
public final class NumberFormat {
    private NumberFormat() {}

    /** {@code format(value, spec)} for an int. */
    public static String format(long value, String spec) {
        return format(value, FormatSpec.parse(spec, FormatSpec.Target.INT));
    }

    /** {@code format(value, spec)} for a float. */
    public static String format(double value, String spec) {
        return format(value, FormatSpec.parse(spec, FormatSpec.Target.FLOAT));
    }

    /** {@code format(value, spec)} for a bool: {@code str(value)} for an empty spec, else as the int 0 or 1. */
    public static String format(boolean value, String spec) {
        return format(value ? 1 : 0, FormatSpec.parse(spec, FormatSpec.Target.BOOL));
    }

    /**
     * {@code format(value, spec)} for an int, with a spec parsed for {@code INT}; or for a bool
     * (0 or 1) with a spec parsed for {@code BOOL}.
     */
    public static String format(long value, FormatSpec spec) {
        if (spec.target != FormatSpec.Target.INT && spec.target != FormatSpec.Target.BOOL) {
            throw new IllegalArgumentException("spec parsed for " + spec.target + ", formatting an int");
        }
        if (spec.isEmpty()) {
            return spec.target == FormatSpec.Target.BOOL ? (value != 0 ? "True" : "False") : Long.toString(value);
        }
        return switch (spec.type) {
            case 'b', 'c', 'd', 'o', 'x', 'X', 'n' -> IntFormatter.format(value, spec);
            case 'e', 'E', 'f', 'F', 'g', 'G', '%' -> FloatFormatter.format((double) value, spec);
            default -> throw spec.unknownType();
        };
    }

    /** {@code format(value, spec)} for a float, with a spec parsed for {@code FLOAT}. */
    public static String format(double value, FormatSpec spec) {
        if (spec.target != FormatSpec.Target.FLOAT) {
            throw new IllegalArgumentException("spec parsed for " + spec.target + ", formatting a float");
        }
        if (spec.isEmpty()) {
            return FloatRepr.repr(value);
        }
        return switch (spec.type) {
            case FormatSpec.NO_TYPE, 'e', 'E', 'f', 'F', 'g', 'G', 'n', '%' -> FloatFormatter.format(value, spec);
            default -> throw spec.unknownType();
        };
    }
}
