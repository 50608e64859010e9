package dev.roast.runtime.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StrReprTest {

    @Test
    void quotes() {
        assertEquals("'abc'", StrRepr.repr("abc"));
        assertEquals("''", StrRepr.repr(""));
        assertEquals("\"it's\"", StrRepr.repr("it's"));
        assertEquals("'say \"hi\"'", StrRepr.repr("say \"hi\""));
        assertEquals("'it\\'s \"x\"'", StrRepr.repr("it's \"x\""));
    }

    @Test
    void escapes() {
        assertEquals("'a\\nb\\tc\\rd\\\\e'", StrRepr.repr("a\nb\tc\rd\\e"));
        assertEquals("'\\x00\\x1f\\x7f'", StrRepr.repr("\0\u001f\u007f"));
        assertEquals("'\\x85\\xa0\\xad'", StrRepr.repr("\u0085\u00a0\u00ad"));
        assertEquals("'\\u2028\\u3000\\ud800'", StrRepr.repr("\u2028\u3000\ud800"));
        assertEquals("'\\U000e0001'", StrRepr.repr("\udb40\udc01"));
    }

    @Test
    void printableNonAsciiIsKept() {
        assertEquals("'é€😀ж'", StrRepr.repr("é€😀ж"));
    }

    @Test
    void truncatedLikePercentPoint200R() {
        assertEquals("'aaa", StrRepr.repr("aaaaa", 4));
        assertEquals("'😀😀", StrRepr.repr("😀😀😀", 3));
        assertEquals("'ab'", StrRepr.repr("ab", 4));
    }
}
