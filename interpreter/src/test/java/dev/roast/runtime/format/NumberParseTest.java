package dev.roast.runtime.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NumberParseTest {

    private static void parsesInt(long expected, String text, long base) {
        assertEquals(expected, NumberParse.parseInt(text, base), () -> "int(" + StrRepr.repr(text) + ", " + base + ")");
    }

    private static void intError(String expected, String text, long base) {
        FormatException e = assertThrows(FormatException.class, () -> NumberParse.parseInt(text, base));
        assertEquals(expected, e.toString());
    }

    private static void parsesFloat(String expectedRepr, String text) {
        assertEquals(expectedRepr, FloatRepr.repr(NumberParse.parseFloat(text)), () -> "float(" + StrRepr.repr(text) + ")");
    }

    private static void floatError(String text) {
        FormatException e = assertThrows(FormatException.class, () -> NumberParse.parseFloat(text));
        assertEquals("ValueError: could not convert string to float: " + StrRepr.repr(text), e.toString());
    }

    @Test
    void intDecimal() {
        assertEquals(42, NumberParse.parseInt("42"));
        parsesInt(-42, "-42", 10);
        parsesInt(42, "+42", 10);
        parsesInt(42, "  \t42\n ", 10);
        parsesInt(1000000, "1_000_000", 10);
        parsesInt(7, "007", 10);
        parsesInt(Long.MAX_VALUE, "9223372036854775807", 10);
        parsesInt(Long.MIN_VALUE, "-9223372036854775808", 10);
    }

    @Test
    void intUnicodeDigitsAndSpaces() {
        parsesInt(12, "\u0661\u0662", 10);             // Arabic-Indic digits
        parsesInt(35, "\uff13\uff15", 10);             // fullwidth digits
        parsesInt(1, "\u00851\u3000", 10);             // NEL and ideographic space around
        intError("ValueError: invalid literal for int() with base 10: '\\x1c1'", "\u001c1", 10);
    }

    @Test
    void intBases() {
        parsesInt(255, "ff", 16);
        parsesInt(255, "0xFF", 16);
        parsesInt(255, "0x_ff", 0);
        parsesInt(-255, "-0XfF", 0);
        parsesInt(8, "0o10", 0);
        parsesInt(5, "0b101", 0);
        parsesInt(5, "0b_1_0_1", 2);
        parsesInt(177, "0b1", 16);                     // b is a hex digit
        parsesInt(35, "z", 36);
        parsesInt(35, "Z", 36);
        parsesInt(0, "00", 0);
        parsesInt(0, "0_0", 0);
        parsesInt(0, "-0", 0);
        parsesInt(10, "10", 0);
    }

    @Test
    void intInvalidLiterals() {
        intError("ValueError: invalid literal for int() with base 10: 'abc'", "abc", 10);
        intError("ValueError: invalid literal for int() with base 10: ''", "", 10);
        intError("ValueError: invalid literal for int() with base 10: ' '", " ", 10);
        intError("ValueError: invalid literal for int() with base 10: '1_'", "1_", 10);
        intError("ValueError: invalid literal for int() with base 10: '_1'", "_1", 10);
        intError("ValueError: invalid literal for int() with base 10: '1__0'", "1__0", 10);
        intError("ValueError: invalid literal for int() with base 10: '+ 1'", "+ 1", 10);
        intError("ValueError: invalid literal for int() with base 10: '1.5'", "1.5", 10);
        intError("ValueError: invalid literal for int() with base 10: '1\\x00'", "1\0", 10);
        intError("ValueError: invalid literal for int() with base 10: '1😀'", "1😀", 10);
        intError("ValueError: invalid literal for int() with base 16: '0x'", "0x", 16);
        intError("ValueError: invalid literal for int() with base 2: '2'", "2", 2);
        intError("ValueError: invalid literal for int() with base 0: '012'", "012", 0);
        intError("ValueError: invalid literal for int() with base 0: '0_7'", "0_7", 0);
        intError("ValueError: invalid literal for int() with base 0: '0x__1f'", "0x__1f", 0);
        intError("ValueError: invalid literal for int() with base 8: '0x1'", "0x1", 8);
    }

    @Test
    void intMessageQuotesAtMostTwoHundredCharacters() {
        String text = "x".repeat(300);
        intError("ValueError: invalid literal for int() with base 10: '" + "x".repeat(199), text, 10);
    }

    @Test
    void intBaseAndSizeLimits() {
        intError("ValueError: int() base must be >= 2 and <= 36, or 0", "1", 1);
        intError("ValueError: int() base must be >= 2 and <= 36, or 0", "1", 37);
        intError("ValueError: int() base must be >= 2 and <= 36, or 0", "1", -1);
        intError("ValueError: Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits;"
                + " use sys.set_int_max_str_digits() to increase the limit", "1".repeat(4301), 10);
        intError("OverflowError: integer overflow", "1".repeat(4300), 10);
        intError("OverflowError: integer overflow", "1".repeat(5000), 16); // no digit limit in power-of-two bases
        intError("OverflowError: integer overflow", "9223372036854775808", 10);
        intError("OverflowError: integer overflow", "-9223372036854775809", 10);
        intError("OverflowError: integer overflow", "0x10000000000000000", 0);
    }

    @Test
    void floatForms() {
        parsesFloat("1.5", "1.5");
        parsesFloat("1.5", "  1.5\n");
        parsesFloat("1.0", "1.");
        parsesFloat("0.5", ".5");
        parsesFloat("-50.0", "-.5e+2");
        parsesFloat("1e-05", "1E-5");
        parsesFloat("1000.5", "1_000.5");
        parsesFloat("10000000000.0", "1e1_0");
        parsesFloat("0.0001", "0.000_1");
        parsesFloat("1.2", "\u0661.\u0662");
        parsesFloat("1.5", "\u00851.5\u3000");
        parsesFloat("0.30000000000000004", "0.30000000000000004");
        parsesFloat("5e-324", "4.9e-324");
        parsesFloat("0.0", "2.4703282292062327e-324");  // just below half the smallest subnormal
        parsesFloat("5e-324", "2.4703282292062328e-324");
        parsesFloat("1.7976931348623157e+308", "1.7976931348623158e308");
        parsesFloat("inf", "1.7976931348623159e308");
        parsesFloat("inf", "1e99999999999999999999");
        parsesFloat("0.0", "1e-99999999999");
        parsesFloat("-0.0", "-0");
    }

    @Test
    void floatInfinityAndNan() {
        parsesFloat("inf", "inf");
        parsesFloat("inf", "+Infinity");
        parsesFloat("-inf", "-iNF");
        parsesFloat("-inf", " -INFINITY ");
        parsesFloat("nan", "nan");
        parsesFloat("nan", "-NaN");
    }

    @Test
    void floatInvalid() {
        for (String text : new String[] {"", " ", "abc", "1__0", "_1", "1_", "1_.5", "1._5", "1e_1", "1_e1",
                "infinit", "infinityy", "in_f", "1e", "1e+", ".", ".e1", "e1", "0x10", "1d", "1f", "1.5.5",
                "+-1", "- 1", "1 2", "1\0", "é", "1é", "٣x", "nan1", "--1"}) {
            floatError(text);
        }
    }
}
