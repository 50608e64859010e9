package dev.roast.runtime.format;

/**
 * Lays out a double's digits as CPython's {@code PyOS_double_to_string} does, for the codes
 * {@code e E f F g G} and {@code r} (repr). This is a port of {@code format_float_short} in
 * CPython's {@code Python/pystrtod.c}; the digits come from {@link Dtoa}.
 */
final class FloatLayout {
    private FloatLayout() {}

    /** Options of {@code PyOS_double_to_string}: its flags and the case of the code. */
    record Options(boolean addDot0, boolean alternate, boolean noNegativeZero) {
        static final Options REPR = new Options(true, false, false);
    }

    /**
     * Formats {@code value} with {@code code} (one of {@code eEfFgGr}) and {@code precision}
     * (ignored for {@code r}).
     */
    static String format(double value, char code, int precision, Options options) {
        boolean upper = Character.isUpperCase(code);
        char lower = Character.toLowerCase(code);
        boolean negative = Double.doubleToRawLongBits(value) < 0;
        if (Double.isNaN(value)) {
            return upper ? "NAN" : "nan";
        }
        if (Double.isInfinite(value)) {
            return (negative ? "-" : "") + (upper ? "INF" : "inf");
        }
        double magnitude = Math.abs(value);
        DecimalDigits digits;
        switch (lower) {
            case 'e' -> {
                precision++;
                digits = Dtoa.significant(magnitude, precision);
            }
            case 'f' -> digits = Dtoa.fixed(magnitude, precision);
            case 'g' -> {
                if (precision == 0) {
                    precision = 1;
                }
                digits = Dtoa.significant(magnitude, precision);
            }
            case 'r' -> digits = Dtoa.shortest(magnitude);
            default -> throw new IllegalArgumentException("format code " + code);
        }
        if (options.noNegativeZero() && digits.isZero()) {
            negative = false;
        }
        return layout(negative, digits, lower, precision, upper, options);
    }

    private static String layout(boolean negative, DecimalDigits d, char code, int precision,
                                 boolean upper, Options options) {
        String digits = d.digits();
        int digitsLen = digits.length();
        int decpt = d.decimalPoint();
        boolean addDot0 = options.addDot0();
        boolean alternate = options.alternate();

        // Which slice [vdigitsStart, vdigitsEnd) of the digits, padded with zeros on both
        // sides, to print, and whether to use an exponent.
        int vdigitsEnd = digitsLen;
        boolean useExp = false;
        switch (code) {
            case 'e' -> {
                useExp = true;
                vdigitsEnd = precision;
            }
            case 'f' -> vdigitsEnd = decpt + precision;
            case 'g' -> {
                useExp = decpt <= -4 || decpt > (addDot0 ? precision - 1 : precision);
                if (alternate) {
                    vdigitsEnd = precision;
                }
            }
            default -> useExp = decpt <= -4 || decpt > 16; // 'r'
        }
        int exp = 0;
        if (useExp) {
            exp = decpt - 1;
            decpt = 1;
        }
        int vdigitsStart = decpt <= 0 ? decpt - 1 : 0;
        if (!useExp && addDot0) {
            vdigitsEnd = Math.max(vdigitsEnd, decpt + 1);
        } else {
            vdigitsEnd = Math.max(vdigitsEnd, decpt);
        }

        StringBuilder out = new StringBuilder(vdigitsEnd - vdigitsStart + 8);
        if (negative) {
            out.append('-');
        }
        if (decpt <= 0) {
            zeros(out, decpt - vdigitsStart);
            out.append('.');
            zeros(out, -decpt);
        } else {
            zeros(out, -vdigitsStart);
        }
        if (0 < decpt && decpt <= digitsLen) {
            out.append(digits, 0, decpt).append('.').append(digits, decpt, digitsLen);
        } else {
            out.append(digits);
        }
        if (digitsLen < decpt) {
            zeros(out, decpt - digitsLen);
            out.append('.');
            zeros(out, vdigitsEnd - decpt);
        } else {
            zeros(out, vdigitsEnd - digitsLen);
        }
        if (out.charAt(out.length() - 1) == '.' && !alternate) {
            out.setLength(out.length() - 1);
        }
        if (useExp) {
            out.append(upper ? 'E' : 'e').append(exp < 0 ? '-' : '+');
            int magnitude = Math.abs(exp);
            if (magnitude < 10) {
                out.append('0');
            }
            out.append(magnitude);
        }
        return out.toString();
    }

    private static void zeros(StringBuilder out, int count) {
        out.repeat('0', Math.max(0, count));
    }
}
