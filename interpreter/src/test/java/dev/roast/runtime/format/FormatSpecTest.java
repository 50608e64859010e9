package dev.roast.runtime.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roast.runtime.format.FormatSpec.Grouping;
import dev.roast.runtime.format.FormatSpec.Target;
import org.junit.jupiter.api.Test;

class FormatSpecTest {

    private static void error(String message, String spec, Target target) {
        FormatException e = assertThrows(FormatException.class, () -> FormatSpec.parse(spec, target));
        assertEquals("ValueError", e.pythonType());
        assertEquals(message, e.getMessage());
    }

    @Test
    void everyField() {
        FormatSpec spec = FormatSpec.parse("*^+z#012,.3f", Target.FLOAT);
        assertEquals('*', spec.fill);
        assertEquals('^', spec.align);
        assertEquals('+', spec.sign);
        assertTrue(spec.noNegativeZero);
        assertTrue(spec.alternate);
        assertEquals(12, spec.width);
        assertEquals(Grouping.COMMA, spec.grouping);
        assertEquals(3, spec.precision);
        assertEquals('f', spec.type());
        assertEquals("*^+z#012,.3f", spec.toString());
    }

    @Test
    void defaultsDependOnTheTarget() {
        FormatSpec forInt = FormatSpec.parse("5", Target.INT);
        assertEquals('d', forInt.type());
        assertEquals('>', forInt.align);
        assertEquals(FormatSpec.UNSPECIFIED, forInt.precision);
        FormatSpec forFloat = FormatSpec.parse("5", Target.FLOAT);
        assertEquals(FormatSpec.NO_TYPE, forFloat.type());
        FormatSpec forStr = FormatSpec.parse("5", Target.STR);
        assertEquals('s', forStr.type());
        assertEquals('<', forStr.align);
    }

    @Test
    void leadingZeroMeansFillZeroAndEqualsAlignmentForNumbersOnly() {
        FormatSpec number = FormatSpec.parse("08", Target.INT);
        assertEquals('0', number.fill);
        assertEquals('=', number.align);
        assertEquals(8, number.width);
        FormatSpec string = FormatSpec.parse("08", Target.STR);
        assertEquals('0', string.fill);
        assertEquals('<', string.align);
        FormatSpec explicitAlign = FormatSpec.parse("<08", Target.INT);
        assertEquals('0', explicitAlign.fill);
        assertEquals('<', explicitAlign.align);
        FormatSpec explicitFill = FormatSpec.parse("x>08", Target.INT);
        assertEquals('x', explicitFill.fill);
        assertEquals(8, explicitFill.width); // the 0 is then part of the width
    }

    @Test
    void fillMayBeAnyCodePoint() {
        FormatSpec spec = FormatSpec.parse("😀>5", Target.INT);
        assertEquals("😀".codePointAt(0), spec.fill);
        assertEquals('<', FormatSpec.parse("<<", Target.STR).fill);
        assertEquals('<', FormatSpec.parse("<<", Target.STR).align);
    }

    @Test
    void widthAndPrecisionAcceptUnicodeDigits() {
        FormatSpec spec = FormatSpec.parse("\u0665.\u0662", Target.FLOAT);
        assertEquals(5, spec.width);
        assertEquals(2, spec.precision);
    }

    @Test
    void underscoreGroupsByFourInBinaryOctalAndHex() {
        assertEquals(Grouping.UNDERSCORE_FOUR, FormatSpec.parse("_x", Target.INT).grouping);
        assertEquals(Grouping.UNDERSCORE_FOUR, FormatSpec.parse("_b", Target.INT).grouping);
        assertEquals(Grouping.UNDERSCORE, FormatSpec.parse("_d", Target.INT).grouping);
        assertEquals(Grouping.UNDERSCORE, FormatSpec.parse("_", Target.FLOAT).grouping);
    }

    @Test
    void emptySpecIsShared() {
        assertTrue(FormatSpec.parse("", Target.INT).isEmpty());
        assertSame(FormatSpec.parse("", Target.FLOAT), FormatSpec.parse("", Target.FLOAT));
        assertFalse(FormatSpec.parse("d", Target.INT).isEmpty());
    }

    @Test
    void errors() {
        error("Invalid format specifier 'abc' for object of type 'int'", "abc", Target.INT);
        error("Invalid format specifier '10.2ff' for object of type 'float'", "10.2ff", Target.FLOAT);
        error("Invalid format specifier 'xx' for object of type 'str'", "xx", Target.STR);
        error("Invalid format specifier 'x5' for object of type 'bool'", "x5", Target.BOOL);
        error("Format specifier missing precision", ".", Target.FLOAT);
        error("Format specifier missing precision", "10.f", Target.FLOAT);
        error("Too many decimal digits in format string", "99999999999999999999", Target.INT);
        error("Too many decimal digits in format string", ".99999999999999999999", Target.FLOAT);
        error("Cannot specify both ',' and '_'.", ",_", Target.INT);
        error("Cannot specify both ',' and '_'.", "_,", Target.INT);
        error("Cannot specify ',' with ','.", ",,", Target.INT);
        error("Cannot specify ',' with 's'.", ",", Target.STR);
        error("Cannot specify ',' with 'x'.", ",x", Target.INT);
        error("Cannot specify '_' with 'n'.", "_n", Target.FLOAT);
        error("Cannot specify ',' with 'c'.", ",c", Target.INT);
        error("Cannot specify ',' with '\\x436'.", ",ж", Target.INT);
    }

    @Test
    void typeErrorsAreLeftToTheFormatter() {
        FormatSpec spec = FormatSpec.parse("q", Target.FLOAT);
        assertEquals("ValueError: Unknown format code 'q' for object of type 'float'", spec.unknownType().toString());
        assertEquals("ValueError: Unknown format code '\\x1' for object of type 'int'",
                FormatSpec.parse("\u0001", Target.INT).unknownType().toString());
        assertEquals("TypeError: unsupported format string passed to list.__format__",
                FormatSpec.unsupported("list").toString());
    }
}
