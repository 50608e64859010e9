package dev.roast.runtime.format;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Decimal digits of a non-negative finite double in the three modes of David Gay's
 * {@code dtoa} that CPython uses: shortest round-trip (mode 0), a number of significant digits
 * (mode 2) and a number of digits after the decimal point (mode 3). Modes 2 and 3 round the
 * exact binary value half to even.
 */
final class Dtoa {
    private Dtoa() {}

    /** Mode 0: the shortest digits that read back as {@code value}. */
    static DecimalDigits shortest(double value) {
        return value == 0 ? DecimalDigits.ZERO : Ryu.shortest(value);
    }

    /** Mode 2: {@code value} correctly rounded to {@code significant} (at least 1) digits. */
    static DecimalDigits significant(double value, int significant) {
        if (value == 0) {
            return DecimalDigits.ZERO;
        }
        DecimalDigits fast = FixedDigits.significant(value, significant);
        if (fast != null) {
            return fast;
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(significant, RoundingMode.HALF_EVEN));
        return DecimalDigits.of(rounded.unscaledValue().toString(), rounded.scale());
    }

    /** Mode 3: {@code value} correctly rounded to {@code decimals} digits after the point (may be negative). */
    static DecimalDigits fixed(double value, int decimals) {
        if (value == 0) {
            return DecimalDigits.ZERO;
        }
        DecimalDigits fast = FixedDigits.fixed(value, decimals);
        if (fast != null) {
            return fast;
        }
        BigDecimal rounded = new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN);
        return DecimalDigits.of(rounded.unscaledValue().toString(), rounded.scale());
    }
}
