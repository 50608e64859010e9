package dev.roast.interpreter.values;

import dev.roast.heap.Heap;
import dev.roast.heap.Str;
import dev.roast.values.PackedValue;

/** String helpers with Python's definitions (whitespace, digits, search bounds) over the {@link Str} primitives. */
public final class Strings {
    private Strings() {}

    /** A str word's text as a Java string (for code that needs one: formatting, parsing, messages). */
    public static String text(long word) { return Str.toJavaString(word & PackedValue.PAYLOAD_MASK); }

    /** A new str word holding a Java string's text. */
    public static long word(Heap heap, String s) { return PackedValue.ofPointer(Str.of(heap, s)); }

    /** Python's str.isspace for one code point. */
    public static boolean isSpace(int c) {
        return c == ' ' || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f) || c == 0x85 || c == 0xa0 || c == 0x1680
                || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x205f || c == 0x3000;
    }

    /** Python's str.isdigit for one code point (decimal digits and other digit characters such as '²'). */
    public static boolean isDigit(int c) {
        int t = Character.getType(c);
        if (t == Character.DECIMAL_DIGIT_NUMBER) return true;
        if (t == Character.OTHER_NUMBER) {
            int v = Character.getNumericValue(c);
            return v >= 0 && v <= 9 && !(c >= 0x2160 && c <= 0x2188);
        }
        return false;
    }

    /** Python's slice-bound adjustment for find/count/startswith: start and end clamped into [0, n]. */
    public static int clampStart(long start, int n) {
        if (start < 0) start = Math.max(0, start + n);
        return (int) Math.min(start, (long) n + 1);  // n + 1: past the end, which find/count/startswith reject
    }

    /** Python's slice-bound adjustment of an end bound: clamped into [0, n]. */
    public static int clampEnd(long end, int n) {
        if (end < 0) end = Math.max(0, end + n);
        return (int) Math.min(end, n);
    }

    /** Index of {@code sub} in {@code s} within [start, end) (already clamped; start may be past end), or -1. */
    public static int find(long s, long sub, int start, int end) {
        return Str.indexOf(s, sub, start, end);
    }
}
