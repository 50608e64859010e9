package dev.roast.runtime.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Hand-picked edges of format() on str; the expected texts were printed by CPython 3.12. */
class StringFormatTest {

    private static void string(String expected, String value, String spec) {
        assertEquals(expected, StringFormat.format(value, spec), () -> "format('" + value + "', '" + spec + "')");
    }

    private static void stringError(String type, String message, String value, String spec) {
        FormatException e = assertThrows(FormatException.class, () -> StringFormat.format(value, spec));
        assertEquals(type + ": " + message, e.toString(), () -> "format('" + value + "', '" + spec + "')");
    }

    /** Fill, alignment (left by default), precision truncation; widths count code points. */
    @Test
    void paddingAndTruncation() {
        string("abc", "abc", "");
        string("abc", "abc", "s");
        string("abc       ", "abc", "10");
        string("       abc", "abc", ">10");
        string("   abc    ", "abc", "^10");
        string("  abc   ", "abc", "^8");
        string("***abc***", "abc", "*^9");
        string("abc0000000", "abc", "010");
        string("ab", "abc", ".2");
        string("", "abc", ".0");
        string("ab        ", "abc", "10.2s");
        string("  abc", "abc", ">5.5");
        string("   \ud83d\ude00é", "\ud83d\ude00é", ">5");
        string("\ud83d\ude00\ud83d\ude00", "\ud83d\ude00\ud83d\ude00\ud83d\ude00", ".2");
        string("é ", "é", "3");
        string("abc\ud83d\ude00\ud83d\ude00", "abc", "\ud83d\ude00<5");
    }

    /** Signs, z, #, '=', grouping and non-s types are errors. */
    @Test
    void errors() {
        stringError("ValueError", "Sign not allowed in string format specifier", "abc", "+");
        stringError("ValueError", "Space not allowed in string format specifier", "abc", " ");
        stringError("ValueError", "Sign not allowed in string format specifier", "abc", "-");
        stringError("ValueError", "Negative zero coercion (z) not allowed in string format specifier", "abc", "z");
        stringError("ValueError", "Alternate form (#) not allowed in string format specifier", "abc", "#");
        stringError("ValueError", "'=' alignment not allowed in string format specifier", "abc", "=10");
        stringError("ValueError", "Cannot specify ',' with 's'.", "abc", ",");
        stringError("ValueError", "Cannot specify '_' with 's'.", "abc", "_");
        stringError("ValueError", "Unknown format code 'd' for object of type 'str'", "abc", "d");
        stringError("ValueError", "Unknown format code 'd' for object of type 'str'", "abc", ".2d");
        stringError("ValueError", "Invalid format specifier 'ab' for object of type 'str'", "abc", "ab");
    }
}
