package dev.roast.runtime.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FloatReprTest {

    private static void repr(String expected, double value) {
        assertEquals(expected, FloatRepr.repr(value));
    }

    @Test
    void integralValuesGetPointZero() {
        repr("1.0", 1.0);
        repr("100.0", 100.0);
        repr("0.0", 0.0);
        repr("-0.0", -0.0);
        repr("-3.0", -3.0);
        repr("1000000000000000.0", 1e15);
        repr("9999999999999998.0", 9999999999999998.0);
    }

    @Test
    void shortestDigitsThatRoundTrip() {
        repr("0.1", 0.1);
        repr("0.30000000000000004", 0.1 + 0.2);
        repr("0.3333333333333333", 1.0 / 3);
        repr("0.6666666666666666", 2.0 / 3);
        repr("2.675", 2.675);
        repr("9007199254740992.0", 9007199254740993.0);
        repr("1.7976931348623157e+308", Double.MAX_VALUE);
        repr("2.2250738585072014e-308", Double.MIN_NORMAL);
        repr("5e-324", Double.MIN_VALUE);
        repr("1e-323", 2 * Double.MIN_VALUE);
        repr("9.223372036854776e+18", 0x1p63);
    }

    @Test
    void exponentFromSixteenDigitsAndBelowTenToTheMinusFour() {
        repr("1e+16", 1e16);
        repr("1.2345678901234568e+17", 123456789012345680.0);
        repr("0.0001", 1e-4);
        repr("1e-05", 1e-5);
        repr("1.5e-05", 1.5e-5);
        repr("1.5e+300", 1.5e300);
        repr("1e+22", 1e22);
        repr("1e+23", 1e23);
        repr("-1e+100", -1e100);
    }

    @Test
    void differsFromJavaDoubleToString() {
        repr("2e+23", 2e23);           // Java: 2.0E23
        repr("0.001", 0.001);          // Java: 0.001, but 1.0E-3 for smaller
        repr("1e-07", 1e-7);           // Java: 1.0E-7
        repr("10000000.0", 1e7);       // Java: 1.0E7
        repr("123456789.0", 123456789.0);
    }

    @Test
    void nonFiniteValues() {
        repr("inf", Double.POSITIVE_INFINITY);
        repr("-inf", Double.NEGATIVE_INFINITY);
        repr("nan", Double.NaN);
        repr("nan", -Double.NaN);
    }
}
