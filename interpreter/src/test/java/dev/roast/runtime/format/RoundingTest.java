package dev.roast.runtime.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class RoundingTest {

    private static void error(String expected, Executable call) {
        assertEquals(expected, assertThrows(FormatException.class, call).toString());
    }

    private static void round(String expected, double x, long ndigits) {
        assertEquals(expected, FloatRepr.repr(Rounding.round(x, ndigits)), () -> "round(" + x + ", " + ndigits + ")");
    }

    @Test
    void roundToIntIsHalfEven() {
        assertEquals(2, Rounding.round(2.5));
        assertEquals(2, Rounding.round(1.5));
        assertEquals(0, Rounding.round(0.5));
        assertEquals(0, Rounding.round(-0.5));
        assertEquals(-2, Rounding.round(-1.5));
        assertEquals(3, Rounding.round(2.5000000000000004));
        assertEquals(1, Rounding.round(0.5000000000000001));
        assertEquals(4503599627370497L, Rounding.round(4503599627370497.0));
        assertEquals(-9223372036854775808L, Rounding.round(-0x1p63));
    }

    @Test
    void roundToIntErrors() {
        error("OverflowError: cannot convert float infinity to integer", () -> Rounding.round(Double.POSITIVE_INFINITY));
        error("OverflowError: cannot convert float infinity to integer", () -> Rounding.round(Double.NEGATIVE_INFINITY));
        error("ValueError: cannot convert float NaN to integer", () -> Rounding.round(Double.NaN));
        error("OverflowError: integer overflow", () -> Rounding.round(0x1p63));
        error("OverflowError: integer overflow", () -> Rounding.round(9.3e18));
    }

    @Test
    void roundToDigitsIsCorrectlyRounded() {
        round("2.67", 2.675, 2);        // 2.675 is 2.67499999999999982236431605997495353221893310546875
        round("0.12", 0.125, 2);        // exact tie: to even
        round("0.38", 0.375, 2);
        round("1.0", 1.0005, 3);        // 1.000499999999999989341858963598497211933135986328125
        round("0.3", 0.1 + 0.2, 1);
        round("2.0", 2.5, 0);
        round("-0.0", -0.4, 0);
        round("-0.0", -0.001, 2);
        round("0.0", 0.001, 2);
        round("1230.0", 1234.5, -1);
        round("1200.0", 1250.0, -2);
        round("1400.0", 1350.0, -2);
        round("0.0", 499.0, -3);
        round("1e+300", 1e300, -300);
        round("5e-324", 5e-324, 324);
        round("0.0", 5e-324, 323);
    }

    @Test
    void roundToDigitsExtremes() {
        round("inf", Double.POSITIVE_INFINITY, 2);
        round("nan", Double.NaN, -2);
        round("0.1", 0.1, 324);
        round("0.1", 0.1, Long.MAX_VALUE);
        round("0.0", 1e300, -309);
        round("-0.0", -1e300, Long.MIN_VALUE);
        error("OverflowError: rounded value too large to represent", () -> Rounding.round(Double.MAX_VALUE, -308));
    }

    @Test
    void roundIntToNegativeDigitsIsHalfEven() {
        assertEquals(20, Rounding.round(15, -1));
        assertEquals(20, Rounding.round(25, -1));
        assertEquals(-20, Rounding.round(-25, -1));
        assertEquals(-20, Rounding.round(-15, -1));
        assertEquals(1200, Rounding.round(1250, -2));
        assertEquals(1300, Rounding.round(1251, -2));
        assertEquals(12345, Rounding.round(12345, 2));
        assertEquals(0, Rounding.round(Long.MAX_VALUE, -20));
        assertEquals(0, Rounding.round(5_000_000_000_000_000_000L, -19));
        assertEquals(9_000_000_000_000_000_000L, Rounding.round(Long.MAX_VALUE, -18));
    }

    @Test
    void roundIntOverflow() {
        error("OverflowError: integer overflow", () -> Rounding.round(Long.MAX_VALUE, -1));
        error("OverflowError: integer overflow", () -> Rounding.round(Long.MIN_VALUE, -1));
        error("OverflowError: integer overflow", () -> Rounding.round(5_000_000_000_000_000_001L, -19));
        error("OverflowError: integer overflow", () -> Rounding.round(-5_000_000_000_000_000_001L, -19));
    }

    @Test
    void floatToInt() {
        assertEquals(3, Rounding.truncate(3.9));
        assertEquals(-3, Rounding.truncate(-3.9));
        assertEquals(0, Rounding.truncate(-0.5));
        assertEquals(3, Rounding.floor(3.9));
        assertEquals(-4, Rounding.floor(-3.1));
        assertEquals(4, Rounding.ceil(3.1));
        assertEquals(-3, Rounding.ceil(-3.9));
        assertEquals(Long.MIN_VALUE, Rounding.truncate(-0x1p63));
        error("OverflowError: integer overflow", () -> Rounding.truncate(9.3e18));
        error("OverflowError: cannot convert float infinity to integer", () -> Rounding.floor(Double.NEGATIVE_INFINITY));
        error("ValueError: cannot convert float NaN to integer", () -> Rounding.ceil(Double.NaN));
    }
}
