package dev.roast.runtime.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Hand-picked edges of format(); the expected texts were printed by CPython 3.12. */
class NumberFormatTest {

    private static void integer(String expected, long value, String spec) {
        assertEquals(expected, NumberFormat.format(value, spec), () -> "format(" + value + ", '" + spec + "')");
    }

    private static void integerError(String type, String message, long value, String spec) {
        FormatException e = assertThrows(FormatException.class, () -> NumberFormat.format(value, spec));
        assertEquals(type + ": " + message, e.toString(), () -> "format(" + value + ", '" + spec + "')");
    }

    private static void real(String expected, double value, String spec) {
        assertEquals(expected, NumberFormat.format(value, spec), () -> "format(" + value + ", '" + spec + "')");
    }

    private static void realError(String type, String message, double value, String spec) {
        FormatException e = assertThrows(FormatException.class, () -> NumberFormat.format(value, spec));
        assertEquals(type + ": " + message, e.toString(), () -> "format(" + value + ", '" + spec + "')");
    }

    /** Plain, sign and width. */
    @Test
    void intSignAndWidth() {
        integer("1234", 1234, "");
        integer("-1234", -1234, "");
        integer("1234", 1234, "d");
        integer("+1234", 1234, "+");
        integer("+1234", 1234, "+d");
        integer("-1234", -1234, "+");
        integer(" 1234", 1234, " ");
        integer("-1234", -1234, " d");
        integer("1234", 1234, "-");
        integer("      1234", 1234, "10");
        integer("     -1234", -1234, "10");
        integer("1234      ", 1234, "<10");
        integer("   1234   ", 1234, "^10");
        integer("  1234   ", 1234, "^9");
        integer("-     1234", -1234, "=10");
        integer("-*****1234", -1234, "*=+10");
    }

    /** Zero padding is '=' alignment with fill 0, and is grouped. */
    @Test
    void intZeroPaddingIsEqualsAlignmentAndIsGrouped() {
        integer("-000001234", -1234, "010");
        integer("0,001,234", 1234, "08,");
        integer("0,001,234", 1234, "09,");
        integer("00,001,234", 1234, "0=10,");
        integer("-000_001_234", -1234, "012_");
        integer("1234000000", 1234, "<010");
        integer("1234xxxxxx", 1234, "x<010");
        integer("-1", -1, "02");
    }

    /** Grouping. */
    @Test
    void intGrouping() {
        integer("1,234,567", 1234567, ",");
        integer("-1,234,567", -1234567, ",d");
        integer("1_234_567", 1234567, "_");
        integer("123", 123, ",");
        integer("0", 0, ",");
        integer("-9,223,372,036,854,775,808", Long.MIN_VALUE, ",");
        integer("9_223_372_036_854_775_807", Long.MAX_VALUE, "_d");
    }

    /** Bases, prefixes, upper case. */
    @Test
    void intBasesPrefixesAndUpperCase() {
        integer("11111111", 255, "b");
        integer("0b11111111", 255, "#b");
        integer("1111_1111", 255, "_b");
        integer("0b1111_1111", 255, "#_b");
        integer("377", 255, "o");
        integer("0o377", 255, "#o");
        integer("ff", 255, "x");
        integer("0xff", 255, "#x");
        integer("FF", 255, "X");
        integer("0XFF", 255, "#X");
        integer("-0x00000ff", -255, "#010x");
        integer("-0XFF", -255, "#X");
        integer("0X0_0000_00FF", 255, "#012_X");
        integer("-8000000000000000", Long.MIN_VALUE, "x");
        integer("-0b1000000000000000000000000000000000000000000000000000000000000000", Long.MIN_VALUE, "#b");
        integer("255", 255, "#d");
    }

    /** N is d in the C locale: no grouping. */
    @Test
    void intNIsDWithoutGrouping() {
        integer("1234567", 1234567, "n");
        integer("   1234567", 1234567, "10n");
    }

    /** C: the character with that code point, in range(0x110000). */
    @Test
    void intCharacter() {
        integer("A", 65, "c");
        integer("0000A", 65, "05c");
        integer("  A  ", 65, "^5c");
        integer("\ud83d\ude00", 128512, "c");
        integer("  \ud83d\ude00", 128512, ">3c");
        integer("\u0000", 0, "c");
        integer("\udbff\udfff", 1114111, "c");
        integerError("OverflowError", "%c arg not in range(0x110000)", 1114112, "c");
        integerError("OverflowError", "%c arg not in range(0x110000)", -1, "c");
        integerError("ValueError", "Sign not allowed with integer format specifier 'c'", 65, "+c");
        integerError("ValueError", "Alternate form (#) not allowed with integer format specifier 'c'", 65, "#c");
        integerError("ValueError", "Cannot specify ',' with 'c'.", 65, ",c");
    }

    /** Ints formatted as floats. */
    @Test
    void intWithFloatTypes() {
        integer("1.234000e+03", 1234, "e");
        integer("1234.00", 1234, ".2f");
        integer("123400.000000%", 1234, "%");
        integer("100.0%", 1, ".1%");
        integer("9007199254740992.000000", 9007199254740993L, "f");
        integer("-9.223372e+18", Long.MIN_VALUE, "e");
        integer("123,456,789.00", 123456789, ",.2f");
        integer("5", 5, "g");
        integer("5.0", 5, "z.1f");
    }

    /** Errors. */
    @Test
    void intErrors() {
        integerError("ValueError", "Precision not allowed in integer format specifier", 1, ".2");
        integerError("ValueError", "Precision not allowed in integer format specifier", 1, ".2d");
        integerError("ValueError", "Negative zero coercion (z) not allowed in integer format specifier", 1, "z");
        integerError("ValueError", "Negative zero coercion (z) not allowed in integer format specifier", 1, "zd");
        integerError("ValueError", "Unknown format code 's' for object of type 'int'", 1, "s");
        integerError("ValueError", "Invalid format specifier 'abc' for object of type 'int'", 1, "abc");
        integerError("ValueError", "Cannot specify ',' with 'b'.", 1, ",b");
        integerError("ValueError", "Cannot specify ',' with 'x'.", 1, ",x");
        integerError("ValueError", "Cannot specify '_' with 'n'.", 1, "_n");
        integerError("ValueError", "Cannot specify ',' with 'n'.", 1, ",n");
        integerError("ValueError", "Cannot specify both ',' and '_'.", 1, ",_");
        integerError("ValueError", "Cannot specify both ',' and '_'.", 1, "_,");
        integerError("ValueError", "Format specifier missing precision", 1, ".");
        integerError("ValueError", "Too many decimal digits in format string", 1, "99999999999999999999");
        integerError("ValueError", "Unknown format code '\\x436' for object of type 'int'", 1, "ж");
        integerError("ValueError", "Invalid format specifier '\\x00' for object of type 'int'", 1, "\\x00");
    }

    /** No type: repr, or with a precision like g with at least one digit after the point. */
    @Test
    void floatNoTypeIsReprOrGKeepingAPoint() {
        real("1.0", 1.0, "");
        real("   1.0", 1.0, ">6");
        real("     1e+16", 1e+16, ">10");
        real("0.1", 0.1, ".3");
        real("1.0", 1.0, ".3");
        real("1e+02", 100.0, ".1");
        real("1.23e+02", 123.0, ".3");
        real("1.23e+03", 1234.5, ".3");
        real("1e-05", 1e-05, ".3");
        real("1e+16", 1e+16, ".17");
        real("1e+15", 1000000000000000.0, ".16");
        real("0.0", 0.0, ".3");
        real("-0.0", -0.0, ".3");
        real("1.0", 1.0, "#");
        real("1.e+16", 1e+16, "#");
        real("123,456.0", 123456.0, ",");
    }

    /** Correctly rounded, half to even on the exact binary value. */
    @Test
    void floatCorrectlyRoundedHalfEven() {
        real("2.67", 2.675, ".2f");
        real("0.12", 0.125, ".2f");
        real("0.38", 0.375, ".2f");
        real("0", 0.5, ".0f");
        real("2", 1.5, ".0f");
        real("2", 2.5, ".0f");
        real("-0", -0.5, ".0f");
        real("1.000", 1.0005, ".3f");
        real("0.04", 0.045, ".2f");
        real("10000000000000000000000", 1e+22, ".0f");
        real("99999999999999991611392", 1e+23, ".0f");
        real("1e+300", 1e+300, ".0e");
        real("0.100000000000000005551115123126", 0.1, ".30f");
        real("4.94e-324", 5e-324, ".3");
        real("4.940656e-324", 5e-324, "e");
        real("1.798e+308", 1.7976931348623157e+308, ".3e");
        real("179,769,313,486,231,570,814,527,423,731,704,356,798,070,567,525,844,996,598,917,476,803,157,260,780,028,538,760,589,558,632,766,878,171,540,458,953,514,382,464,234,321,326,889,464,182,768,467,546,703,537,516,986,049,910,576,551,282,076,245,490,090,389,328,944,075,868,508,455,133,942,304,583,236,903,222,948,165,808,559,332,123,348,274,797,826,204,144,723,168,738,177,180,919,299,881,250,404,026,184,124,858,368", 1.7976931348623157e+308, ",.0f");
    }

    /** E, f, g and upper case. */
    @Test
    void floatEFG() {
        real("1.234568e+03", 1234.5678, "e");
        real("1.23e+03", 1234.5678, ".2e");
        real("1.234568E+03", 1234.5678, "E");
        real("1.234e-04", 0.00012345, ".3e");
        real("1234.567800", 1234.5678, "f");
        real("1234.6", 1234.5678, ".1f");
        real("1235.", 1234.5678, "#.0f");
        real("1234.567800", 1234.5678, "F");
        real("1234.57", 1234.5678, "g");
        real("1.2e+03", 1234.5678, ".2g");
        real("1234.57", 1234.5678, "G");
        real("1e-05", 1e-05, "g");
        real("0.0001", 0.0001, "g");
        real("1e+16", 1e+16, "g");
        real("1.23457e+08", 123456789.0, "g");
        real("1234567", 1234567.0, ".7g");
        real("1.23457e+06", 1234567.0, ".6g");
        real("1.00000", 1.0, "#g");
        real("0", 0.0, "g");
        real("0.00", 0.0, "#.3g");
        real("2", 1.5, ".0g");
        real("2.", 1.5, "#.0g");
    }

    /** N is g in the C locale, without grouping. */
    @Test
    void floatNIsGWithoutGrouping() {
        real("1.23457e+06", 1234567.0, "n");
        real("1234.5", 1234.5, ".10n");
    }

    /** Percent. */
    @Test
    void floatPercent() {
        real("10.000000%", 0.1, "%");
        real("12.5%", 0.125, ".1%");
        real("100%", 1.0, ".0%");
        real("-0.000000%", -0.0, "%");
    }

    /** Signs, z. */
    @Test
    void floatSignsAndZ() {
        real("+1.5", 1.5, "+");
        real(" 1.5", 1.5, " ");
        real("-1.5", -1.5, "+");
        real("-0.0", -0.0, "");
        real("0.0", -0.0, "z");
        real("+0.0", -0.0, "+z");
        real("0.00", -0.0001, "z.2f");
        real("-0.00", -0.0001, ".2f");
        real("0e+00", -0.0, "z.0e");
        real("0", -0.0, "z.3g");
        real("-1e-07", -1e-07, "z.3g");
        real("-0.40%", -0.004, "z.2%");
    }

    /** Alignment and padding. */
    @Test
    void floatAlignmentAndPadding() {
        real("+      1.5", 1.5, "=+10");
        real("   -1.5   ", -1.5, "^+10");
        real("-000001.50", -1.5, "010.2f");
        real("012,345.68", 12345.678, "010,.2f");
        real("***12,345.7****", 12345.678, "*^15,.1f");
        real("12_345.678", 12345.678, "_");
        real("-1_234_567.891", -1234567.891, "012_.3f");
        real("€€€€€1.5", 1.5, "€>8");
    }

    /** Inf and nan. */
    @Test
    void floatInfAndNan() {
        real("inf", Double.POSITIVE_INFINITY, "");
        real("-inf", Double.NEGATIVE_INFINITY, "");
        real("0000000inf", Double.POSITIVE_INFINITY, "010");
        real("-      inf", Double.NEGATIVE_INFINITY, "=+10");
        real("INF", Double.POSITIVE_INFINITY, "F");
        real("-INF", Double.NEGATIVE_INFINITY, "E");
        real("+inf", Double.POSITIVE_INFINITY, "+.2f");
        real("inf", Double.POSITIVE_INFINITY, ",");
        real("inf%", Double.POSITIVE_INFINITY, "%");
        real("nan", Double.NaN, "");
        real("+NAN", Double.NaN, "+F");
        real("  nan  ", Double.NaN, "^7");
        real("nan", Double.NaN, "z");
    }

    /** Errors. */
    @Test
    void floatErrors() {
        realError("ValueError", "Unknown format code 'd' for object of type 'float'", 1.5, "d");
        realError("ValueError", "Unknown format code 'x' for object of type 'float'", 1.5, "x");
        realError("ValueError", "Unknown format code 's' for object of type 'float'", 1.5, "s");
        realError("ValueError", "Unknown format code 'c' for object of type 'float'", 1.5, "c");
        realError("ValueError", "Unknown format code 'b' for object of type 'float'", 1.5, "b");
        realError("ValueError", "Invalid format specifier 'abc' for object of type 'float'", 1.5, "abc");
        realError("ValueError", "Format specifier missing precision", 1.5, ".");
        realError("ValueError", "precision too big", 1.5, ".9999999999f");
        realError("ValueError", "Cannot specify both ',' and '_'.", 1.5, ",_");
        realError("ValueError", "Cannot specify ',' with 'n'.", 1.5, ",n");
        realError("ValueError", "Cannot specify '_' with 'n'.", 1.5, "_n");
    }

    /** Bool: str() for an empty spec, else the int 0 or 1, with 'bool' in messages. */
    @Test
    void bool() {
        assertEquals("True", NumberFormat.format(true, ""));
        assertEquals("False", NumberFormat.format(false, ""));
        assertEquals("    1", NumberFormat.format(true, ">5"));
        assertEquals("0x0", NumberFormat.format(false, "#x"));
        assertEquals("1.000000", NumberFormat.format(true, "f"));
        FormatException e = assertThrows(FormatException.class, () -> NumberFormat.format(true, "x5"));
        assertEquals("ValueError: Invalid format specifier 'x5' for object of type 'bool'", e.toString());
        e = assertThrows(FormatException.class, () -> NumberFormat.format(true, "s"));
        assertEquals("ValueError: Unknown format code 's' for object of type 'bool'", e.toString());
    }

    /** A parsed spec can be reused, as an f-string site would. */
    @Test
    void parsedSpecIsReusable() {
        FormatSpec spec = FormatSpec.parse(">+10,.2f", FormatSpec.Target.FLOAT);
        assertEquals("     +1.50", NumberFormat.format(1.5, spec));
        assertEquals(" -1,234.57", NumberFormat.format(-1234.567, spec));
        FormatSpec ints = FormatSpec.parse("#06x", FormatSpec.Target.INT);
        assertEquals("0x00ff", NumberFormat.format(255, ints));
    }
}
