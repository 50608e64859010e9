package dev.roast.runtime.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class IntReprTest {

    @Test
    void hexOctBin() {
        assertEquals("0x1f", IntRepr.hex(31));
        assertEquals("-0x1f", IntRepr.hex(-31));
        assertEquals("0x0", IntRepr.hex(0));
        assertEquals("0o17", IntRepr.oct(15));
        assertEquals("-0o17", IntRepr.oct(-15));
        assertEquals("0b101", IntRepr.bin(5));
        assertEquals("-0b101", IntRepr.bin(-5));
        assertEquals("0b0", IntRepr.bin(0));
    }

    @Test
    void extremes() {
        assertEquals("-0x8000000000000000", IntRepr.hex(Long.MIN_VALUE));
        assertEquals("0x7fffffffffffffff", IntRepr.hex(Long.MAX_VALUE));
        assertEquals("-0o1000000000000000000000", IntRepr.oct(Long.MIN_VALUE));
        assertEquals("-0b1" + "0".repeat(63), IntRepr.bin(Long.MIN_VALUE));
        assertEquals("-9223372036854775808", IntRepr.str(Long.MIN_VALUE));
        assertEquals("42", IntRepr.str(42));
    }
}
