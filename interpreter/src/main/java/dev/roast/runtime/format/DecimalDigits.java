package dev.roast.runtime.format;

/**
 * A decimal digit string and the position of its decimal point, as David Gay's {@code dtoa}
 * returns them: the value is {@code 0.digits × 10^decimalPoint}. The digits have no trailing
 * zeros; zero is {@code "0"} with decimal point 1.
 */
record DecimalDigits(String digits, int decimalPoint) {
    static final DecimalDigits ZERO = new DecimalDigits("0", 1);

    /** The value {@code significand × 10^exponent}, with the significand's trailing zeros dropped. */
    static DecimalDigits of(long significand, int exponent) {
        if (significand == 0) {
            return ZERO;
        }
        while (significand % 10 == 0) {
            significand /= 10;
            exponent++;
        }
        String digits = Long.toString(significand);
        return new DecimalDigits(digits, exponent + digits.length());
    }

    /** The value {@code unscaled × 10^-scale}, with the trailing zeros dropped. */
    static DecimalDigits of(String unscaled, int scale) {
        int end = unscaled.length();
        while (end > 1 && unscaled.charAt(end - 1) == '0') {
            end--;
        }
        if (end == 1 && unscaled.charAt(0) == '0') {
            return ZERO;
        }
        return new DecimalDigits(unscaled.substring(0, end), unscaled.length() - scale);
    }

    boolean isZero() {
        return digits.equals("0");
    }
}
