package dev.roast.runtime.format;

/** Formats a float with a float presentation type (e E f F g G n % or none): CPython's {@code format_float_internal}. */
final class FloatFormatter {
    private FloatFormatter() {}

    static String format(double value, FormatSpec spec) {
        String text = text(value, spec);
        FormatSpec.Grouping grouping = spec.type == 'n' ? FormatSpec.Grouping.NONE : spec.grouping;
        return NumberLayout.layout(spec, parts(text), grouping, false);
    }

    /** The number before padding and grouping: what {@code PyOS_double_to_string} returns for the spec. */
    private static String text(double value, FormatSpec spec) {
        if (spec.precision > Integer.MAX_VALUE) {
            throw FormatException.valueError("precision too big");
        }
        int precision = (int) spec.precision;
        int type = spec.type;
        boolean addDot0 = false;
        int defaultPrecision = 6;
        if (type == FormatSpec.NO_TYPE) {
            // Like repr without a precision; else like 'g' with at least one digit after the point.
            addDot0 = true;
            type = 'r';
            defaultPrecision = 0;
        }
        if (type == 'n') {
            type = 'g'; // in the C locale
        }
        boolean percent = type == '%';
        if (percent) {
            type = 'f';
            value *= 100;
        }
        if (precision < 0) {
            precision = defaultPrecision;
        } else if (type == 'r') {
            type = 'g';
        }
        FloatLayout.Options options = new FloatLayout.Options(addDot0, spec.alternate, spec.noNegativeZero);
        String text = FloatLayout.format(value, (char) type, precision, options);
        return percent ? text + "%" : text;
    }

    /** Splits {@code -123.45e+06} into sign, leading digits, whether a point follows, and the rest. */
    private static NumberLayout.Parts parts(String text) {
        boolean negative = text.startsWith("-");
        int start = negative ? 1 : 0;
        int end = start;
        while (end < text.length() && text.charAt(end) >= '0' && text.charAt(end) <= '9') {
            end++;
        }
        boolean hasDecimal = end < text.length() && text.charAt(end) == '.';
        String remainder = text.substring(hasDecimal ? end + 1 : end);
        return new NumberLayout.Parts(negative, "", text.substring(start, end), hasDecimal, remainder);
    }
}
